/**
 * Test support for draws: the sale world (src/commands/sale/testing.ts) with every family's
 * registration paid (status registered, as the payment callback leaves it) and the clock moved
 * past the registration window. Registrations are written straight to the table: paying is
 * tested by the registrations module.
 */
import { randomUUID } from 'node:crypto';
import type { DbHandle } from '../../db/client.js';
import { registrations } from '../../db/schema.js';
import { type SaleWorldOptions, saleWorld } from '../sale/testing.js';

/** The day after the fixture's registration window (2026-03-01 … 2026-03-10, Shanghai). */
export const AFTER_WINDOW = '2026-03-11';

/** Options: the sale world's, plus which families registered and paid (default: all). */
export type DrawWorldOptions = SaleWorldOptions & { registered?: number; pendingPayment?: number };

/** A sale world whose families hold paid registrations R2026000000…, clock after the window. */
export async function drawWorld(h: DbHandle, opts: DrawWorldOptions = {}) {
  const w = await saleWorld(h, opts);
  const paid = opts.registered ?? w.families.length;
  const pending = opts.pendingPayment ?? 0;
  const rows = w.families.slice(0, paid + pending).map((f, i) => ({
    id: randomUUID(), regNo: `R2026${String(i).padStart(6, '0')}`, projectId: w.project.id, planId: w.plan.id, applicationId: f.applicationId,
    accountId: f.actor.accountId, status: i < paid ? 'registered' : 'pending_payment', depositFen: w.plan.depositFen,
    registeredAt: new Date('2026-03-02T02:00:00Z'), paidAt: i < paid ? new Date('2026-03-02T03:00:00Z') : null,
  }));
  if (rows.length) await h.db.insert(registrations).values(rows);
  w.clock.set(AFTER_WINDOW);
  return { ...w, registrations: rows };
}
export type DrawWorld = Awaited<ReturnType<typeof drawWorld>>;
