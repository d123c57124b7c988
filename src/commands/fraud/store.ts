/**
 * Storage and views of fraud decisions (济政发〔2025〕3号 第三十一条). Decision numbers are
 * 骗保处理〔YYYY〕N号, numbered per year.
 *
 * Reading: there is no sequence for these numbers in the schema; decisions are few, so the next
 * number is counted under a transaction-scoped advisory lock (and decision_no is unique anyway).
 */
import { and, eq, like, sql, count } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { fraudDecisions } from '../../db/schema.js';

export type FraudRow = typeof fraudDecisions.$inferSelect;
export type FraudAction = 'cancel_qualification' | 'rescind_contract' | 'vacate_and_buyback';

/** Which clause and what it means, for notices and views. */
export const ACTION_CLAUSE: Record<FraudAction, { clause: string; zh: string }> = {
  cancel_qualification: { clause: '（一）', zh: '取消购房资格' },
  rescind_contract: { clause: '（二）', zh: '解除购房合同' },
  vacate_and_buyback: { clause: '（三）', zh: '责令限期腾退住房，按合同约定予以回购' },
};

/** The refund of 第三十一条(二), in fen. */
export type FraudRefund = {
  depositCreditedFen: number; downPaymentPaidFen: number; toFamilyFen: number; toLenderFen: number; totalFen: number; reading: string;
};

/** A decision as returned to staff. */
export type FraudView = {
  id: string; decisionNo: string; applicationId: string; action: FraudAction; clause: string; article: string; finding: string;
  evidence: unknown; contractId: string | null; refund: FraudRefund | null; vacateByOn: string | null; exitId: string | null;
  decidedAt: string;
};

const LOCK = 0x46524155; // "FRAU": serialises the numbering of decisions

/** The next decision number of the year. */
export async function nextDecisionNo(tx: Tx, today: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
  const prefix = `骗保处理〔${today.slice(0, 4)}〕`;
  const [{ n }] = await tx.select({ n: count() }).from(fraudDecisions).where(like(fraudDecisions.decisionNo, `${prefix}%`));
  return `${prefix}${Number(n) + 1}号`;
}

/** The decision already taken on the application, if any. */
export async function decisionOf(tx: Tx, applicationId: string): Promise<FraudRow | undefined> {
  const [row] = await tx.select().from(fraudDecisions).where(and(eq(fraudDecisions.applicationId, applicationId)));
  return row;
}

/** The view of a decision row. */
export function fraudView(d: FraudRow): FraudView {
  const a = d.action as FraudAction;
  return {
    id: d.id, decisionNo: d.decisionNo, applicationId: d.applicationId, action: a, clause: ACTION_CLAUSE[a].clause,
    article: `第三十一条${ACTION_CLAUSE[a].clause}`, finding: d.finding, evidence: d.evidence, contractId: d.contractId,
    refund: (d.refund as FraudRefund | null) ?? null, vacateByOn: d.vacateByOn, exitId: d.exitId, decidedAt: d.decidedAt.toISOString(),
  };
}
