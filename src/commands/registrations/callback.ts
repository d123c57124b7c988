/**
 * handlePaymentCallback: the gateway tells us it took money for an order (第十一条 认购金). Only a
 * correct signature over the exact bytes counts; every callback, good or bad, is kept in
 * gateway_callbacks as evidence for reconciliation. In one transaction, under the order's and the
 * registration's row locks: the payment is booked `paid` once per bank transaction
 * (deposit_ledger_txn_uq — a replay books nothing), then either the registration becomes
 * `registered` or, when the money cannot count (decide-payment.ts), the same amount is booked
 * `refunded` at once, so held never exceeds one 认购金.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { gatewayCallbacks, paymentOrders, registrations } from '../../db/schema.js';
import { appendAudit } from '../../audit/index.js';
import { enqueue } from '../../notify/index.js';
import type { PaymentCallback, PaymentGateway } from '../../payments/gateway.js';
import { SYSTEM_ACTOR, type CommandContext } from '../context.js';
import { depositBalance, postDeposit } from '../deposits/ledger.js';
import { decidePayment } from './decide-payment.js';
import { listFrozen, lockRegistration, planOf, projectName, yuan } from './store.js';

/** booked: counted · refunded: booked and refunded at once · duplicate: a replay, nothing booked · rejected: bad signature or body · unknown_order. */
export type CallbackOutcome = 'booked' | 'refunded' | 'duplicate' | 'rejected' | 'unknown_order';

/** The refund number of a payment refunded on arrival: it names the transaction it returns. */
export const refundNoForTxn = (txnId: string) => `RF-${txnId}`;

/** Handles one callback; the route answers 401 for `rejected`, 404 for `unknown_order`, else 200. */
export async function handlePaymentCallback(
  ctx: CommandContext, gateway: PaymentGateway, input: { rawBody: Buffer; signature: string | undefined },
): Promise<{ outcome: CallbackOutcome; registrationId?: string; reason?: string }> {
  const now = ctx.clock.now();
  const cb = gateway.verifyCallback(input.rawBody, input.signature);
  if (!cb) {
    await ctx.db.insert(gatewayCallbacks).values({ gateway: gateway.name, receivedAt: now, body: evidence(input.rawBody), signatureOk: 0, outcome: 'rejected' });
    return { outcome: 'rejected' };
  }
  return ctx.db.transaction(async (tx) => {
    const record = (outcome: CallbackOutcome) =>
      tx.insert(gatewayCallbacks).values({ gateway: gateway.name, receivedAt: now, body: cb, signatureOk: 1, outcome });
    const [order] = await tx.select().from(paymentOrders).where(eq(paymentOrders.orderNo, cb.orderNo)).for('update');
    if (!order || order.gateway !== gateway.name) {
      await record('unknown_order');
      return { outcome: 'unknown_order' as const };
    }
    const reg = await lockRegistration(tx, order.registrationId);
    const before = await depositBalance(tx, reg.id);
    const paidAt = new Date(cb.paidAt);
    const booked = await postDeposit(tx, {
      projectId: reg.projectId, registrationId: reg.id, kind: 'paid', amountFen: cb.amountFen, reference: cb.txnId,
      reason: `认购金缴纳（订单 ${order.orderNo}）`, at: paidAt,
    });
    if (!booked) {
      await record('duplicate');
      return { outcome: 'duplicate' as const, registrationId: reg.id };
    }
    if (order.status !== 'paid') await tx.update(paymentOrders).set({ status: 'paid', paidAt }).where(eq(paymentOrders.orderNo, order.orderNo));
    const plan = await planOf(tx, reg.planId);
    const decision = decidePayment({
      registrationStatus: reg.status, depositFen: reg.depositFen, amountFen: cb.amountFen, heldFen: before.held, paidAt,
      opensAt: plan.registrationOpensAt, closesAt: plan.registrationClosesAt, listFrozen: await listFrozen(tx, plan),
    });
    const name = await projectName(tx, reg.projectId);
    if (decision.accept) {
      await tx.update(registrations).set({ status: 'registered', paidAt, version: reg.version + 1 }).where(eq(registrations.id, reg.id));
      await enqueue(tx, { accountId: reg.accountId, template: 'registration_paid', params: { projectName: name, amount: yuan(cb.amountFen), regNo: reg.regNo } }, now);
      await record('booked');
      return { outcome: 'booked' as const, registrationId: reg.id };
    }
    await refundOnArrival(tx, ctx, reg, cb, decision.reason_zh, name);
    await record('refunded');
    return { outcome: 'refunded' as const, registrationId: reg.id, reason: decision.code };
  });
}

async function refundOnArrival(
  tx: Tx, ctx: CommandContext, reg: { id: string; projectId: string; accountId: string; regNo: string }, cb: PaymentCallback, reason: string, name: string,
): Promise<void> {
  const now = ctx.clock.now();
  const refundNo = refundNoForTxn(cb.txnId);
  await postDeposit(tx, { projectId: reg.projectId, registrationId: reg.id, kind: 'refunded', amountFen: cb.amountFen, reference: refundNo, reason: `${reason}，原路退还（第十一条）`, at: now });
  await enqueue(tx, { accountId: reg.accountId, template: 'deposit_refunded', params: { projectName: name, amount: yuan(cb.amountFen), regNo: reg.regNo, reason } }, now);
  // Money that came in and goes straight back is out of the ordinary: the finance office sees it in the audit log.
  await appendAudit(tx, {
    actor: SYSTEM_ACTOR, action: 'deposit.refund_on_arrival', targetType: 'registration', targetId: reg.id, at: now,
    detail: { regNo: reg.regNo, txnId: cb.txnId, orderNo: cb.orderNo, amountFen: cb.amountFen, refundNo, reason },
  });
}

/** What is kept of a body that failed the check: its JSON, else its text (bounded). */
function evidence(raw: Buffer): unknown {
  const text = raw.toString('utf8').slice(0, 8000);
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' ? v : { raw: text };
  } catch {
    return { raw: text };
  }
}
