/**
 * 第十一条: registering for a project and paying 认购金 through the gateway. Each case is a worked
 * example: what the family or the bank does, and what the ledger must then say.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, depositLedger, gatewayCallbacks, notifications, paymentOrders, registrations } from '../../db/schema.js';
import type { SimulatedBank } from '../../payments/simulated-bank.js';
import type { SignedCallback } from '../../payments/gateway.js';
import { depositBalance } from '../deposits/ledger.js';
import { saleWorld, type SaleWorld } from '../sale/testing.js';
import { handlePaymentCallback, listMyRegistrations, registerForProject, startPayment, withdrawRegistration } from './index.js';
import { emptyDb, frozenDraw, registerAndPay, worldBank } from './testing.js';

describe.each(TEST_DB_KINDS)('认购金 payments (第十一条) on %s', (kind) => {
  let h: DbHandle; let w: SaleWorld; let bank: SimulatedBank;
  beforeAll(async () => { h = await openTestDbOf(kind); });
  beforeEach(async () => {
    await emptyDb(h);
    w = await saleWorld(h, { families: 4 });
    bank = worldBank(w);
  });
  afterAll(() => h?.close());

  const fam = (i: number) => w.ctxAs(w.families[i]!.actor);
  const deliver = (cb: SignedCallback, signature = cb.signature) =>
    handlePaymentCallback(w.ctxAs({ accountId: '', role: 'public' }), bank, { rawBody: cb.rawBody, signature });
  const ledger = (registrationId: string) => h.db.select().from(depositLedger).where(eq(depositLedger.registrationId, registrationId)).orderBy(depositLedger.id);
  const regRow = async (id: string) => (await h.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
  const open = async (i: number) => {
    const reg = await registerForProject(fam(i), { projectId: w.project.id });
    const order = await startPayment(fam(i), bank, { registrationId: reg.id });
    return { reg, order };
  };

  it('a waiting family registers: number R2026……, pending payment; a retry returns the same registration', async () => {
    const a = await registerForProject(fam(0), { projectId: w.project.id });
    expect(a).toMatchObject({ status: 'pending_payment', depositFen: 2_000_000, planId: w.plan.id, applicationId: w.families[0]!.applicationId });
    expect(a.regNo).toMatch(/^R2026\d{6}$/);
    const again = await registerForProject(fam(0), { projectId: w.project.id });
    expect(again.id).toBe(a.id);
    expect(await h.db.select().from(registrations)).toHaveLength(1);
  });

  it('refused: a family outside the waiting list, staff, and anyone after the window closed', async () => {
    await expect(registerForProject(w.ctx('family1'), { projectId: w.project.id })).rejects.toMatchObject({ code: 'NOT_IN_WAITLIST', http: 409 });
    await expect(registerForProject(w.ctx('lixia'), { projectId: w.project.id })).rejects.toMatchObject({ http: 403 });
    w.clock.set('2026-03-11');
    await expect(registerForProject(fam(0), { projectId: w.project.id })).rejects.toMatchObject({ code: 'WINDOW_CLOSED', field: 'projectId' });
  });

  it('paying once: the signed callback books `paid`, the registration is `registered`, the family is told', async () => {
    const { reg, order } = await open(0);
    expect(order).toMatchObject({ orderNo: `P${reg.regNo}-1`, payUrl: `/sim-bank/P${reg.regNo}-1`, amountFen: 2_000_000 });
    expect((await startPayment(fam(0), bank, { registrationId: reg.id })).orderNo).toBe(order.orderNo);
    const [cb] = bank.pay(order.orderNo);
    expect(await deliver(cb!)).toEqual({ outcome: 'booked', registrationId: reg.id });
    expect(await regRow(reg.id)).toMatchObject({ status: 'registered' });
    expect(await depositBalance(h.db as never, reg.id)).toEqual({ paid: 2_000_000, credited: 0, refunded: 0, held: 2_000_000 });
    const [po] = await h.db.select().from(paymentOrders).where(eq(paymentOrders.orderNo, order.orderNo));
    expect(po!.status).toBe('paid');
    const notes = await h.db.select().from(notifications).where(and(eq(notifications.accountId, w.families[0]!.actor.accountId), eq(notifications.channel, 'in_app')));
    expect(notes.map((n) => n.template)).toEqual(['registration_paid']);
    expect(notes[0]!.body).toContain('¥20000.00');
    await expect(startPayment(fam(0), bank, { registrationId: reg.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a replayed callback (the same transaction again) books nothing and answers `duplicate`', async () => {
    const { order } = await open(0);
    const [cb] = bank.pay(order.orderNo);
    await deliver(cb!);
    const replay = bank.replay(cb!.callback.txnId);
    expect((await deliver(replay)).outcome).toBe('duplicate');
    expect((await deliver(replay)).outcome).toBe('duplicate');
    expect((await h.db.select().from(depositLedger)).map((r) => r.kind)).toEqual(['paid']);
    expect((await h.db.select().from(gatewayCallbacks)).map((c) => c.outcome)).toEqual(['booked', 'duplicate', 'duplicate']);
  });

  it('paying twice (two bank transactions): the second is booked and refunded at once, so one 认购金 is held', async () => {
    const { reg, order } = await open(0);
    const [first, second] = bank.pay(order.orderNo, { times: 2 });
    expect((await deliver(first!)).outcome).toBe('booked');
    expect(await deliver(second!)).toMatchObject({ outcome: 'refunded', reason: 'ALREADY_PAID' });
    const rows = await ledger(reg.id);
    expect(rows.map((r) => [r.kind, r.amountFen, r.reference])).toEqual([
      ['paid', 2_000_000, first!.callback.txnId], ['paid', 2_000_000, second!.callback.txnId], ['refunded', 2_000_000, `RF-${second!.callback.txnId}`],
    ]);
    expect(rows[2]!.reason).toContain('重复缴纳');
    expect((await depositBalance(h.db as never, reg.id)).held).toBe(2_000_000);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, 'deposit.refund_on_arrival'));
    expect(audit).toHaveLength(1);
  });

  it('a bad signature is stored as evidence and books nothing', async () => {
    const { reg, order } = await open(0);
    const [cb] = bank.pay(order.orderNo);
    expect((await deliver(cb!, 'f'.repeat(64))).outcome).toBe('rejected');
    expect((await deliver({ ...cb!, rawBody: Buffer.from('{"orderNo":') })).outcome).toBe('rejected');
    expect(await ledger(reg.id)).toHaveLength(0);
    expect((await regRow(reg.id)).status).toBe('pending_payment');
    const stored = await h.db.select().from(gatewayCallbacks);
    expect(stored.map((s) => [s.signatureOk, s.outcome])).toEqual([[0, 'rejected'], [0, 'rejected']]);
    expect(stored[0]!.body).toMatchObject({ orderNo: order.orderNo });
    // The genuine callback still counts afterwards.
    expect((await deliver(cb!)).outcome).toBe('booked');
  });

  it('late: money the bank took after the window closed is booked and refunded; money taken in time but notified late counts', async () => {
    const a = await open(0);
    const b = await open(1);
    w.clock.set('2026-03-10');
    const [inTime] = bank.pay(b.order.orderNo);
    w.clock.set('2026-03-11');
    const [late] = bank.pay(a.order.orderNo);
    expect(await deliver(late!)).toMatchObject({ outcome: 'refunded', reason: 'OUTSIDE_WINDOW' });
    expect((await regRow(a.reg.id)).status).toBe('pending_payment');
    expect((await depositBalance(h.db as never, a.reg.id)).held).toBe(0);
    expect((await deliver(inTime!)).outcome).toBe('booked');
    expect((await regRow(b.reg.id)).status).toBe('registered');
  });

  it('late: once the lottery list is frozen even money taken in time goes back', async () => {
    const { reg, order } = await open(0);
    const [cb] = bank.pay(order.orderNo);
    await frozenDraw(h, w);
    expect(await deliver(cb!)).toMatchObject({ outcome: 'refunded', reason: 'LIST_FROZEN' });
    expect((await depositBalance(h.db as never, reg.id)).held).toBe(0);
  });

  it('late: a payment after the family withdrew is booked and refunded', async () => {
    const { reg, order } = await open(0);
    expect(await withdrawRegistration(fam(0), { registrationId: reg.id })).toMatchObject({ status: 'withdrawn', refundedFen: 0 });
    const [cb] = bank.pay(order.orderNo);
    expect(await deliver(cb!)).toMatchObject({ outcome: 'refunded', reason: 'AFTER_WITHDRAWAL' });
    expect((await regRow(reg.id)).status).toBe('withdrawn');
    expect((await depositBalance(h.db as never, reg.id))).toMatchObject({ paid: 2_000_000, refunded: 2_000_000, held: 0 });
  });

  it('a wrong amount is booked and refunded; the right amount afterwards registers the family', async () => {
    const { reg, order } = await open(0);
    const [wrong] = bank.pay(order.orderNo, { amountFen: 1_999_999 });
    expect(await deliver(wrong!)).toMatchObject({ outcome: 'refunded', reason: 'AMOUNT_MISMATCH' });
    expect((await regRow(reg.id)).status).toBe('pending_payment');
    const again = await startPayment(fam(0), bank, { registrationId: reg.id });
    expect(again.orderNo).toBe(`P${reg.regNo}-2`);
    const [right] = bank.pay(again.orderNo);
    expect((await deliver(right!)).outcome).toBe('booked');
    expect(await depositBalance(h.db as never, reg.id)).toEqual({ paid: 3_999_999, credited: 0, refunded: 1_999_999, held: 2_000_000 });
  });

  it('a callback for an order we never opened is kept and books nothing', async () => {
    const forged = bank.sign({ orderNo: 'P-NOPE-1', txnId: 'SBX1', amountFen: 100, paidAt: '2026-03-02T02:00:00Z' });
    expect((await deliver(forged)).outcome).toBe('unknown_order');
    expect(await h.db.select().from(depositLedger)).toHaveLength(0);
    expect((await h.db.select().from(gatewayCallbacks))[0]).toMatchObject({ outcome: 'unknown_order', signatureOk: 1 });
  });

  it('withdrawing a paid registration before the freeze refunds it (WD-…); again is the same answer; after the freeze it is refused', async () => {
    const paid = await registerAndPay(w, bank, 0);
    const out = await withdrawRegistration(fam(0), { registrationId: paid.registrationId, reason: '家庭另有安排' });
    expect(out).toMatchObject({ status: 'withdrawn', refundedFen: 2_000_000 });
    expect(await withdrawRegistration(fam(0), { registrationId: paid.registrationId })).toMatchObject({ status: 'withdrawn', refundedFen: 0 });
    const rows = await ledger(paid.registrationId);
    expect(rows.map((r) => [r.kind, r.reference, r.settledAt])).toEqual([['paid', paid.txnId, null], ['refunded', `WD-${paid.regNo}`, null]]);
    expect(rows[1]!.reason).toBe('家庭另有安排');
    await expect(registerForProject(fam(0), { projectId: w.project.id })).rejects.toMatchObject({ code: 'REGISTRATION_WITHDRAWN' });
    const other = await registerAndPay(w, bank, 1);
    await expect(withdrawRegistration(fam(0), { registrationId: other.registrationId })).rejects.toMatchObject({ http: 404 });
    await frozenDraw(h, w);
    await expect(withdrawRegistration(fam(1), { registrationId: other.registrationId })).rejects.toMatchObject({ code: 'LIST_FROZEN' });
  });

  it('the family sees its registrations with what it holds and what is on its way back', async () => {
    const paid = await registerAndPay(w, bank, 0);
    let [mine] = await listMyRegistrations(fam(0));
    expect(mine).toMatchObject({ regNo: paid.regNo, status: 'registered', held: 2_000_000, refundPendingFen: 0, project: { code: 'JN-2026-001' }, pendingOrder: null });
    await withdrawRegistration(fam(0), { registrationId: paid.registrationId });
    [mine] = await listMyRegistrations(fam(0));
    expect(mine).toMatchObject({ status: 'withdrawn', held: 0, refundedFen: 2_000_000, refundPendingFen: 2_000_000 });
    expect(await listMyRegistrations(fam(1))).toEqual([]);
  });
});
