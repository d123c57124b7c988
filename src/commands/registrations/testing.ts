/**
 * Test support for the money of a sale: register families of a `saleWorld` and pay their 认购金
 * through a simulated bank, exactly as the HTTP flow does (order, bank payment, signed callback).
 * Other modules' tests use `paidRegistrations` to get a project with registered families.
 */
import type { SaleWorld } from '../sale/testing.js';
import { SimulatedBank } from '../../payments/simulated-bank.js';
import { randomSimBankKey } from '../../payments/key.js';
import { handlePaymentCallback } from './callback.js';
import { startPayment } from './payment.js';
import { registerForProject } from './register.js';

/** A simulated bank on the world's clock. */
export const worldBank = (w: SaleWorld) => new SimulatedBank({ key: randomSimBankKey(), now: () => w.clock.now() });

/** Family `i` registers and pays (once); returns the registration id, its number and the bank transaction. */
export async function registerAndPay(w: SaleWorld, bank: SimulatedBank, i: number, projectId = w.project.id) {
  const ctx = w.ctxAs(w.families[i]!.actor);
  const reg = await registerForProject(ctx, { projectId });
  const order = await startPayment(ctx, bank, { registrationId: reg.id });
  const [cb] = bank.pay(order.orderNo);
  const res = await handlePaymentCallback(w.ctxAs({ accountId: '', role: 'public' }), bank, { rawBody: cb!.rawBody, signature: cb!.signature });
  if (res.outcome !== 'booked') throw new Error(`payment of family ${i}: ${res.outcome}`);
  return { registrationId: reg.id, regNo: reg.regNo, txnId: cb!.callback.txnId, orderNo: order.orderNo };
}

/** The first `n` families of the world registered with 认购金 paid. */
export async function paidRegistrations(w: SaleWorld, n = w.families.length, bank = worldBank(w)) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await registerAndPay(w, bank, i));
  return { bank, registrations: out };
}
