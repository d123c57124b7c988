/**
 * startPayment: opens a payment order for the registration's 认购金 (第十一条) at the gateway and
 * returns where the family pays. Retry-safe: while an order is open it is reused (the gateway
 * treats the same order number as the same order), so two clicks never make two orders.
 */
import { desc, eq } from 'drizzle-orm';
import { paymentOrders } from '../../db/schema.js';
import type { PaymentGateway } from '../../payments/gateway.js';
import { assertOwner } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { listFrozen, lockRegistration, planOf, projectName, regState, windowOpen } from './store.js';

export type PaymentStart = { orderNo: string; payUrl: string; amountFen: number };

/** Opens (or reopens) the order for a `pending_payment` registration of the signed-in family. */
export async function startPayment(ctx: CommandContext, gateway: PaymentGateway, input: { registrationId: string }): Promise<PaymentStart> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const reg = await lockRegistration(tx, input.registrationId);
    assertOwner(ctx.actor, reg);
    if (reg.status !== 'pending_payment') throw regState(reg.status, '缴纳认购金', 'pay the deposit');
    const plan = await planOf(tx, reg.planId);
    if (!windowOpen(plan, now) || (await listFrozen(tx, plan))) {
      throw new DomainError('WINDOW_CLOSED', 409, '认购登记期限已过，不能再缴纳认购金。', 'The registration window is closed; the deposit can no longer be paid.', 'registrationId');
    }
    const orders = await tx.select().from(paymentOrders).where(eq(paymentOrders.registrationId, reg.id)).orderBy(desc(paymentOrders.createdAt));
    let order = orders.find((o) => o.status === 'pending' && o.amountFen === reg.depositFen && o.gateway === gateway.name);
    if (!order) {
      [order] = await tx.insert(paymentOrders).values({
        orderNo: `P${reg.regNo}-${orders.length + 1}`, registrationId: reg.id, amountFen: reg.depositFen, gateway: gateway.name, status: 'pending', createdAt: now,
      }).returning();
    }
    const subject = `${await projectName(tx, reg.projectId)} 认购金（${reg.regNo}）`;
    const { payUrl } = await gateway.createOrder({ orderNo: order!.orderNo, amountFen: order!.amountFen, subject });
    return { orderNo: order!.orderNo, payUrl, amountFen: order!.amountFen };
  });
}

