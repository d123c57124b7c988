import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, draws, notifications, registrations, selectionBatches, selectionCalls, selections, units } from '../../db/schema.js';
import { verifyAuditChain } from '../../audit/index.js';
import { closeBatch, markCall, mySelectionTurn, openNextBatch, refuseTurn, releaseSelection, selectUnit, selectionBoard } from './index.js';
import { addSellingProject, registerAndDraw, selectionWorld, type SelectionWorld } from './testing.js';

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code);

describe.each(TEST_DB_KINDS)('选房 (第十一条) on %s', (kind) => {
  let h: DbHandle;
  let w: SelectionWorld;
  beforeEach(async () => {
    h = await openTestDbOf(kind);
    w = await selectionWorld(h, { units: 8, families: 10, batchSize: 4, windowMinutes: 30 });
  });
  afterEach(() => h.close());

  const callsOf = async (batchId: string) =>
    (await h.db.select().from(selectionCalls).where(eq(selectionCalls.batchId, batchId))).sort((a, b) => a.rank - b.rank).map((c) => [c.rank, c.outcome]);

  it('batch 1 calls ranks 1–4; a family chooses one unit, a retry returns it, a second unit and a taken unit are refused; others wait their turn', async () => {
    const b1 = await openNextBatch(w.staffCtx, { drawId: w.draw.id });
    expect(b1).toMatchObject({ batchNo: 1, fromRank: 1, toRank: 4, status: 'open', called: 4, closedBatchNo: null });
    expect(b1.closesAt.getTime() - b1.opensAt.getTime()).toBe(30 * 60_000);
    expect(await callsOf(b1.id)).toEqual([[1, 'waiting'], [2, 'waiting'], [3, 'waiting'], [4, 'waiting']]);
    // The four called families are told (in-app + SMS), nobody else.
    const told = await h.db.select().from(notifications).where(eq(notifications.template, 'selection_called'));
    expect(new Set(told.map((n) => n.accountId))).toEqual(new Set(w.families.slice(0, 4).map((f) => f.actor.accountId)));
    expect(told.find((n) => n.channel === 'in_app')!.body).toContain('第1批选房');

    const [u0, u1] = w.unitIds;
    const s = await selectUnit(w.familyCtx(0), { unitId: u0! });
    expect(s).toMatchObject({ status: 'locked', kind: 'round', unitId: u0, batchId: b1.id, registrationId: w.registrations[0]!.id });
    expect((await selectUnit(w.familyCtx(0), { unitId: u0! })).id).toBe(s.id);
    expect(await codeOf(selectUnit(w.familyCtx(0), { unitId: u1! }))).toBe('ALREADY_HOLDS_UNIT');
    expect(await codeOf(selectUnit(w.familyCtx(1), { unitId: u0! }))).toBe('UNIT_TAKEN');
    expect(await codeOf(selectUnit(w.familyCtx(4), { unitId: u1! }))).toBe('NOT_YOUR_TURN');
    expect(await codeOf(selectUnit(w.staffCtx, { unitId: u1! }))).toBe('FORBIDDEN');
    expect(await w.unitCounts()).toEqual({ available: 7, reserved: 1 });
    expect(await h.db.select().from(selections)).toHaveLength(1);
    expect(await callsOf(b1.id)).toEqual([[1, 'selected'], [2, 'waiting'], [3, 'waiting'], [4, 'waiting']]);
    expect((await h.db.select().from(notifications).where(eq(notifications.template, 'selection_locked'))).find((n) => n.channel === 'in_app')!.body)
      .toMatch(/1号楼 101，总价 ¥720,000\.00/);
  });

  it('the window is the clock: at closes_at the turn is over; a refusal is final; the next batch closes the open one and marks the rest no-show', async () => {
    const b1 = await openNextBatch(w.implementerCtx, { drawId: w.draw.id });
    await refuseTurn(w.familyCtx(1), { registrationId: w.registrations[1]!.id });
    expect((await refuseTurn(w.familyCtx(1), { registrationId: w.registrations[1]!.id })).changed).toBe(false);
    expect(await codeOf(selectUnit(w.familyCtx(1), { unitId: w.unitIds[0]! }))).toBe('NOT_YOUR_TURN');
    // Another family's registration is not found for this family.
    expect(await codeOf(refuseTurn(w.familyCtx(1), { registrationId: w.registrations[2]!.id }))).toBe('NOT_FOUND');
    w.clock.advanceMinutes(29);
    await selectUnit(w.familyCtx(0), { unitId: w.unitIds[0]! });
    w.clock.advanceMinutes(1); // exactly closes_at
    expect(await codeOf(selectUnit(w.familyCtx(2), { unitId: w.unitIds[1]! }))).toBe('NOT_YOUR_TURN');

    const b2 = await openNextBatch(w.staffCtx, { drawId: w.draw.id });
    expect(b2).toMatchObject({ batchNo: 2, fromRank: 5, toRank: 8, closedBatchNo: 1 });
    expect(await callsOf(b1.id)).toEqual([[1, 'selected'], [2, 'refused'], [3, 'no_show'], [4, 'no_show']]);
    const [closed] = await h.db.select().from(selectionBatches).where(eq(selectionBatches.id, b1.id));
    expect(closed).toMatchObject({ status: 'closed' });
    expect(await h.db.select().from(notifications).where(and(eq(notifications.template, 'selection_no_show'), eq(notifications.channel, 'in_app')))).toHaveLength(2);
    // The no-show family of batch 1 is not called again and cannot choose now.
    expect(await codeOf(selectUnit(w.familyCtx(2), { unitId: w.unitIds[1]! }))).toBe('NOT_YOUR_TURN');
    expect((await selectUnit(w.familyCtx(5), { unitId: w.unitIds[1]! })).batchId).toBe(b2.id);
  });

  it('第十一条: a family that signed elsewhere (registration closed) or holds a unit elsewhere is skipped; the batch range covers the skipped ranks', async () => {
    const other = await addSellingProject(h, w, 'JN-2026-002', 4);
    const od = await registerAndDraw(h, w, other.project, other.plan);
    await openNextBatch(w.staffCtx, { drawId: od.draw.id });
    const otherUnit = (await h.db.select().from(units).where(eq(units.projectId, other.project.id)))[0]!;
    await selectUnit(w.familyCtx(1), { unitId: otherUnit.id }); // holds a unit in project 2
    await h.db.update(registrations).set({ status: 'closed', closedReason: '已在其他项目签约' }).where(eq(registrations.id, w.registrations[2]!.id));

    const b1 = await openNextBatch(w.staffCtx, { drawId: w.draw.id });
    expect(b1).toMatchObject({ fromRank: 1, toRank: 6, called: 4 });
    expect(await callsOf(b1.id)).toEqual([[1, 'waiting'], [4, 'waiting'], [5, 'waiting'], [6, 'waiting']]);
    // The holder cannot take a second unit in this project either.
    expect(await codeOf(selectUnit(w.familyCtx(1), { unitId: w.unitIds[0]! }))).toBe('NOT_YOUR_TURN');
    const b2 = await openNextBatch(w.staffCtx, { drawId: w.draw.id });
    expect(b2).toMatchObject({ fromRank: 7, toRank: 10, called: 4 });
    expect(await codeOf(openNextBatch(w.staffCtx, { drawId: w.draw.id }))).toBe('NO_ENTRANTS_LEFT');
  });

  it('retry-safe opening with batchNo; refusals: no units left, a draw not drawn, the wrong district, a family', async () => {
    const a = await openNextBatch(w.staffCtx, { drawId: w.draw.id, batchNo: 1 });
    const again = await openNextBatch(w.staffCtx, { drawId: w.draw.id, batchNo: 1 });
    expect(again.id).toBe(a.id);
    expect(await h.db.select().from(selectionBatches)).toHaveLength(1);
    expect(await codeOf(openNextBatch(w.staffCtx, { drawId: w.draw.id, batchNo: 3 }))).toBe('BATCH_NO_MISMATCH');
    expect(await codeOf(openNextBatch(w.ctxAs(w.actors.licheng), { drawId: w.draw.id }))).toBe('FORBIDDEN');
    expect(await codeOf(openNextBatch(w.familyCtx(0), { drawId: w.draw.id }))).toBe('FORBIDDEN');
    expect(await codeOf(openNextBatch(w.staffCtx, { drawId: 'nope' }))).toBe('NOT_FOUND');
    // One open batch per draw is the database's rule, not only the command's.
    await expect(h.db.insert(selectionBatches).values({ drawId: w.draw.id, projectId: w.project.id, batchNo: 9, fromRank: 99, toRank: 99, opensAt: new Date(), closesAt: new Date() }))
      .rejects.toMatchObject({ cause: { constraint: 'selection_batches_one_open_uq' } });

    await h.db.update(units).set({ status: 'converted' }).where(eq(units.projectId, w.project.id));
    expect(await codeOf(openNextBatch(w.staffCtx, { drawId: w.draw.id }))).toBe('NO_UNITS_LEFT');
    // Refused as a whole: batch 1 is still open.
    expect((await h.db.select().from(selectionBatches).where(eq(selectionBatches.id, a.id)))[0]!.status).toBe('open');
    await h.db.update(draws).set({ status: 'void', voidReason: '测试' }).where(eq(draws.id, w.draw.id));
    expect(await codeOf(openNextBatch(w.staffCtx, { drawId: w.draw.id }))).toBe('DRAW_NOT_DRAWN');
  });

  it('staff mark a no-show and a refusal after choosing (the unit goes back); closing twice is harmless; the audit chain holds', async () => {
    const b1 = await openNextBatch(w.staffCtx, { drawId: w.draw.id });
    const s = await selectUnit(w.familyCtx(0), { unitId: w.unitIds[0]! });
    const m = await markCall(w.staffCtx, { batchId: b1.id, registrationId: w.registrations[0]!.id, outcome: 'refused', note: '家庭现场表示放弃' });
    expect(m.changed).toBe(true);
    expect((await h.db.select().from(selections).where(eq(selections.id, s.id)))[0]).toMatchObject({ status: 'released', releaseReason: '放弃选房：家庭现场表示放弃' });
    expect(await w.unitCounts()).toEqual({ available: 8 });
    await markCall(w.staffCtx, { batchId: b1.id, registrationId: w.registrations[1]!.id, outcome: 'no_show' });
    expect((await markCall(w.staffCtx, { batchId: b1.id, registrationId: w.registrations[1]!.id, outcome: 'no_show' })).changed).toBe(false);
    expect(await codeOf(markCall(w.staffCtx, { batchId: b1.id, registrationId: w.registrations[1]!.id, outcome: 'refused' }))).toBe('CALL_SETTLED');
    expect(await codeOf(markCall(w.ctxAs(w.actors.licheng), { batchId: b1.id, registrationId: w.registrations[2]!.id, outcome: 'no_show' }))).toBe('FORBIDDEN');
    expect(await codeOf(markCall(w.staffCtx, { batchId: b1.id, registrationId: w.registrations[2]!.id, outcome: 'selected' as never }))).toBe('VALIDATION');
    // The released unit can be chosen by the next family.
    await selectUnit(w.familyCtx(2), { unitId: w.unitIds[0]! });

    const c = await closeBatch(w.staffCtx, { batchId: b1.id });
    expect(c.noShows).toBe(1);
    expect((await closeBatch(w.staffCtx, { batchId: b1.id })).noShows).toBe(0);
    expect(await callsOf(b1.id)).toEqual([[1, 'refused'], [2, 'no_show'], [3, 'selected'], [4, 'no_show']]);
    const actions = (await h.db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(['selection.batch.open', 'selection.call.mark', 'selection.call.mark', 'selection.batch.close']);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('releaseSelection (for a lapsed contract): unit back on offer, a retry releases nothing, a signed selection stays', async () => {
    await openNextBatch(w.staffCtx, { drawId: w.draw.id });
    const s = await selectUnit(w.familyCtx(0), { unitId: w.unitIds[0]! });
    const r1 = await h.db.transaction((tx) => releaseSelection(tx, s.id, '合同签约期限届满', w.clock.now()));
    expect(r1.released).toBe(true);
    expect((await h.db.transaction((tx) => releaseSelection(tx, s.id, '合同签约期限届满', w.clock.now()))).released).toBe(false);
    expect(await w.unitCounts()).toEqual({ available: 8 });
    // The family's turn is spent (its call stays `selected`): the unit is for others now.
    expect(await codeOf(selectUnit(w.familyCtx(0), { unitId: w.unitIds[0]! }))).toBe('NOT_YOUR_TURN');
    const s2 = await selectUnit(w.familyCtx(1), { unitId: w.unitIds[0]! });
    await h.db.update(selections).set({ status: 'signed', signedAt: new Date() }).where(eq(selections.id, s2.id));
    await expect(h.db.transaction((tx) => releaseSelection(tx, s2.id, 'x', new Date()))).rejects.toMatchObject({ code: 'SELECTION_SIGNED' });
  });

  it('the board shows batches, masked names, outcomes and units left; the family sees its turn and the grid', async () => {
    expect(await mySelectionTurn(w.familyCtx(0))).toBeNull();
    const b1 = await openNextBatch(w.staffCtx, { drawId: w.draw.id });
    const t = await mySelectionTurn(w.familyCtx(0));
    expect(t).toMatchObject({ projectId: w.project.id, rank: 1, outcome: 'waiting', open: true, batch: { batchNo: 1 }, selection: null });
    expect(t!.closesAt.getTime()).toBe(b1.closesAt.getTime());
    expect(t!.grid[0]!.units).toHaveLength(8);
    await selectUnit(w.familyCtx(0), { unitId: w.unitIds[3]! });
    const t2 = await mySelectionTurn(w.familyCtx(0));
    expect(t2).toMatchObject({ outcome: 'selected', open: false, selection: { unitId: w.unitIds[3], unit: { buildingName: '1号楼', number: '202', priceFen: 72_000_000 } } });
    expect(t2!.grid[0]!.units.find((u) => u.id === w.unitIds[3])!.status).toBe('reserved');
    expect(await mySelectionTurn(w.familyCtx(5))).toBeNull();

    const board = await selectionBoard(w.ctxAs(w.actors.auditor), { projectId: w.project.id });
    expect(board).toMatchObject({ unitsLeft: 7, remaining: 6, units: { available: 7, reserved: 1 }, ranks: { total: 10, calledThrough: 4 }, drawId: w.draw.id, openBatchId: b1.id });
    expect(board.batches[0]!.calls.map((c) => [c.rank, c.maskedName, c.outcome, c.unitLabel])).toEqual([
      [1, '张*0', 'selected', '1号楼 202'], [2, '张*1', 'waiting', null], [3, '张*2', 'waiting', null], [4, '张*3', 'waiting', null],
    ]);
    expect(await codeOf(selectionBoard(w.ctxAs(w.actors.licheng), { projectId: w.project.id }))).toBe('FORBIDDEN');
    expect(await codeOf(selectionBoard(w.familyCtx(0), { projectId: w.project.id }))).toBe('FORBIDDEN');
  });
});
