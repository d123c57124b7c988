import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createSession } from '../../../commands/accounts/session.js';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { selectionBatches } from '../../../db/schema.js';
import { selectionWorld, type SelectionWorld } from '../../../commands/selection/testing.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

describe.each(TEST_DB_KINDS)('选房 over HTTP (第十一、十六条) on %s', (kind) => {
  let t: TestApp;
  let w: SelectionWorld;
  let lixia: Agent, licheng: Agent, auditor: Agent, implementer: Agent, anon: Agent;
  const fam: Agent[] = [];
  const as = async (accountId: string) => {
    const a = new Agent(t.app);
    a.cookie = (await createSession({ db: t.handle.db, clock: t.clock }, accountId)).token;
    return a;
  };
  beforeAll(async () => {
    t = await buildTestApp(kind);
    w = await selectionWorld(t.handle, { units: 4, families: 5, batchSize: 2, windowMinutes: 30 });
    t.clock.current = new Date('2026-03-12T02:00:00Z');
    lixia = await as(w.actors.lixia.accountId);
    licheng = await as(w.actors.licheng.accountId);
    auditor = await as(w.actors.auditor.accountId);
    implementer = await as(w.implementer.accountId);
    anon = new Agent(t.app);
    for (const f of w.families) fam.push(await as(f.actor.accountId));
  });
  afterAll(() => t.close());

  it('open a batch: 401 anonymous, 403 for a family, the auditor and another district; the implementer opens it; a replayed key answers the same', async () => {
    const url = `/api/draws/${w.draw.id}/batches/open`;
    expect((await anon.post(url, {})).statusCode).toBe(401);
    expect((await fam[0]!.post(url, {})).statusCode).toBe(403);
    expect((await auditor.post(url, {})).statusCode).toBe(403);
    expect((await licheng.post(url, {})).statusCode).toBe(403);
    const res = await implementer.post(url, { batchNo: 1 }, { 'idempotency-key': 'open-1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ batchNo: 1, fromRank: 1, toRank: 2, called: 2, status: 'open', closesAt: '2026-03-12T02:30:00.000Z' });
    const replay = await implementer.post(url, { batchNo: 1 }, { 'idempotency-key': 'open-1' });
    expect(replay.json().id).toBe(res.json().id);
    expect(await t.handle.db.select().from(selectionBatches)).toHaveLength(1);
    expect((await lixia.post(url, { batchNo: 5 })).json()).toMatchObject({ code: 'BATCH_NO_MISMATCH', details: { field: 'batchNo' } });
  });

  it('the family sees its turn and the grid, chooses; the next family meets 409 UNIT_TAKEN in Chinese; a family not called has no turn', async () => {
    const turn = await fam[0]!.get('/api/my/selection');
    expect(turn.statusCode).toBe(200);
    expect(turn.json()).toMatchObject({ projectId: w.project.id, rank: 1, open: true, outcome: 'waiting', batch: { batchNo: 1 }, selection: null });
    expect(turn.json().grid[0].units).toHaveLength(4);
    expect((await fam[3]!.get('/api/my/selection')).json()).toBeNull();

    const pick = await fam[0]!.post('/api/my/selections', { unitId: w.unitIds[0] }, { 'idempotency-key': 'pick-1' });
    expect(pick.statusCode).toBe(200);
    expect(pick.json()).toMatchObject({ status: 'locked', kind: 'round', unit: { buildingName: '1号楼', number: '101', priceFen: 72_000_000 } });
    // Without a key, a repeat still returns the same selection.
    expect((await fam[0]!.post('/api/my/selections', { unitId: w.unitIds[0] })).json().id).toBe(pick.json().id);
    const taken = await fam[1]!.post('/api/my/selections', { unitId: w.unitIds[0] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'UNIT_TAKEN', message_zh: '该房源已被选定，请另选。', details: { field: 'unitId' } });
    expect(taken.json().details.internal).toBeUndefined();
    expect((await fam[0]!.post('/api/my/selections', { unitId: w.unitIds[1] })).json().code).toBe('ALREADY_HOLDS_UNIT');
    expect((await fam[3]!.post('/api/my/selections', { unitId: w.unitIds[1] })).json().code).toBe('NOT_YOUR_TURN');
    expect((await fam[0]!.post('/api/my/selections', { unitId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await lixia.post('/api/my/selections', { unitId: w.unitIds[1] })).statusCode).toBe(403);
  });

  it('the family gives up; staff see the board with masked names; the next batch marks the rest; staff mark a no-show', async () => {
    const refuse = await fam[1]!.post('/api/my/selections/refuse', { registrationId: w.registrations[1]!.id });
    expect(refuse.json()).toMatchObject({ outcome: 'refused', changed: true });
    const board = await auditor.get(`/api/projects/${w.project.id}/selection`);
    expect(board.statusCode).toBe(200);
    expect(board.json()).toMatchObject({ unitsLeft: 3, remaining: 3, drawId: w.draw.id, projectStatus: 'selling' });
    expect(board.json().batches[0].calls.map((c: { rank: number; maskedName: string; outcome: string; unitLabel: string | null }) => [c.rank, c.maskedName, c.outcome, c.unitLabel]))
      .toEqual([[1, '张*0', 'selected', '1号楼 101'], [2, '张*1', 'refused', null]]);
    expect(JSON.stringify(board.json())).not.toMatch(/3701\d{14}/);
    expect((await licheng.get(`/api/projects/${w.project.id}/selection`)).statusCode).toBe(403);

    const b2 = (await lixia.post(`/api/draws/${w.draw.id}/batches/open`, {})).json();
    expect(b2).toMatchObject({ batchNo: 2, fromRank: 3, toRank: 4, closedBatchNo: 1 });
    const mark = await lixia.post('/api/selection-calls/mark', { batchId: b2.id, registrationId: w.registrations[2]!.id, outcome: 'no_show', note: '未到场' });
    expect(mark.json()).toMatchObject({ outcome: 'no_show', changed: true });
    expect((await lixia.post('/api/selection-calls/mark', { batchId: b2.id, registrationId: w.registrations[2]!.id, outcome: 'selected' })).statusCode).toBe(400);
    expect((await fam[2]!.post('/api/my/selections', { unitId: w.unitIds[1] })).json().code).toBe('NOT_YOUR_TURN');
    expect((await fam[3]!.post('/api/my/selections', { unitId: w.unitIds[1] })).statusCode).toBe(200);
    const closed = await lixia.post(`/api/selection-batches/${b2.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', noShows: 0 });
  });

  it('第十六条: rolling sale after the last batch; a family buys first come; conversion needs staff and a long-unsold unit', async () => {
    expect((await lixia.post(`/api/projects/${w.project.id}/rolling`)).json().code).toBe('ENTRANTS_REMAIN');
    const b3 = (await lixia.post(`/api/draws/${w.draw.id}/batches/open`)).json(); // no body at all
    expect(b3).toMatchObject({ batchNo: 3, fromRank: 5, toRank: 5 });
    await lixia.post(`/api/selection-batches/${b3.id}/close`);
    const rolling = await implementer.post(`/api/projects/${w.project.id}/rolling`);
    expect(rolling.json()).toMatchObject({ status: 'rolling' });
    const buy = await fam[4]!.post('/api/my/rolling-selections', { unitId: w.unitIds[2] });
    expect(buy.json()).toMatchObject({ kind: 'rolling', status: 'locked', unit: { number: '201' } });
    expect((await fam[1]!.post('/api/my/rolling-selections', { unitId: w.unitIds[2] })).json().code).toBe('UNIT_TAKEN');
    // Back later (a reload before the contract): the family finds the unit it holds; another family holds none.
    expect((await fam[4]!.get('/api/my/selections/current')).json()).toMatchObject({ id: buy.json().id, kind: 'rolling', unit: { number: '201' } });
    expect((await fam[1]!.get('/api/my/selections/current')).json()).toBeNull();

    const conv = `/api/units/${w.unitIds[3]}/conversion`;
    const body = { targetUse: 'affordable_rental', decisionNo: '历下政字〔2027〕8号', reason: '长期未售出' };
    expect((await implementer.post(conv, body)).statusCode).toBe(403);
    expect((await lixia.post(conv, { ...body, targetUse: 'shop' })).json()).toMatchObject({ code: 'VALIDATION', details: { field: 'targetUse' } });
    const early = await lixia.post(conv, body);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'NOT_CONVERTIBLE', details: { reason: 'too_recent', minUnsoldDays: 365 } });
    t.clock.current = new Date('2027-03-01T02:00:00Z');
    lixia = await as(w.actors.lixia.accountId); // a year on, the old session has expired
    const ok = await lixia.post(conv, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ unitId: w.unitIds[3], unsoldDays: 365, targetUse: 'affordable_rental' });
    const [b] = await t.handle.db.select().from(selectionBatches).where(eq(selectionBatches.id, b3.id));
    expect(b!.status).toBe('closed');
  });
});
