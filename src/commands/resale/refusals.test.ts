import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, projects, resaleOffers } from '../../db/schema.js';
import { refusal } from '../contracts/testing.js';
import { approveResale, listResaleOffers, recordRenovation } from './index.js';
import { BUYBACK_PRICE_FEN, boughtBackWorld, type BoughtBackWorld } from './testing.js';

const evidence = [{ kind: 'document', ref: '修缮验收单 A-1' }];

describe.each(TEST_DB_KINDS)('第三十条 resale refusals and retries on %s', (kind) => {
  let h: DbHandle;
  let w: BoughtBackWorld;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await boughtBackWorld(h, { level: 'city' });
  });
  afterAll(() => h.close());

  it('第三十条: a city-level project\'s resale is for city staff; district staff, families and the auditor are refused and nothing changes', async () => {
    const input = { unitId: w.offer.unitId, costFen: 1_500_000, completedOn: '2028-05-20', evidence };
    expect((await refusal(recordRenovation(w.staff, input))).http).toBe(403);
    expect((await refusal(recordRenovation(w.auditor, input))).http).toBe(403);
    expect((await refusal(recordRenovation(w.ctxAs(w.families[3]!.actor), input))).http).toBe(403);
    expect((await h.db.select().from(resaleOffers).where(eq(resaleOffers.id, w.offer.id)))[0]!.renovationCostFen).toBeNull();
    expect((await listResaleOffers(w.staff)).map((o) => o.id)).toEqual([]);
    expect((await listResaleOffers(w.auditor)).map((o) => o.id)).toEqual([w.offer.id]);
  });

  it('第三十条: the renovation may be corrected before approval (each version audited); the same figures again change nothing', async () => {
    await recordRenovation(w.city, { unitId: w.offer.unitId, costFen: 1_500_000, completedOn: '2028-05-20', evidence });
    const fixed = await recordRenovation(w.city, { unitId: w.offer.unitId, costFen: 1_600_000, completedOn: '2028-05-20', evidence });
    const again = await recordRenovation(w.city, { unitId: w.offer.unitId, costFen: 1_600_000, completedOn: '2028-05-20', evidence });
    expect([fixed.renovationCostFen, again.version]).toEqual([1_600_000, fixed.version]);
    const actions = (await h.db.select().from(auditLog).where(eq(auditLog.targetId, w.offer.id))).map((a) => a.action);
    expect(actions).toEqual(['resale.renovation.record', 'resale.renovation.correct']);
    const other = await refusal(recordRenovation(w.city, { unitId: w.owned[1]!.unitId, costFen: 1, completedOn: '2028-05-20', evidence }));
    expect([other.http, other.code]).toEqual([409, 'NOT_BOUGHT_BACK']);
  });

  it('第三十条: approval at the floor exactly; a retry answers the same; the project still selling keeps its stage', async () => {
    const floor = BUYBACK_PRICE_FEN + 1_600_000;
    const a = await approveResale(w.city, { offerId: w.offer.id, priceFen: floor });
    expect(a).toMatchObject({ status: 'approved', floorFen: floor, priceFen: floor });
    expect((await approveResale(w.city, { offerId: w.offer.id, priceFen: floor })).version).toBe(a.version);
    expect((await h.db.select().from(projects).where(eq(projects.id, w.project.id)))[0]!.status).toBe('selling');
    const bad = await refusal(approveResale(w.city, { offerId: w.offer.id, priceFen: -5 }));
    expect([bad.http, bad.field]).toEqual([400, 'priceFen']);
  });
});
