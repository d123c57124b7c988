/**
 * The unit grid (第十二条, 第三十条): a bought-back unit offered again says it is a resale, since its
 * price is the approved resale price and not the 第十二条 schedule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { approveResale, recordRenovation } from '../resale/index.js';
import { BUYBACK_PRICE_FEN, boughtBackWorld, type BoughtBackWorld } from '../resale/testing.js';
import { projectGrid, unitGrid } from './index.js';

describe.each(TEST_DB_KINDS)('unitGrid and resale units on %s', (kind) => {
  let h: DbHandle;
  let w: BoughtBackWorld;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await boughtBackWorld(h);
  });
  afterAll(() => h.close());

  it('第十二条: no unit of a first sale is a resale', async () => {
    const units = (await unitGrid(h.db, w.project.id)).flatMap((b) => b.units);
    expect(units.length).toBeGreaterThan(1);
    expect(units.every((u) => u.resale === false)).toBe(true);
  });

  it('第三十条: once its resale is approved, the bought-back unit is on the grid as a resale at the approved price; the others stay first-sale units', async () => {
    const unitId = w.offer.unitId;
    await recordRenovation(w.staff, { unitId, costFen: 2_000_000, completedOn: '2028-05-30', evidence: [{ kind: 'document', ref: '修缮验收单 XS-1' }] });
    const priceFen = BUYBACK_PRICE_FEN + 2_000_000 + 100_000;
    await approveResale(w.staff, { offerId: w.offer.id, priceFen });
    const units = (await projectGrid(w.staff, { projectId: w.project.id })).flatMap((b) => b.units);
    expect(units.find((u) => u.id === unitId)).toMatchObject({ resale: true, status: 'available', priceFen });
    expect(units.filter((u) => u.resale).map((u) => u.id)).toEqual([unitId]);
  });
});
