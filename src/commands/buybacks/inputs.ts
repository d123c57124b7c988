/**
 * Inputs of the buyback commands (济政发〔2025〕3号 第二十六至二十九条), checked by the command with
 * these schemas (the routes declare the same ones). Money is integer fen; dates YYYY-MM-DD.
 */
import { z } from 'zod';
import { PAYMENT_STAGES, VACATING_ITEMS } from '../../db/schema.js';
import { isoDate } from '../../rules/core/dates.js';

const text = (max: number, zh: string, en: string) =>
  z.string({ message: `请填写${zh} / ${en} is required` }).trim().min(1, `请填写${zh} / ${en} is required`).max(max, `${zh}不超过${max}字 / ${en} is at most ${max} characters`);
const fen = z.number({ message: '金额须为以分计的整数 / an amount in fen is required' })
  .int('金额须为以分计的整数 / must be an integer amount in fen').min(0, '金额不能为负 / cannot be negative').max(Number.MAX_SAFE_INTEGER);

export const GenerateBuybackBody = z.object({
  /** The purchase loan not yet repaid (第二十九条: paid first out of each payment). */
  outstandingLoanFen: fen,
  lender: text(100, '贷款人', 'lender').nullish(),
  /** 第二十六条: on or before the exit's due date. */
  vacateByOn: isoDate,
});
export type GenerateBuybackInput = z.infer<typeof GenerateBuybackBody> & { exitId: string };

export const PaymentBody = z.object({
  stage: z.enum(PAYMENT_STAGES, { message: '批次须为 first（先行支付）或 balance（结清余款） / stage must be first or balance' }),
  paidOn: isoDate,
  /** The bank's reference of the transfer; a retry with the same reference books nothing new. */
  reference: text(100, '付款凭证号', 'reference'),
});
export type PaymentInput = z.infer<typeof PaymentBody> & { contractId: string };

export const VacatingBody = z.object({
  doneOn: isoDate,
  evidence: z.object({ ref: text(200, '凭证编号', 'evidence.ref'), note: text(500, '说明', 'evidence.note').optional() }, { message: '请提供凭证 / evidence is required' }),
});
export const VacatingItemSchema = z.enum(VACATING_ITEMS, { message: '腾退事项须为 utilities、heating、gas、property_fees 或 hukou_moved / unknown vacating item' });
export type VacatingInput = z.infer<typeof VacatingBody> & { exitId: string; item: string };

export const TransferBody = z.object({
  /** The government's new 不动产权证书号. */
  certificateNo: text(100, '不动产权证书号', 'certificateNo'),
  issuedOn: isoDate,
});
export type TransferInput = z.infer<typeof TransferBody> & { exitId: string };
