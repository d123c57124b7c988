/**
 * reconcile: the 认购金 of a project to the fen (第十一条: 认购金可折抵购房款，未签约家庭的认购金应予返还).
 * Two independent counts must agree: the ledger's held (paid − credited − refunded) and what the
 * registrations say should be held (the 认购金 of every registration in status `registered`).
 * Per registration, held must be its 认购金 while registered and 0 in every other status.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { depositLedger, registrations } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { projectDepositTotals } from '../deposits/ledger.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';

export type ReconciliationRow = {
  registrationId: string; regNo: string; status: string; depositFen: number;
  paid: number; credited: number; refunded: number; held: number; expectedHeld: number; refundPending: number; ok: boolean;
};
export type Reconciliation = {
  projectId: string; code: string; name: string; projectStatus: string; asOf: string;
  paid: number; credited: number; refunded: number; held: number;
  heldByRegistrations: number;
  /** Refunds booked and not yet confirmed by the bank. */
  refundsInFlight: { count: number; amountFen: number };
  balanced: boolean;
  rows: ReconciliationRow[];
};

/** The project's reconciliation (implementer, staff, auditor). */
export async function reconcile(ctx: CommandContext, projectId: string): Promise<Reconciliation> {
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, projectId);
    assertProjectAccess(ctx.actor, project, 'read');
    const totals = await projectDepositTotals(tx, project.id);
    const amount = (kind: string) => sql<string>`coalesce(sum(case when ${depositLedger.kind} = ${kind} then ${depositLedger.amountFen} end), 0)`;
    const rows = await tx.select({
      r: registrations, paid: amount('paid'), credited: amount('credited'), refunded: amount('refunded'),
      pending: sql<string>`coalesce(sum(case when ${depositLedger.kind} = 'refunded' and ${depositLedger.settledAt} is null then ${depositLedger.amountFen} end), 0)`,
      pendingCount: sql<string>`count(case when ${depositLedger.kind} = 'refunded' and ${depositLedger.settledAt} is null then 1 end)`,
    }).from(registrations).leftJoin(depositLedger, eq(depositLedger.registrationId, registrations.id))
      .where(eq(registrations.projectId, project.id)).groupBy(registrations.id).orderBy(asc(registrations.regNo));
    // Counted from the registrations alone, not from the ledger.
    const [byReg] = await tx.select({ n: sql<string>`coalesce(sum(${registrations.depositFen}), 0)` }).from(registrations)
      .where(sql`${registrations.projectId} = ${project.id} and ${registrations.status} = 'registered'`);
    const out: ReconciliationRow[] = rows.map(({ r, paid, credited, refunded, pending }) => {
      const p = Number(paid); const c = Number(credited); const f = Number(refunded);
      const held = p - c - f;
      const expectedHeld = r.status === 'registered' ? r.depositFen : 0;
      return { registrationId: r.id, regNo: r.regNo, status: r.status, depositFen: r.depositFen, paid: p, credited: c, refunded: f, held, expectedHeld, refundPending: Number(pending), ok: held === expectedHeld };
    });
    const heldByRegistrations = Number(byReg?.n ?? 0);
    const rowsHeld = out.reduce((s, r) => s + r.held, 0);
    return {
      projectId: project.id, code: project.code, name: project.name, projectStatus: project.status, asOf: ctx.clock.now().toISOString(),
      ...totals, heldByRegistrations,
      refundsInFlight: { count: rows.reduce((s, r) => s + Number(r.pendingCount), 0), amountFen: out.reduce((s, r) => s + r.refundPending, 0) },
      balanced: totals.paid === totals.credited + totals.refunded + totals.held && totals.held === heldByRegistrations && rowsHeld === totals.held && out.every((r) => r.ok),
      rows: out,
    };
  });
}
