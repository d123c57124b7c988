/**
 * Test support for the money of a sale: register families of a `saleWorld` and pay their 认购金
 * through a simulated bank, exactly as the HTTP flow does (order, bank payment, signed callback).
 * Other modules' tests use `paidRegistrations` to get a project with registered families.
 */
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { draws, projects, salePlans } from '../../db/schema.js';
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

/** Another selling project of the same implementer with a published plan open on the world's clock (no units needed to register). */
export async function anotherProject(h: DbHandle, w: SaleWorld, code = 'JN-2026-002', depositFen = 1_500_000) {
  const [project] = await h.db.insert(projects).values({
    code, name: '泉城安居·高新苑', level: 'district', districtCode: '370102', saleMode: 'completed', address: '济南市历下区工业南路 2 号',
    implementerAccountId: w.implementer.accountId, status: 'selling', updatedAt: w.clock.now(),
  }).returning();
  const [plan] = await h.db.insert(salePlans).values({
    projectId: project!.id, round: 1, registrationOpensAt: w.plan.registrationOpensAt, registrationClosesAt: w.plan.registrationClosesAt,
    drawOn: w.plan.drawOn, depositFen, pools: w.plan.pools, batchSize: 4, windowMinutes: 30, contractDeadlineDays: 7, status: 'published',
    noticeNo: `配售通告〔2026〕${code}号`, publishedAt: w.clock.now(),
  }).returning();
  return { project: project!, plan: plan! };
}

/** Freezes the plan's lottery list as the draw module would (a `frozen` draw row), for tests of what the freeze forbids. */
export async function frozenDraw(h: DbHandle, w: SaleWorld, projectId = w.project.id, planId = w.plan.id) {
  const [d] = await h.db.insert(draws).values({
    projectId, planId, round: 1, pools: [], entrantsTsv: Buffer.from(''), entrantCount: 0, listDigest: 'x', commitment: 'x', secretEnc: 'x',
    frozenAt: w.clock.now(), frozenBy: w.actors.city.accountId,
  }).returning();
  return d!;
}

/** Empties every table but the reference data, so one migrated database serves many worked examples. */
export async function emptyDb(h: DbHandle): Promise<void> {
  const rows = (await h.db.execute(sql`select tablename from pg_tables where schemaname = 'public' and tablename not in ('districts', '__drizzle_migrations')`)) as unknown as { rows: Array<{ tablename: string }> };
  if (rows.rows.length) await h.db.execute(sql.raw(`truncate ${rows.rows.map((r) => `"${r.tablename}"`).join(', ')} restart identity cascade`));
}
