/** 第十七条: the ring-fenced fund ledger of a project, worked examples. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog } from '../../db/schema.js';
import { emptyDb } from '../registrations/testing.js';
import { saleWorld, type SaleWorld } from '../sale/testing.js';
import { listFunds, recordFund } from './index.js';

describe.each(TEST_DB_KINDS)('project funds (第十七条) on %s', (kind) => {
  let h: DbHandle; let w: SaleWorld;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    await emptyDb(h);
    w = await saleWorld(h, { families: 1 });
  });
  afterAll(() => h?.close());
  const entry = (over: Record<string, unknown> = {}) => ({
    projectId: w.project.id, source: 'capital', direction: 'in', amountFen: 50_000_000_00, occurredOn: '2026-01-10', memo: '股东注入资本金', reference: 'ZB-001', ...over,
  });

  it('the implementer records capital, a loan and a construction payment; totals by source and the balance follow', async () => {
    await recordFund(w.implementerCtx, entry());
    await recordFund(w.implementerCtx, entry({ source: 'development_loan', amountFen: 30_000_000_00, memo: '开发贷款放款', reference: 'DK-001' }));
    await recordFund(w.implementerCtx, entry({ source: 'development_loan', direction: 'out', amountFen: 12_345_678_90, occurredOn: '2026-02-01', memo: '支付工程款', reference: 'GC-001' }));
    // A retry of the same entry records it once.
    await recordFund(w.implementerCtx, entry());
    const v = await listFunds(w.ctxAs(w.actors.auditor), w.project.id);
    expect(v.entries).toHaveLength(3);
    expect(v.totals.bySource.capital).toEqual({ in: 50_000_000_00, out: 0, balance: 50_000_000_00 });
    expect(v.totals.bySource.development_loan).toEqual({ in: 30_000_000_00, out: 12_345_678_90, balance: 17_654_321_10 });
    expect(v.totals.bySource.special_bond).toEqual({ in: 0, out: 0, balance: 0 });
    expect(v.totals).toMatchObject({ in: 80_000_000_00, out: 12_345_678_90, balance: 67_654_321_10 });
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, 'funds.record'))).toHaveLength(3);
  });

  it('封闭运行: an outflow beyond the recorded balance is refused, naming amountFen', async () => {
    const { totals } = await listFunds(w.implementerCtx, w.project.id);
    await expect(recordFund(w.implementerCtx, entry({ direction: 'out', amountFen: totals.balance + 1, memo: '超额支出', reference: 'GC-999' })))
      .rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS', field: 'amountFen', http: 409 });
  });

  it('bad input is refused naming the field: fen not integer, zero, unknown source, a date that does not exist or lies ahead, a reused reference', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ amountFen: 12.5 }, 'amountFen'], [{ amountFen: 0 }, 'amountFen'], [{ amountFen: '100' }, 'amountFen'],
      [{ source: 'lottery' }, 'source'], [{ direction: 'sideways' }, 'direction'], [{ occurredOn: '2026-02-30' }, 'occurredOn'],
      [{ occurredOn: '2026-03-03' }, 'occurredOn'], [{ memo: '  ' }, 'memo'], [{ reference: '' }, 'reference'],
      [{ amountFen: 1 }, 'reference'],
    ];
    for (const [over, field] of cases) {
      await expect(recordFund(w.implementerCtx, entry(over)), JSON.stringify(over)).rejects.toMatchObject({ field });
    }
  });

  it('only the implementer writes; staff and the auditor read; a family reads nothing', async () => {
    await expect(recordFund(w.ctxAs(w.actors.lixia), entry({ reference: 'X-1' }))).rejects.toMatchObject({ http: 403 });
    await expect(recordFund(w.ctxAs(w.actors.auditor), entry({ reference: 'X-2' }))).rejects.toMatchObject({ http: 403 });
    expect((await listFunds(w.ctxAs(w.actors.city), w.project.id)).entries.length).toBeGreaterThan(0);
    await expect(listFunds(w.ctxAs(w.actors.licheng), w.project.id)).rejects.toMatchObject({ http: 403 });
    await expect(listFunds(w.ctxAs(w.families[0]!.actor), w.project.id)).rejects.toMatchObject({ http: 403 });
  });
});
