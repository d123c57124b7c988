/**
 * The 认购金 ledger (第十一条): append-only rows of paid, credited (against the price at signing)
 * and refunded amounts, in fen. Every writer goes through `postDeposit`, so a retried command or
 * a replayed bank callback books nothing twice: (kind, reference) is unique.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { depositLedger } from '../../db/schema.js';

export type LedgerKind = 'paid' | 'credited' | 'refunded';
export type DepositEntry = {
  projectId: string; registrationId: string; kind: LedgerKind; amountFen: number;
  /** paid: bank transaction id · credited: contract number · refunded: refund number. */
  reference: string; reason: string; at: Date;
};

/** Appends a row; false when a row with the same kind and reference exists (nothing changed). */
export async function postDeposit(tx: Tx, e: DepositEntry): Promise<boolean> {
  if (!Number.isSafeInteger(e.amountFen) || e.amountFen <= 0) throw new Error(`deposit amount must be a positive integer fen, got ${e.amountFen}`);
  const rows = await tx.insert(depositLedger).values(e).onConflictDoNothing({ target: [depositLedger.kind, depositLedger.reference] }).returning({ id: depositLedger.id });
  return rows.length === 1;
}

export type DepositBalance = { paid: number; credited: number; refunded: number; held: number };

/** Sums for one registration; held = paid − credited − refunded. */
export async function depositBalance(tx: Tx, registrationId: string): Promise<DepositBalance> {
  const rows = await tx.select({ kind: depositLedger.kind, total: sql<string>`sum(${depositLedger.amountFen})` })
    .from(depositLedger).where(eq(depositLedger.registrationId, registrationId)).groupBy(depositLedger.kind);
  return balanceOf(rows);
}

/** Sums for a whole project. */
export async function projectDepositTotals(tx: Tx, projectId: string): Promise<DepositBalance> {
  const rows = await tx.select({ kind: depositLedger.kind, total: sql<string>`sum(${depositLedger.amountFen})` })
    .from(depositLedger).where(and(eq(depositLedger.projectId, projectId))).groupBy(depositLedger.kind);
  return balanceOf(rows);
}

function balanceOf(rows: { kind: string; total: string | number | null }[]): DepositBalance {
  const get = (k: LedgerKind) => Number(rows.find((r) => r.kind === k)?.total ?? 0);
  const paid = get('paid'); const credited = get('credited'); const refunded = get('refunded');
  return { paid, credited, refunded, held: paid - credited - refunded };
}
