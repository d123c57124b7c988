/**
 * How a buyback (济政发〔2025〕3号 第二十七至二十九条) is shown to staff: the contract with its
 * schedule, the payments booked, the vacating checklist and the transfer registration.
 * Amounts in fen. `buybackState` is what the exit detail (GET /api/exits/:id) shows of it.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { buybackContracts } from '../../db/schema.js';
import { vacatingOfExit, type VacatingState } from './vacating.js';
import { paymentsOf, transferTitleOf, type BuybackContractRow, type Schedule } from './store.js';

export interface BuybackContractView {
  id: string;
  contractNo: string;
  exitId: string;
  status: 'generated' | 'signed';
  priceFen: number;
  outstandingLoanFen: number;
  lender: string | null;
  schedule: Schedule;
  vacateByOn: string;
  modelVersion: string;
  generatedAt: Date;
  signedAt: Date | null;
  pdfSha256: string | null;
}

export type BuybackPaymentView = { id: string; stage: 'first' | 'balance'; payee: 'lender' | 'family'; amountFen: number; paidOn: string; reference: string; recordedAt: Date };

/** The whole buyback of an exit. */
export type BuybackState = {
  contract: BuybackContractView | null;
  payments: BuybackPaymentView[];
  vacating: VacatingState;
  transfer: { titleId: string; certificateNo: string; issuedOn: string } | null;
};

/** One contract row as shown. */
export function contractOf(c: BuybackContractRow): BuybackContractView {
  return {
    id: c.id, contractNo: c.contractNo, exitId: c.exitId, status: c.status as BuybackContractView['status'], priceFen: c.priceFen,
    outstandingLoanFen: c.outstandingLoanFen, lender: c.lender, schedule: c.schedule as Schedule, vacateByOn: c.vacateByOn,
    modelVersion: c.modelVersion, generatedAt: c.generatedAt, signedAt: c.signedAt, pdfSha256: c.pdfSha256,
  };
}

/** The contract by id. */
export async function buybackContractView(tx: Tx, id: string): Promise<BuybackContractView> {
  const [c] = await tx.select().from(buybackContracts).where(eq(buybackContracts.id, id));
  if (!c) throw new Error(`buyback contract ${id} missing`);
  return contractOf(c);
}

/** Contract, payments, vacating and transfer of an exit, in the caller's transaction (no access check). */
export async function buybackState(tx: Tx, exitId: string, asOf: string): Promise<BuybackState> {
  const [c] = await tx.select().from(buybackContracts).where(eq(buybackContracts.exitId, exitId));
  const payments = c ? await paymentsOf(tx, c.id) : [];
  const t = await transferTitleOf(tx, exitId);
  return {
    contract: c ? contractOf(c) : null,
    payments: payments.map((p) => ({
      id: p.id, stage: p.stage as BuybackPaymentView['stage'], payee: p.payee as BuybackPaymentView['payee'], amountFen: p.amountFen,
      paidOn: p.paidOn, reference: p.reference, recordedAt: p.recordedAt,
    })),
    vacating: await vacatingOfExit(tx, exitId, asOf),
    transfer: t ? { titleId: t.id, certificateNo: t.certificateNo, issuedOn: t.issuedOn } : null,
  };
}
