/**
 * Rule housing.down-payment: 济政发〔2025〕3号 第十三条. A buyer with a housing provident fund loan
 * pays at least 15% down; the floor for a commercial mortgage is the bureau's parameter.
 */
import { z } from 'zod';
import { type Rounding, mulRate } from '../core/money.js';
import { bilingual } from '../core/errors.js';
import { type RuleResult, Tracer } from '../core/trace.js';
import { fen } from './decimal-input.js';
import { art, requireInForce } from './measure.js';

export const DOWN_PAYMENT_ID = 'housing.down-payment';

export const downPaymentInput = z
  .object({
    price: fen,
    downPayment: fen,
    loanType: z.enum(['provident_fund', 'commercial', 'none']),
  })
  .refine((v) => v.downPayment <= v.price, { path: ['downPayment'], ...bilingual('首付款不能高于房价', 'cannot exceed the price') });
export type DownPaymentInput = z.infer<typeof downPaymentInput>;

/** Amounts in fen. */
export type DownPaymentValue = { ok: boolean; minimum: number; ratio: string };

export const DOWN_PAYMENT_PARAMS = [
  'housing.measure.in_force',
  'housing.sale.down_payment_min_ratio_provident_fund',
  'housing.sale.down_payment_min_ratio_commercial',
  'housing.sale.down_payment_rounding',
];

/**
 * Interpretations: the minimum is the smallest amount in fen not below price × ratio (rounded up:
 * a "最低" amount may not fall short by a fraction of a fen); without a loan the whole price is
 * the down payment (ratio 1), since nothing is borrowed; a combined provident-fund and commercial
 * loan is entered as provident_fund only when the bureau says the 第十三条 floor governs it.
 */
export function evaluateDownPayment(input: DownPaymentInput, asOf: string): RuleResult<DownPaymentValue> {
  const t = new Tracer(DOWN_PAYMENT_ID, asOf);
  requireInForce(t);
  const rounding = t.param<string>('housing.sale.down_payment_rounding');
  let ratio = '1';
  const used = [rounding];
  if (input.loanType !== 'none') {
    const p = t.param<string>(`housing.sale.down_payment_min_ratio_${input.loanType}`);
    ratio = p.value;
    used.push(p);
  }
  const minimum = mulRate(input.price, ratio, rounding.value as Rounding);
  t.step('第十三条', `minimum = price × ratio (${input.loanType})`, { ratio, minimum }, undefined, used);
  const ok = input.downPayment >= minimum;
  t.step('第十三条', 'downPayment ≥ minimum', input.downPayment, ok);
  return { value: { ok, minimum, ratio }, trace: t.steps, citations: [art(13)] };
}

/** The registry entry. */
export const downPaymentRule = {
  id: DOWN_PAYMENT_ID,
  title: '最低首付款（第十三条） / minimum down payment',
  citations: [art(13), art(34)],
  input: downPaymentInput,
  params: DOWN_PAYMENT_PARAMS,
  evaluate: evaluateDownPayment,
};
