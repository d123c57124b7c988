/**
 * Rule housing.exit-eligibility: may a family exit its unit? 济政发〔2025〕3号 第二十四条 (title held two
 * full years; internal transfer or government buyback) and 第二十五条 (一)(二) (the conditions of a buyback).
 *
 * Interpretations:
 * - "取得不动产权证满2年后": the period is counted from the day the title was issued and ends on the
 *   corresponding day two years later (《民法典》第二百零二条, via addYears); the family is eligible on
 *   and after that day. A title of 29 February reaches it on 28 February of a common year
 *   (2024-02-29 → 2026-02-28), the month's last day, as 第二百零二条 says for a missing day.
 * - 第二十五条 speaks of 申请回购 only. Because 第二十条 and 第二十三条 forbid those states for every unit
 *   anyway, the same checks apply to an internal transfer while the parameter
 *   housing.closed-loop.exit_checks_apply_to_internal_transfer is true (the default).
 * - Every failing condition is reported (not only the first), so the family sees all it must cure.
 */
import { z } from 'zod';
import { addYears, isoDate } from '../core/dates.js';
import { RuleInputError } from '../core/errors.js';
import { type RuleResult, Tracer } from '../core/trace.js';
import { art, requireInForce } from './measure.js';

export const EXIT_ELIGIBILITY_ID = 'housing.exit-eligibility';
export const EXIT_ELIGIBILITY_PARAMS = [
  'housing.measure.in_force',
  'housing.closed-loop.exit_holding_years',
  'housing.closed-loop.exit_checks_apply_to_internal_transfer',
];

/** The two ways out (第二十四条). */
export const EXIT_ROUTES = ['buyback', 'internal_transfer'] as const;
export type ExitRoute = (typeof EXIT_ROUTES)[number];

/** Booleans say whether the problem exists (true = the unit is leased, …). */
export const exitEligibilityInput = z.object({
  titleIssuedOn: isoDate,
  route: z.enum(EXIT_ROUTES),
  extraLoansOrMortgages: z.boolean(),
  leased: z.boolean(),
  legalDispute: z.boolean(),
  useChanged: z.boolean(),
  structureAltered: z.boolean(),
});
export type ExitEligibilityInput = z.infer<typeof exitEligibilityInput>;

export type ExitReasonCode = 'HOLDING_PERIOD' | 'EXTRA_LOAN_OR_MORTGAGE' | 'LEASED' | 'LEGAL_DISPUTE' | 'USE_CHANGED' | 'STRUCTURE_ALTERED';
/** `article` as printed with its clause, e.g. "第二十五条(一)". */
export type ExitReason = { code: ExitReasonCode; article: string };
export type ExitEligibilityValue = { eligible: boolean; earliestDate: string; reasons: ExitReason[] };

/** The 第二十五条 conditions, in the order of the article, with the input flag that breaks each. */
const CHECKS: { code: ExitReasonCode; flag: keyof ExitEligibilityInput; article: string; test: string }[] = [
  { code: 'EXTRA_LOAN_OR_MORTGAGE', flag: 'extraLoansOrMortgages', article: '第二十五条(一)', test: 'no loan or mortgage besides the purchase loan' },
  { code: 'LEASED', flag: 'leased', article: '第二十五条(一)', test: 'no lease' },
  { code: 'LEGAL_DISPUTE', flag: 'legalDispute', article: '第二十五条(一)', test: 'no legal dispute' },
  { code: 'USE_CHANGED', flag: 'useChanged', article: '第二十五条(二)', test: 'residential use unchanged' },
  { code: 'STRUCTURE_ALTERED', flag: 'structureAltered', article: '第二十五条(二)', test: 'structure not altered' },
];

/**
 * Decides on `asOf` (the clock's day, Asia/Shanghai) whether the unit may leave by `route`.
 * @throws RuleInputError when asOf is before the measure or the title is issued after asOf.
 */
export function exitEligibility(input: ExitEligibilityInput, asOf: string): RuleResult<ExitEligibilityValue> {
  const t = new Tracer(EXIT_ELIGIBILITY_ID, asOf);
  requireInForce(t);
  if (input.titleIssuedOn > asOf) {
    throw new RuleInputError('titleIssuedOn', `不动产权证登记日期不能晚于评估日期 ${asOf}`, `cannot be after the evaluation date ${asOf}`);
  }
  const years = t.param<number>('housing.closed-loop.exit_holding_years');
  const earliestDate = addYears(input.titleIssuedOn, years.value);
  const reasons: ExitReason[] = [];
  const held = asOf >= earliestDate;
  t.step('第二十四条', `asOf ≥ titleIssuedOn + ${years.value} years (${earliestDate})`, asOf, held, [years]);
  if (!held) reasons.push({ code: 'HOLDING_PERIOD', article: '第二十四条' });

  const applies = t.param<boolean>('housing.closed-loop.exit_checks_apply_to_internal_transfer');
  const checked = input.route === 'buyback' || applies.value;
  t.step('第二十五条', `conditions apply to route ${input.route}`, input.route, checked, input.route === 'buyback' ? [] : [applies]);
  if (checked) {
    for (const c of CHECKS) {
      const ok = !input[c.flag];
      t.step(c.article, c.test, input[c.flag], ok);
      if (!ok) reasons.push({ code: c.code, article: c.article });
    }
  }
  const citations = [art(24), art(25, '(一)'), art(25, '(二)')];
  return { value: { eligible: reasons.length === 0, earliestDate, reasons }, trace: t.steps, citations };
}

/** The registry entry (`quancheng rules eval housing.exit-eligibility`). */
export const exitEligibilityRule = {
  id: EXIT_ELIGIBILITY_ID,
  title: '退出条件（第二十四、二十五条） / may the family exit by internal transfer or buyback',
  citations: [art(24), art(25)],
  input: exitEligibilityInput,
  params: EXIT_ELIGIBILITY_PARAMS,
  evaluate: exitEligibility,
};
