import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { openTestDb } from '../../db/testing.js';
import { auditLog, priceApprovals, salePlans, units } from '../../db/schema.js';
import { approvePrices, submitPrices } from '../pricing/index.js';
import { addUnit } from '../projects/index.js';
import { catalogueWorld, draftProject, type CatalogueWorld } from '../projects/testing.js';
import { approvePlan, createPlan, publishPlan, submitPlan } from './index.js';

// Real concurrency needs real connections: PostgreSQL only. The project row lock (FOR UPDATE)
// orders the catalogue, pricing and publishing commands of one project.
describe.skipIf(!process.env.DATABASE_URL)('catalogue under concurrency (PostgreSQL)', () => {
  let h: DbHandle;
  let w: CatalogueWorld;
  beforeAll(async () => {
    h = await openTestDb({ poolSize: 12 });
    w = await catalogueWorld(h);
  });
  afterAll(() => h?.close());

  it('第十二条: three different schedules submitted at once leave exactly one pending approval', async () => {
    const { project, unitIds } = await draftProject(w, { code: 'JN-R-1', level: 'city', units: 2 });
    const tries = ['1.00', '1.01', '1.02'].map((c) => submitPrices(w.implCtx, { projectId: project.id, basePricePerM2Fen: 800_000, floatRange: '0.05', coefficients: unitIds.map((unitId) => ({ unitId, coefficient: c })) }));
    const results = await Promise.allSettled(tries);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['PRICE_PENDING', 'PRICE_PENDING']);
    expect(await h.db.select().from(priceApprovals).where(eq(priceApprovals.projectId, project.id))).toHaveLength(1);
  });

  it('第十条: publishing while units are added either closes the catalogue first or prices are missing; five publishes issue one notice', async () => {
    const { project, building, unitIds } = await draftProject(w, { code: 'JN-R-2', level: 'city', units: 2 });
    const a = await submitPrices(w.implCtx, { projectId: project.id, basePricePerM2Fen: 800_000, floatRange: '0.05', coefficients: unitIds.map((unitId) => ({ unitId, coefficient: '1' })) });
    await approvePrices(w.ctx('city'), { approvalId: a.id });
    const p = await createPlan(w.implCtx, { projectId: project.id, round: 1, registrationOpensAt: '2026-03-01T00:00:00+08:00', registrationClosesAt: '2026-03-10T00:00:00+08:00', drawOn: '2026-03-12', depositFen: 2_000_000, batchSize: 10, windowMinutes: 30, contractDeadlineDays: 7, pools: [{ label: 'GEN', quota: 'all', eligibility: 'all' }] });
    await submitPlan(w.implCtx, { planId: p.id });
    await approvePlan(w.ctx('city'), { planId: p.id });
    const late = addUnit(w.implCtx, { projectId: project.id, buildingId: building.id, floor: 3, number: '301', area: '90', layout: '两室', orientation: '南' });
    const publishes = Array.from({ length: 5 }, () => publishPlan(w.implCtx, { planId: p.id }));
    const [unit, ...pubs] = await Promise.allSettled([late, ...publishes]);
    const published = pubs.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ noticeNo: string | null }>).value.noticeNo);
    if (unit.status === 'fulfilled') {
      // The unit came first: it has no price, so no notice could be published.
      expect(published).toEqual([]);
      expect(pubs.every((r) => r.status === 'rejected' && r.reason.code === 'UNITS_UNPRICED')).toBe(true);
    } else {
      expect(unit.reason.code).toBe('CATALOGUE_CLOSED');
      expect(new Set(published).size).toBe(1);
      expect((await h.db.select().from(salePlans).where(eq(salePlans.id, p.id)))[0]!.noticeNo).toBe(published[0]);
      expect((await h.db.select().from(auditLog).where(eq(auditLog.targetId, p.id))).filter((x) => x.action === 'plan.publish')).toHaveLength(1);
      expect((await h.db.select().from(units).where(eq(units.projectId, project.id))).map((u) => u.status)).toEqual(['available', 'available']);
    }
  });

  it('five concurrent retries of one addUnit add the unit once and all answer with it', async () => {
    const { project, building } = await draftProject(w, { code: 'JN-R-3', units: 0 });
    const unit = { projectId: project.id, buildingId: building.id, floor: 1, number: '101', area: '90', layout: '两室', orientation: '南' };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => addUnit(w.implCtx, unit)));
    const ids = new Set(results.map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id));
    expect(ids.size).toBe(1);
    expect(await h.db.select().from(units).where(eq(units.projectId, project.id))).toHaveLength(1);
  });
});
