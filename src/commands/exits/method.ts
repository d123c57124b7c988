/**
 * The published buyback method (济政发〔2025〕3号 第二十七条: 具体回购价格测算方式由市住房城乡建设部门会同市
 * 财政、审计等部门确定并公布): the formula, every parameter in force with its value, reference and note,
 * and a worked example computed by rule housing.buyback-price itself; and the public calculator.
 * Public: no account, no database, no personal data.
 */
import { z } from 'zod';
import { allParams, param, versionOn } from '../../params/load.js';
import { addYears, isoDate } from '../../rules/core/dates.js';
import { RuleInputError } from '../../rules/core/errors.js';
import { buybackPrice } from '../../rules/housing/buyback-price.js';
import { invalid } from '../errors.js';
import { parseInput } from '../validate.js';

/** The method's parameters, with the symbol each has in the formula. */
const METHOD_PARAMS: { name: string; symbol: string }[] = [
  { name: 'housing.buyback.depreciation_rate_per_year', symbol: 'd' },
  { name: 'housing.buyback.interest_rate_tiers', symbol: 'r' },
  { name: 'housing.buyback.days_per_year', symbol: 'H' },
  { name: 'housing.buyback.price_level_adjustment', symbol: 'K' },
  { name: 'housing.buyback.price_rounding', symbol: 'price' },
  { name: 'housing.buyback.first_payment_share', symbol: 'first' },
  { name: 'housing.buyback.payment_rounding', symbol: 'first' },
  { name: 'housing.closed-loop.buyback_due_months', symbol: 'due' },
];

export const FORMULA = {
  text: 'P0 × (1 − d × A + r × H) × K',
  zh: '回购价格 = 原购房价款 P0 ×（1 − 年折旧率 d × 竣工起满整年数 A + 同期存款利率 r × 持有年限 H）× 物价水平系数 K，全式按精确分数计算，最后一次取整到分；P0 不含维修资金，维修资金另行结算（第二十七条）。',
  en: 'price = original price P0 × (1 − yearly depreciation d × full years since completion A + deposit rate r × holding time H) × price-level factor K, computed exactly and rounded to the fen once; P0 excludes the maintenance fund, which is settled apart (第二十七条).',
};
export const PUBLICATION = {
  zh: '平台默认测算方式，待市住房城乡建设部门会同市财政、审计等部门确定并公布（第二十七条）',
  en: 'the platform\'s default method, until the city housing bureau, with the finance and audit departments, sets and publishes it (第二十七条)',
};

/** What the method page shows on `asOf`. */
export function publishedMethod(asOf: string) {
  const defs = allParams();
  const parameters = METHOD_PARAMS.map(({ name, symbol }) => {
    const def = defs.get(name);
    const v = def ? versionOn(def, asOf) : undefined;
    const p = param(name, asOf);
    return { name, symbol, description: def?.description ?? null, unit: def?.unit ?? null, value: p.value, version: p.version, reference: p.reference, note: v?.note?.trim() ?? null };
  });
  const input = { originalPriceFen: 72_000_000, paidOn: addYears(asOf, -3), builtOn: addYears(asOf, -4), valuationOn: asOf };
  const result = buybackPrice({ originalPrice: input.originalPriceFen, paidOn: input.paidOn, builtOn: input.builtOn }, asOf);
  return {
    asOf, formula: FORMULA, publication: PUBLICATION, parameters,
    example: { input, result, explanation: { zh: '示例：原购房价款72万元，竣工4年、付款3年后评估（物价水平调整未启用时 K = 1）。', en: 'Example: a price of 720,000 yuan, valued 4 years after completion and 3 years after payment (K = 1 while the price-level adjustment is off).' } },
  };
}

const cpi = z.string().trim().regex(/^\d+(?:\.\d{1,6})?$/, { message: '物价指数应为非负数，最多6位小数 / must be a non-negative number with at most 6 decimals' });
const CalculatorInput = z.object({
  originalPriceFen: z.number({ message: '原购房价款应为以分计的整数 / originalPriceFen must be an amount in fen' }).int({ message: '原购房价款应为以分计的整数 / originalPriceFen must be a whole amount in fen' })
    .positive({ message: '原购房价款应大于零 / originalPriceFen must be above zero' }).max(Number.MAX_SAFE_INTEGER),
  paidOn: isoDate,
  builtOn: isoDate,
  valuationOn: isoDate,
  cpiAtPurchase: cpi.optional(),
  cpiAtValuation: cpi.optional(),
});
export type CalculatorInput = z.infer<typeof CalculatorInput>;

/** The rule's result for the calculator's inputs; 400 naming the field for anything it cannot judge. */
export function calculateBuyback(raw: unknown) {
  const i = parseInput(CalculatorInput, raw);
  try {
    return buybackPrice({ originalPrice: i.originalPriceFen, paidOn: i.paidOn, builtOn: i.builtOn, cpiAtPurchase: i.cpiAtPurchase, cpiAtValuation: i.cpiAtValuation }, i.valuationOn);
  } catch (e) {
    if (e instanceof RuleInputError) throw invalid(e.field === 'asOf' ? 'valuationOn' : e.field, e.message_zh, `${e.field === 'asOf' ? 'valuationOn' : e.field}: ${e.message_en}`);
    throw e;
  }
}
