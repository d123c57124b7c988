/**
 * Rule housing.buyback-payments: 济政发〔2025〕3号 第二十九条. "回购价款分批支付，签订回购协议后按回购资金10%
 * 的比例先行支付，待原购房家庭配合办理不动产转移登记并完成房屋腾退事宜……后，结清回购价款。原购房家庭未足额
 * 偿还该套住房贷款的，回购价款优先用于清偿债务，再向个人支付余款。"
 *
 * Interpretations: the first payment is price × first_payment_share rounded half-up to the fen (parameter
 * housing.buyback.payment_rounding) and the balance is the rest, so the two always sum to the price.
 * "优先用于清偿债务" applies to each payment as it is made: the lender is paid from the first payment
 * until the loan is cleared, and from the balance whatever is still owed; the family gets the remainder
 * of each. A loan larger than the price leaves `loanUnpaid` between the family and its lender.
 */
import { z } from 'zod';
import { type Rounding, mulRate } from '../core/money.js';
import { type RuleResult, Tracer } from '../core/trace.js';
import { fen } from './decimal-input.js';
import { art, requireInForce } from './measure.js';

export const BUYBACK_PAYMENTS_ID = 'housing.buyback-payments';
export const BUYBACK_PAYMENTS_PARAMS = ['housing.measure.in_force', 'housing.buyback.first_payment_share', 'housing.buyback.payment_rounding'];

/** Amounts in fen; `outstandingLoan` is what the family still owes on the purchase loan (0 without one). */
export const buybackPaymentsInput = z.object({ price: fen, outstandingLoan: fen });
export type BuybackPaymentsInput = z.infer<typeof buybackPaymentsInput>;

/** Amounts in fen: first = firstToLender + firstToFamily, balance = balanceToLender + balanceToFamily. */
export type BuybackPaymentsValue = {
  first: number;
  balance: number;
  firstToLender: number;
  firstToFamily: number;
  balanceToLender: number;
  balanceToFamily: number;
  loanUnpaid: number;
  share: string;
};

/** The payment schedule of a buyback at `price`, on `asOf` (the day the parameters are read). */
export function buybackPayments(input: BuybackPaymentsInput, asOf: string): RuleResult<BuybackPaymentsValue> {
  const t = new Tracer(BUYBACK_PAYMENTS_ID, asOf);
  requireInForce(t);
  const share = t.param<string>('housing.buyback.first_payment_share');
  const rounding = t.param<string>('housing.buyback.payment_rounding');
  const first = mulRate(input.price, share.value, rounding.value as Rounding);
  const balance = input.price - first;
  t.step('第二十九条', 'first = price × share (rounded); balance = price − first', { first, balance }, undefined, [share, rounding]);
  const firstToLender = Math.min(input.outstandingLoan, first);
  const balanceToLender = Math.min(input.outstandingLoan - firstToLender, balance);
  const loanUnpaid = input.outstandingLoan - firstToLender - balanceToLender;
  t.step('第二十九条', 'each payment clears the outstanding loan before the family is paid', { firstToLender, balanceToLender }, undefined);
  t.step('第二十九条', 'loan cleared by the price', loanUnpaid, loanUnpaid === 0);
  const value = {
    first,
    balance,
    firstToLender,
    firstToFamily: first - firstToLender,
    balanceToLender,
    balanceToFamily: balance - balanceToLender,
    loanUnpaid,
    share: share.value,
  };
  return { value, trace: t.steps, citations: [art(29)] };
}

/** The registry entry (`quancheng rules eval housing.buyback-payments`). */
export const buybackPaymentsRule = {
  id: BUYBACK_PAYMENTS_ID,
  title: '回购价款分批支付（第二十九条） / buyback payments: first 10%, the lender paid first',
  citations: [art(29)],
  input: buybackPaymentsInput,
  params: BUYBACK_PAYMENTS_PARAMS,
  evaluate: buybackPayments,
};
