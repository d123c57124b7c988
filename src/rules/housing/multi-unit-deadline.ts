/**
 * Rule housing.multi-unit-deadline: 济政发〔2025〕3号 第二十二条. A family that comes to hold more than one
 * unit (inheritance, a change of marriage) keeps one and "应在相关情形发生变化之日起60日内按规定申请退出其中1套".
 *
 * Interpretations: the day of the change is not counted (《民法典》第二百零一条: 开始的当日不计入), so the
 * deadline is changeOn + 60 days and an application on that day is in time. 《民法典》第二百零三条 (a last
 * day on a public holiday moves to the day after it) is not applied until the bureau publishes a
 * working-day calendar: parameter housing.closed-loop.multi_unit_extend_past_rest_days is false, and a
 * true value is refused rather than guessed.
 */
import { z } from 'zod';
import { addDays, isoDate } from '../core/dates.js';
import { RuleInputError } from '../core/errors.js';
import { type RuleResult, Tracer } from '../core/trace.js';
import { art, requireInForce } from './measure.js';

export const MULTI_UNIT_DEADLINE_ID = 'housing.multi-unit-deadline';
export const MULTI_UNIT_DEADLINE_PARAMS = [
  'housing.measure.in_force',
  'housing.closed-loop.multi_unit_exit_days',
  'housing.closed-loop.multi_unit_extend_past_rest_days',
];

/** `changeOn`: the day of the change (the inheritance or the division registered). */
export const multiUnitDeadlineInput = z.object({ changeOn: isoDate });
export type MultiUnitDeadlineInput = z.infer<typeof multiUnitDeadlineInput>;
export type MultiUnitDeadlineValue = { deadline: string; periodDays: number };

/**
 * The last day to apply to exit the extra unit.
 * @throws RuleInputError for a change after asOf; Error when the rest-day extension is switched on
 *   (no calendar to apply it with).
 */
export function multiUnitDeadline(input: MultiUnitDeadlineInput, asOf: string): RuleResult<MultiUnitDeadlineValue> {
  const t = new Tracer(MULTI_UNIT_DEADLINE_ID, asOf);
  requireInForce(t);
  if (input.changeOn > asOf) {
    throw new RuleInputError('changeOn', `情形变化日期不能晚于评估日期 ${asOf}`, `cannot be after the evaluation date ${asOf}`);
  }
  const days = t.param<number>('housing.closed-loop.multi_unit_exit_days');
  const extend = t.param<boolean>('housing.closed-loop.multi_unit_extend_past_rest_days');
  if (extend.value) throw new Error(`${extend.name} (version ${extend.version}) is on, but no working-day calendar is published to apply it`);
  const deadline = addDays(input.changeOn, days.value);
  t.step('第二十二条', `deadline = changeOn + ${days.value} days (the day of the change not counted)`, deadline, undefined, [days]);
  t.step('第二十二条', 'last day not moved past rest days (no published calendar)', deadline, undefined, [extend]);
  return { value: { deadline, periodDays: days.value }, trace: t.steps, citations: [art(22)] };
}

/** The registry entry (`quancheng rules eval housing.multi-unit-deadline`). */
export const multiUnitDeadlineRule = {
  id: MULTI_UNIT_DEADLINE_ID,
  title: '多套住房申请退出期限（第二十二条） / deadline to apply to exit an extra unit',
  citations: [art(22)],
  input: multiUnitDeadlineInput,
  params: MULTI_UNIT_DEADLINE_PARAMS,
  evaluate: multiUnitDeadline,
};
