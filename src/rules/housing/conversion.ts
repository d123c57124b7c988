/**
 * May a unit be converted to another type of affordable housing? 济政发〔2025〕3号 第十六条:
 * "长期未售出的保障性住房经同级政府批准后，可转作其他类型保障性住房". Pure; the command
 * (src/commands/selection/convert.ts) records the decision.
 *
 * Interpretations: "long unsold" is a period in days (parameter housing.conversion.min_unsold_days,
 * a default the bureau sets), counted from the day the unit was first offered (units.offered_on),
 * not from its last release: a unit offered a year ago, reserved and released since, has still
 * been on offer for a year. The day it was offered counts as day 0; on day N it qualifies.
 * Only a unit on offer now (status `available`) can be converted: a reserved unit has a buyer.
 */
import { z } from 'zod';
import { daysBetween, isIsoDate, isoDate } from '../core/dates.js';
import { RuleInputError } from '../core/errors.js';
import { type RuleResult, Tracer } from '../core/trace.js';
import { art, requireInForce } from './measure.js';

export const CONVERSION_ID = 'housing.conversion';
export const CONVERSION_PARAMS = ['housing.measure.in_force', 'housing.conversion.min_unsold_days'];

/** What the rule needs of the unit: its status and the day it was first offered (null: never offered). */
export const conversionInput = z.object({
  status: z.enum(['draft', 'available', 'reserved', 'sold', 'converted']),
  offeredOn: isoDate.nullable(),
});
export type ConversionInput = { status: string; offeredOn: string | null };
/** `unsoldDays` is null for a unit never offered. */
export type ConversionValue = { convertible: boolean; unsoldDays: number | null; minUnsoldDays: number; reason: 'ok' | 'not_available' | 'never_offered' | 'too_recent' };

/** Decides on `asOf` (the clock's day, Asia/Shanghai). */
export function evaluateConversion(input: ConversionInput, asOf: string): RuleResult<ConversionValue> {
  const t = new Tracer(CONVERSION_ID, asOf);
  requireInForce(t);
  const min = t.param<number>('housing.conversion.min_unsold_days');
  const citations = [art(16)];
  const done = (v: Omit<ConversionValue, 'minUnsoldDays'>) => ({ value: { ...v, minUnsoldDays: min.value }, trace: t.steps, citations });
  const available = input.status === 'available';
  t.step('第十六条', 'unit is on offer (available)', input.status, available);
  if (!available) return done({ convertible: false, unsoldDays: null, reason: 'not_available' });
  if (input.offeredOn === null) {
    t.step('第十六条', 'unit has been offered', null, false);
    return done({ convertible: false, unsoldDays: null, reason: 'never_offered' });
  }
  if (!isIsoDate(input.offeredOn)) throw new RuleInputError('offeredOn', '首次配售日期须为有效的 YYYY-MM-DD', 'offeredOn must be a calendar date YYYY-MM-DD');
  const unsoldDays = daysBetween(input.offeredOn, asOf);
  const long = unsoldDays >= min.value;
  t.step('第十六条', 'days unsold since first offered ≥ min_unsold_days', unsoldDays, long, [min]);
  return done({ convertible: long, unsoldDays, reason: long ? 'ok' : 'too_recent' });
}

/** The registry entry (`quancheng rules eval housing.conversion`). */
export const conversionRule = {
  id: CONVERSION_ID,
  title: '长期未售房源转换用途（第十六条） / may a long-unsold unit be converted to another type',
  citations: [art(16)],
  input: conversionInput,
  params: CONVERSION_PARAMS,
  evaluate: evaluateConversion,
};
