/**
 * Returning 认购金 (济政发〔2025〕3号 第十一条: 项目配售结束后，未签约家庭的认购金应予返还; a family that
 * signs elsewhere buys only one home, so its other registrations close and their money goes back).
 * Both helpers run inside the caller's transaction and only book: the bank transfer is made after
 * commit by the `refunds` job (src/jobs/refunds.ts), with the refund number as the bank's
 * idempotency key, which then sets settled_at and bank_ref.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { paymentOrders, registrations } from '../../db/schema.js';
import { enqueue } from '../../notify/index.js';
import type { CommandContext } from '../context.js';
import { depositBalance, postDeposit } from '../deposits/ledger.js';
import { LIVE_REGISTRATION, lockRegistration, projectName, yuan } from './store.js';

/**
 * Books a `refunded` row for everything the registration holds; 0 when it holds nothing.
 * Retry-safe: held is read under the registration's row lock, so a second call finds nothing
 * left whatever its refund number. The family is told.
 */
export async function refundHeld(tx: Tx, ctx: CommandContext, registrationId: string, reason: string, refundNo: string): Promise<number> {
  const reg = await lockRegistration(tx, registrationId);
  const { held } = await depositBalance(tx, reg.id);
  if (held <= 0) return 0;
  const now = ctx.clock.now();
  const booked = await postDeposit(tx, { projectId: reg.projectId, registrationId: reg.id, kind: 'refunded', amountFen: held, reference: refundNo, reason, at: now });
  if (!booked) throw new Error(`refund number ${refundNo} is already used, yet ${held} fen is still held by ${reg.regNo}`);
  await enqueue(tx, {
    accountId: reg.accountId, template: 'deposit_refunded',
    params: { projectName: await projectName(tx, reg.projectId), amount: yuan(held), regNo: reg.regNo, reason },
  }, now);
  return held;
}

/**
 * 第十一条 (自主选择购买1套住房): once the family signs for one home, every other live registration of
 * its application closes (status `closed`, the reason kept) and what it holds is refunded.
 * `exceptRegistrationId` is the registration that signed (null for a rolling-sale purchase, which
 * has none). Rows are locked in id order so two signings never deadlock.
 */
export async function closeOtherRegistrations(
  tx: Tx, ctx: CommandContext, applicationId: string, exceptRegistrationId: string | null, reason: string,
): Promise<{ closed: number; refundedFen: number }> {
  const now = ctx.clock.now();
  const others = await tx.select().from(registrations).where(and(
    eq(registrations.applicationId, applicationId), inArray(registrations.status, [...LIVE_REGISTRATION]),
    ...(exceptRegistrationId ? [ne(registrations.id, exceptRegistrationId)] : []),
  )).orderBy(asc(registrations.id)).for('update');
  let refundedFen = 0;
  for (const r of others) {
    await tx.update(registrations).set({ status: 'closed', closedAt: now, closedReason: reason, version: r.version + 1 }).where(eq(registrations.id, r.id));
    await expireOrders(tx, r.id);
    refundedFen += await refundHeld(tx, ctx, r.id, reason, `CL-${r.regNo}`);
    await enqueue(tx, { accountId: r.accountId, template: 'registration_closed', params: { projectName: await projectName(tx, r.projectId), regNo: r.regNo, reason } }, now);
  }
  return { closed: others.length, refundedFen };
}

/** Open payment orders of a registration can no longer be paid into a live registration. */
export async function expireOrders(tx: Tx, registrationId: string): Promise<void> {
  await tx.update(paymentOrders).set({ status: 'expired' })
    .where(and(eq(paymentOrders.registrationId, registrationId), eq(paymentOrders.status, 'pending')));
}

