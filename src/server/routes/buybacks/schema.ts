/** Schemas of the buyback routes (济政发〔2025〕3号 第二十七至二十九条). Money is integer fen; dates YYYY-MM-DD. */
import { z } from 'zod';
import { GenerateBuybackBody, PaymentBody, TransferBody, VacatingBody } from '../../../commands/buybacks/index.js';
import { VACATING_ITEMS } from '../../../db/schema.js';

export const IdParams = z.object({ id: z.uuid().describe('id') });
export const VacatingParams = z.object({ id: z.uuid().describe('exit id'), item: z.enum(VACATING_ITEMS).describe('第二十九条 vacating item') });
export const ReconciliationQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json') });

/** The bodies are checked again by the commands with the same schemas (the command is the authority). */
export { GenerateBuybackBody, PaymentBody, TransferBody, VacatingBody };

const Schedule = z.object({
  first: z.number(), balance: z.number(), firstToLender: z.number(), firstToFamily: z.number(), balanceToLender: z.number(),
  balanceToFamily: z.number(), loanUnpaid: z.number(), firstShare: z.string(), asOf: z.string(),
});

export const BuybackContract = z.object({
  id: z.string(), contractNo: z.string(), exitId: z.string(), status: z.enum(['generated', 'signed']), priceFen: z.number(),
  outstandingLoanFen: z.number(), lender: z.string().nullable(), schedule: Schedule, vacateByOn: z.string(), modelVersion: z.string(),
  generatedAt: z.string(), signedAt: z.string().nullable(), pdfSha256: z.string().nullable(), pdfUrl: z.string(),
});

export const Payment = z.object({
  id: z.string(), stage: z.enum(['first', 'balance']), payee: z.enum(['lender', 'family']), amountFen: z.number(), paidOn: z.string(),
  reference: z.string(), recordedAt: z.string(),
});
export const BookedStage = z.object({ contract: BuybackContract, stage: z.enum(['first', 'balance']), booked: z.boolean(), payments: z.array(Payment) });

export const Vacating = z.object({
  items: z.array(z.object({
    item: z.enum(VACATING_ITEMS), done: z.boolean(), doneOn: z.string().nullable(),
    evidence: z.object({ ref: z.string(), note: z.string().optional() }).nullable(),
  })),
  complete: z.boolean(), missing: z.array(z.enum(VACATING_ITEMS)),
});

export const Transfer = z.object({
  exitId: z.string(), titleId: z.string(), certificateNo: z.string(), issuedOn: z.string(), previousCertificateNo: z.string().nullable(), registered: z.boolean(),
});

export const Completion = z.object({
  exitId: z.string(), exitNo: z.string(), status: z.literal('completed'), completedOn: z.string(), refundedFen: z.number(),
  resaleOfferId: z.string(), applicationStatus: z.string().nullable(),
});

const Check = z.object({ code: z.string(), ok: z.boolean(), expectedFen: z.number(), actualFen: z.number(), article: z.string() });
export const Reconciliation = z.object({
  exitId: z.string(), exitNo: z.string(), contractNo: z.string(), exitStatus: z.string(), asOf: z.string(),
  priceFen: z.number(), outstandingLoanFen: z.number(), lender: z.string().nullable(),
  schedule: z.object({ first: z.number(), balance: z.number(), firstToLender: z.number(), firstToFamily: z.number(), balanceToLender: z.number(), balanceToFamily: z.number() }),
  booked: z.object({ firstToLender: z.number(), firstToFamily: z.number(), balanceToLender: z.number(), balanceToFamily: z.number(), lender: z.number(), family: z.number(), total: z.number() }),
  fund: z.object({ accountNo: z.string(), depositsFen: z.number(), refundsFen: z.number(), balanceFen: z.number(),
    balanceBeforeRefundFen: z.number().describe('结余 just before the buyback\'s refund (第二十九条第二款)'), refundedAtBuybackFen: z.number(), resaleDueFen: z.number().nullable() }).nullable(),
  checks: z.array(Check), settled: z.boolean(), balanced: z.boolean(),
});
