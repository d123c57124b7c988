/**
 * The project's ring-fenced fund ledger (第十七条): 资本金, 开发贷款, 销售回款, 财政补助, 专项债, 其他.
 * Append-only; (project, source, direction, reference) is unique so a retry posts once.
 */
import type { Tx } from '../../db/client.js';
import { FUND_SOURCES, fundLedger } from '../../db/schema.js';

export type FundSource = (typeof FUND_SOURCES)[number];
export type FundEntry = {
  projectId: string; source: FundSource; direction: 'in' | 'out'; amountFen: number; occurredOn: string;
  memo: string; reference: string; recordedBy: string | null; recordedAt: Date;
};

/** Appends a row; false when the same reference was already posted. */
export async function postFund(tx: Tx, e: FundEntry): Promise<boolean> {
  if (!Number.isSafeInteger(e.amountFen) || e.amountFen <= 0) throw new Error(`fund amount must be a positive integer fen, got ${e.amountFen}`);
  const rows = await tx.insert(fundLedger).values(e).onConflictDoNothing().returning({ id: fundLedger.id });
  return rows.length === 1;
}
