/**
 * Rule housing.unit-price: 济政发〔2025〕3号 第十二条. The implementer measures a base price per m²
 * and a float range (浮动幅度); each unit's price is the base adjusted by the unit's coefficient
 * (floor, orientation …), and must lie within the range.
 */
import { z } from 'zod';
import { type Rounding, compareDecimals, mulFactors, subDecimals } from '../core/money.js';
import { type RuleResult, Tracer } from '../core/trace.js';
import { decimal, fen } from './decimal-input.js';
import { art, requireInForce } from './measure.js';

export const UNIT_PRICE_ID = 'housing.unit-price';

export const unitPriceInput = z.object({
  basePricePerM2: fen,
  floatRange: decimal(6, '浮动幅度须为小数（如 0.05 表示 ±5%）', 'must be a fraction such as 0.05 for ±5%'),
  area: decimal(2, '面积须为平方米数，最多两位小数', 'must be square metres with at most two decimals'),
  coefficient: decimal(6, '调节系数须为正小数（如 1.03）', 'must be a positive decimal such as 1.03'),
});
export type UnitPriceInput = z.infer<typeof unitPriceInput>;

/** Money in fen; `deviation` is coefficient − 1 as an exact decimal string. */
export type UnitPriceValue = { price: number; withinRange: boolean; deviation: string };

export const UNIT_PRICE_PARAMS = ['housing.measure.in_force', 'housing.sale.unit_price_rounding'];

/**
 * Interpretations: the float range is symmetric (1 − floatRange ≤ coefficient ≤ 1 + floatRange,
 * both ends included), because 第十二条 names one 浮动幅度; the price is rounded once, after
 * multiplying base × area × coefficient exactly, so no intermediate rounding shifts a fen.
 */
export function evaluateUnitPrice(input: UnitPriceInput, asOf: string): RuleResult<UnitPriceValue> {
  const t = new Tracer(UNIT_PRICE_ID, asOf);
  requireInForce(t);
  const rounding = t.param<string>('housing.sale.unit_price_rounding');
  const price = mulFactors(input.basePricePerM2, [input.area, input.coefficient], rounding.value as Rounding);
  t.step('第十二条', 'price = basePricePerM2 × area × coefficient', price, undefined, [rounding]);
  const deviation = subDecimals(input.coefficient, '1');
  const magnitude = deviation.startsWith('-') ? deviation.slice(1) : deviation;
  const withinRange = compareDecimals(magnitude, input.floatRange) <= 0;
  t.step('第十二条', '|coefficient − 1| ≤ floatRange', { deviation, floatRange: input.floatRange }, withinRange);
  return { value: { price, withinRange, deviation }, trace: t.steps, citations: [art(12)] };
}

/** The registry entry. */
export const unitPriceRule = {
  id: UNIT_PRICE_ID,
  title: '单套配售价格（第十二条） / price of one unit within the approved float range',
  citations: [art(12), art(34)],
  input: unitPriceInput,
  params: UNIT_PRICE_PARAMS,
  evaluate: evaluateUnitPrice,
};
