import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { accounts, applications, auditLog, projects, selections, unitConversions, units } from '../../db/schema.js';
import { closeBatch, convertUnit, openNextBatch, rollingSelect, selectUnit, startRollingSale } from './index.js';
import { addSellingProject, selectionWorld, type SelectionWorld } from './testing.js';

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code);

describe.each(TEST_DB_KINDS)('常态化配售与转换用途 (第十六条) on %s', (kind) => {
  let h: DbHandle;
  let w: SelectionWorld;
  beforeEach(async () => {
    h = await openTestDbOf(kind);
    w = await selectionWorld(h, { units: 4, families: 3, batchSize: 3 });
  });
  afterEach(() => h.close());

  it('第十六条: the rolling sale starts after the rounds; then any waiting-list family takes an available unit, one per family', async () => {
    expect(await codeOf(startRollingSale(w.staffCtx, { projectId: w.project.id }))).toBe('ENTRANTS_REMAIN');
    const b1 = await openNextBatch(w.staffCtx, { drawId: w.draw.id });
    expect(await codeOf(startRollingSale(w.staffCtx, { projectId: w.project.id }))).toBe('BATCH_OPEN');
    await selectUnit(w.familyCtx(0), { unitId: w.unitIds[0]! });
    await closeBatch(w.staffCtx, { batchId: b1.id });
    expect(await codeOf(startRollingSale(w.ctxAs(w.actors.licheng), { projectId: w.project.id }))).toBe('FORBIDDEN');
    expect(await codeOf(rollingSelect(w.familyCtx(1), { unitId: w.unitIds[1]! }))).toBe('NOT_ROLLING');

    const p = await startRollingSale(w.implementerCtx, { projectId: w.project.id });
    expect(p.status).toBe('rolling');
    expect((await startRollingSale(w.staffCtx, { projectId: w.project.id })).status).toBe('rolling');
    expect((await h.db.select().from(auditLog)).filter((a) => a.action === 'selection.rolling.start')).toHaveLength(1);
    expect(await codeOf(openNextBatch(w.staffCtx, { drawId: w.draw.id }))).toBe('PROJECT_NOT_SELLING');

    // A no-show family of the round, still registered, buys with its registration (认购金 credited at signing, 第十一条).
    const s1 = await rollingSelect(w.familyCtx(1), { unitId: w.unitIds[1]! });
    expect(s1).toMatchObject({ kind: 'rolling', status: 'locked', batchId: null, registrationId: w.registrations[1]!.id });
    expect((await rollingSelect(w.familyCtx(1), { unitId: w.unitIds[1]! })).id).toBe(s1.id);
    expect(await codeOf(rollingSelect(w.familyCtx(1), { unitId: w.unitIds[2]! }))).toBe('ALREADY_HOLDS_UNIT');
    expect(await codeOf(rollingSelect(w.familyCtx(0), { unitId: w.unitIds[2]! }))).toBe('ALREADY_HOLDS_UNIT');
    expect(await codeOf(selectUnit(w.familyCtx(2), { unitId: w.unitIds[2]! }))).toBe('NOT_YOUR_TURN');

    // A waiting-list family that never registered for the project may buy too ("向轮候家庭").
    const acct = randomUUID();
    await h.db.insert(accounts).values({ id: acct, username: 'newcomer', role: 'applicant', passwordHash: 'x', displayName: '新家庭' });
    await h.db.insert(applications).values({ accountId: acct, regCode: 'JN2026999999', districtCode: '370112', status: 'admitted', category: 'wage_family', priority: [], admittedOn: '2026-03-05', confirmDeadline: '2028-03-05' });
    const s2 = await rollingSelect(w.ctxAs({ accountId: acct, role: 'applicant' }), { unitId: w.unitIds[2]! });
    expect(s2).toMatchObject({ kind: 'rolling', registrationId: null });
    expect(await codeOf(rollingSelect(w.familyCtx(2), { unitId: w.unitIds[2]! }))).toBe('UNIT_TAKEN');

    // Not on the waiting list (withdrawn): refused.
    await h.db.update(applications).set({ status: 'withdrawn' }).where(eq(applications.id, w.families[2]!.applicationId));
    expect(await codeOf(rollingSelect(w.familyCtx(2), { unitId: w.unitIds[3]! }))).toBe('NOT_ON_WAITING_LIST');
    expect(await w.unitCounts()).toEqual({ available: 1, reserved: 3 });
  });

  it('第十六条: a unit unsold 365 days (the default period) is converted by the government decision; 364 days is too soon', async () => {
    const unitId = w.unitIds[3]!;
    const input = { unitId, targetUse: 'affordable_rental', decisionNo: '历下政字〔2027〕12号', reason: '长期未售出，转作保障性租赁住房' };
    const refused = await convertUnit(w.staffCtx, input).catch((e) => e);
    expect(refused).toMatchObject({ code: 'NOT_CONVERTIBLE', details: { reason: 'too_recent', unsoldDays: 11, minUnsoldDays: 365 } });
    w.clock.set('2027-02-28');
    expect(await convertUnit(w.staffCtx, input).catch((e) => e.details)).toMatchObject({ unsoldDays: 364 });
    w.clock.set('2027-03-01');
    expect(await codeOf(convertUnit(w.implementerCtx, input))).toBe('FORBIDDEN');
    expect(await codeOf(convertUnit(w.ctxAs(w.actors.licheng), input))).toBe('FORBIDDEN');
    expect(await convertUnit(w.staffCtx, { ...input, targetUse: 'shop' }).catch((e) => [e.code, e.field])).toEqual(['VALIDATION', 'targetUse']);
    expect(await convertUnit(w.staffCtx, { ...input, decisionNo: ' ' }).catch((e) => [e.code, e.field])).toEqual(['VALIDATION', 'decisionNo']);

    const c = await convertUnit(w.staffCtx, input);
    expect(c).toMatchObject({ unitId, targetUse: 'affordable_rental', decisionNo: '历下政字〔2027〕12号', unsoldDays: 365, decidedBy: w.actors.lixia.accountId });
    expect((await h.db.select().from(units).where(eq(units.id, unitId)))[0]!.status).toBe('converted');
    expect((await convertUnit(w.staffCtx, input)).id).toBe(c.id);
    expect(await codeOf(convertUnit(w.staffCtx, { ...input, decisionNo: '另一文号' }))).toBe('ALREADY_CONVERTED');
    expect(await h.db.select().from(unitConversions)).toHaveLength(1);
    expect((await h.db.select().from(auditLog)).filter((a) => a.action === 'unit.convert').map((a) => (a.detail as { unsoldDays: number }).unsoldDays)).toEqual([365]);

    // A reserved unit has a buyer: not converted.
    await h.db.update(projects).set({ status: 'rolling' }).where(eq(projects.id, w.project.id));
    await rollingSelect(w.familyCtx(0), { unitId: w.unitIds[0]! });
    expect(await convertUnit(w.staffCtx, { ...input, unitId: w.unitIds[0]! }).catch((e) => e.details?.reason)).toBe('not_available');
    // A converted unit is no longer on offer.
    expect(await codeOf(rollingSelect(w.familyCtx(1), { unitId }))).toBe('UNIT_NOT_OFFERED');
    expect(await h.db.select().from(selections)).toHaveLength(1);
  });

  it('第十六条 "同级政府": a city-level project\'s unit is converted by city staff, not district staff', async () => {
    const city = await addSellingProject(h, w, 'JN-2026-009', 1);
    await h.db.update(projects).set({ level: 'city' }).where(eq(projects.id, city.project.id));
    const [u] = await h.db.select().from(units).where(eq(units.projectId, city.project.id));
    w.clock.set('2027-06-01');
    const input = { unitId: u!.id, targetUse: 'public_rental', decisionNo: '济政字〔2027〕3号', reason: '长期未售出' };
    expect(await codeOf(convertUnit(w.staffCtx, input))).toBe('FORBIDDEN');
    expect(await convertUnit(w.ctxAs(w.actors.city), input)).toMatchObject({ targetUse: 'public_rental', unsoldDays: 457 });
  });
});
