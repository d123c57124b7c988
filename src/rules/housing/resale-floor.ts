/**
 * Rule housing.resale-floor: 济政发〔2025〕3号 第三十条. "回购的房屋适当修缮后可继续作为配售房源……再次配售价格
 * 应覆盖回购价格、二次装修成本等。"
 *
 * Interpretation: the floor is the buyback price plus the renovation cost, both in fen; "等" allows
 * the bureau to add other costs, which would be further inputs, none until it names them. The
 * maintenance fund the next buyer pays (the amount refunded at buyback) is not part of the price.
 */
import { z } from 'zod';
import { sumFen } from '../core/money.js';
import { type RuleResult, Tracer } from '../core/trace.js';
import { fen } from './decimal-input.js';
import { art, requireInForce } from './measure.js';

export const RESALE_FLOOR_ID = 'housing.resale-floor';
export const RESALE_FLOOR_PARAMS = ['housing.measure.in_force'];

/** Amounts in fen. */
export const resaleFloorInput = z.object({ buybackPrice: fen, renovationCost: fen });
export type ResaleFloorInput = z.infer<typeof resaleFloorInput>;
export type ResaleFloorValue = { minimum: number };

/** The lowest price at which a bought-back unit may be offered again, on `asOf`. */
export function resaleFloor(input: ResaleFloorInput, asOf: string): RuleResult<ResaleFloorValue> {
  const t = new Tracer(RESALE_FLOOR_ID, asOf);
  requireInForce(t);
  const minimum = sumFen([input.buybackPrice, input.renovationCost]);
  t.step('第三十条', 'minimum = buybackPrice + renovationCost', minimum);
  return { value: { minimum }, trace: t.steps, citations: [art(30)] };
}

/** The registry entry (`quancheng rules eval housing.resale-floor`). */
export const resaleFloorRule = {
  id: RESALE_FLOOR_ID,
  title: '再次配售最低价格（第三十条） / the lowest resale price of a bought-back unit',
  citations: [art(30)],
  input: resaleFloorInput,
  params: RESALE_FLOOR_PARAMS,
  evaluate: resaleFloor,
};
