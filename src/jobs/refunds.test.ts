/**
 * 第十一条: booked refunds reach the family's bank account once, whatever the retries.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../db/testing.js';
import { depositLedger, notifications } from '../db/schema.js';
import { saleWorld, type SaleWorld } from '../commands/sale/testing.js';
import { handlePaymentCallback, registerForProject, startPayment, withdrawRegistration } from '../commands/registrations/index.js';
import { emptyDb, registerAndPay, worldBank } from '../commands/registrations/testing.js';
import { settleRefunds } from './refunds.js';

describe.each(TEST_DB_KINDS)('the refunds job (第十一条) on %s', (kind) => {
  let h: DbHandle; let w: SaleWorld;
  beforeAll(async () => { h = await openTestDbOf(kind, { poolSize: 5 }); });
  beforeEach(async () => {
    await emptyDb(h);
    w = await saleWorld(h, { families: 3 });
  });
  afterAll(() => h?.close());

  const deps = (gateway?: ReturnType<typeof worldBank>) => ({ ...w.deps, gateway });
  const refunds = () => h.db.select().from(depositLedger).where(eq(depositLedger.kind, 'refunded')).orderBy(depositLedger.id);

  it('a double payment and a withdrawal: each refund is paid by the bank once, against its own payment; the family is told', async () => {
    const bank = worldBank(w);
    const fam = w.ctxAs(w.families[0]!.actor);
    const reg = await registerForProject(fam, { projectId: w.project.id });
    const order = await startPayment(fam, bank, { registrationId: reg.id });
    const [t1, t2] = bank.pay(order.orderNo, { times: 2 });
    for (const cb of [t1!, t2!]) await handlePaymentCallback(w.ctxAs({ accountId: '', role: 'public' }), bank, { rawBody: cb.rawBody, signature: cb.signature });
    await withdrawRegistration(fam, { registrationId: reg.id });
    expect(bank.balanceFen).toBe(4_000_000);

    expect(await settleRefunds(deps(bank))).toEqual({ settled: 2, failed: 0 });
    const rows = await refunds();
    expect(rows.map((r) => [r.reference, r.settledAt !== null, r.bankRef?.startsWith('SBR')])).toEqual([
      [`RF-${t2!.callback.txnId}`, true, true], [`WD-${reg.regNo}`, true, true],
    ]);
    expect(bank.balanceFen).toBe(0);
    expect(bank.statement().filter((m) => m.kind === 'refund').map((m) => m.ref)).toEqual([`RF-${t2!.callback.txnId}`, `WD-${reg.regNo}`]);
    // A second run finds nothing; the bank pays nothing more.
    expect(await settleRefunds(deps(bank))).toEqual({ settled: 0, failed: 0 });
    expect(bank.balanceFen).toBe(0);
    const told = await h.db.select().from(notifications).where(eq(notifications.template, 'deposit_refund_settled'));
    expect(told.filter((n) => n.channel === 'in_app')).toHaveLength(2);
  });

  it('a refund the bank refuses stays unsettled and is tried again; without a gateway the job does nothing', async () => {
    const bank = worldBank(w);
    const paid = await registerAndPay(w, bank, 0);
    await withdrawRegistration(w.ctxAs(w.families[0]!.actor), { registrationId: paid.registrationId });
    expect(await settleRefunds(deps(undefined))).toMatchObject({ settled: 0, skipped: 'no_gateway' });
    const lines: Record<string, unknown>[] = [];
    // A bank that does not know the payment (the simulated bank forgets on restart).
    expect(await settleRefunds({ ...deps(worldBank(w)), log: (l) => lines.push(l) })).toEqual({ settled: 0, failed: 1 });
    expect(lines.find((l) => l.msg === 'refunds.failed')).toMatchObject({ refundNo: `WD-${paid.regNo}` });
    expect((await refunds())[0]!.settledAt).toBeNull();
    expect(await settleRefunds(deps(bank))).toEqual({ settled: 1, failed: 0 });
  });

  it('two workers at once settle each refund once', async () => {
    const bank = worldBank(w);
    for (let i = 0; i < 3; i++) {
      const paid = await registerAndPay(w, bank, i);
      await withdrawRegistration(w.ctxAs(w.families[i]!.actor), { registrationId: paid.registrationId });
    }
    const [a, b] = await Promise.all([settleRefunds(deps(bank), { batchSize: 1 }), settleRefunds(deps(bank), { batchSize: 1 })]);
    expect(a.settled + b.settled).toBe(3);
    expect(bank.statement().filter((m) => m.kind === 'refund')).toHaveLength(3);
    expect((await refunds()).every((r) => r.settledAt && r.bankRef)).toBe(true);
  });
});
