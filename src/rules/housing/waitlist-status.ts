/**
 * Rule housing.waitlist-status: 济政发〔2025〕3号 第八条. A family that has not completed a
 * purchase within two years of admission (or of its last confirmation) must confirm its data
 * again; unconfirmed, it loses its place.
 */
import { z } from 'zod';
import { addDays, addYears, isoDate } from '../core/dates.js';
import { RuleInputError, bilingual } from '../core/errors.js';
import { type RuleResult, Tracer } from '../core/trace.js';
import { art, requireInForce } from './measure.js';

export const WAITLIST_STATUS_ID = 'housing.waitlist-status';

export const waitlistStatusInput = z
  .object({
    admittedOn: isoDate,
    lastConfirmedOn: isoDate.nullable(),
    purchased: z.boolean(),
  })
  .refine((v) => v.lastConfirmedOn === null || v.lastConfirmedOn >= v.admittedOn, {
    path: ['lastConfirmedOn'],
    ...bilingual('最近确认日期不能早于入库日期', 'cannot be before admittedOn'),
  });
export type WaitlistStatusInput = z.infer<typeof waitlistStatusInput>;

export type WaitlistStatus = 'active' | 'must_confirm' | 'lapsed';

/** `deadline` and `remindFrom` are null once the family has purchased. */
export type WaitlistStatusValue = {
  status: WaitlistStatus;
  deadline: string | null;
  remindFrom: string | null;
  periodStart: string | null;
};

export const WAITLIST_STATUS_PARAMS = ['housing.measure.in_force', 'housing.waitlist.reconfirm_period_years', 'housing.waitlist.reminder_lead_days'];

/**
 * Interpretations: the deadline is the anniversary of the period's start (《民法典》第二百零一、
 * 二百零二条: the period ends on the corresponding day, or the month's last day without one);
 * confirming on the deadline still counts, the next day the family has lapsed. A family that
 * has purchased (第八条 "完成认购") has nothing to confirm: status "active", no deadline.
 * @throws RuleInputError when asOf is before the measure or before the period starts.
 */
export function evaluateWaitlistStatus(input: WaitlistStatusInput, asOf: string): RuleResult<WaitlistStatusValue> {
  const t = new Tracer(WAITLIST_STATUS_ID, asOf);
  requireInForce(t);
  const citations = [art(8)];
  if (input.purchased) {
    t.step('第八条', 'purchased', true, true);
    return { value: { status: 'active', deadline: null, remindFrom: null, periodStart: null }, trace: t.steps, citations };
  }
  const start = input.lastConfirmedOn ?? input.admittedOn;
  if (asOf < start) {
    throw new RuleInputError('asOf', `评估日期早于轮候期起算日 ${start}`, `asOf is before the period starts (${start})`);
  }
  const years = t.param<number>('housing.waitlist.reconfirm_period_years');
  const lead = t.param<number>('housing.waitlist.reminder_lead_days');
  const deadline = addYears(start, years.value);
  const remindFrom = addDays(deadline, -lead.value);
  t.step('第八条', 'deadline = start + period (民法典第二百零二条)', { start, deadline }, undefined, [years]);
  t.step('第八条', 'remindFrom = deadline − lead days', remindFrom, undefined, [lead]);
  const status: WaitlistStatus = asOf > deadline ? 'lapsed' : asOf >= remindFrom ? 'must_confirm' : 'active';
  t.step('第八条', 'status on asOf', status, status !== 'lapsed');
  return { value: { status, deadline, remindFrom, periodStart: start }, trace: t.steps, citations };
}

/** The registry entry (docs/CONTRACT.md). */
export const waitlistStatusRule = {
  id: WAITLIST_STATUS_ID,
  title: '轮候资格两年确认（第八条） / two-year re-confirmation of the waiting-list place',
  citations: [art(8), art(34)],
  input: waitlistStatusInput,
  params: WAITLIST_STATUS_PARAMS,
  evaluate: evaluateWaitlistStatus,
};
