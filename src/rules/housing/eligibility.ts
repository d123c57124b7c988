/**
 * Rule housing.eligibility: may this family enter the waiting list (轮候库), in which
 * category, with which priority flags? 济政发〔2025〕3号 第五条、第六条、第十五条.
 */
import { Tracer } from '../core/trace.js';
import type { RuleResult } from '../core/trace.js';
import { adultApplicant, familyUnit, housingDifficulty, hukou, stableEmployment, talent, wageFamily } from './eligibility/category.js';
import { noTalentPurchaseSubsidy, obligations } from './eligibility/declarations.js';
import { type EligibilityInput, eligibilityInput } from './eligibility/input.js';
import { familyOf } from './eligibility/members.js';
import { type PriorityCode, priorities } from './eligibility/priority.js';
import type { Reason } from './eligibility/reason.js';
import { art, requireInForce } from './measure.js';

export { type EligibilityInput, eligibilityInput, toEligibilityInput } from './eligibility/input.js';
export type { Reason, ReasonKind } from './eligibility/reason.js';
export type { PriorityCode } from './eligibility/priority.js';

export type EligibilityCategory = 'wage_family' | 'talent';

/** The verdict. `priority` is empty unless the family is eligible. */
export type EligibilityValue = {
  eligible: boolean;
  category: EligibilityCategory | null;
  priority: PriorityCode[];
  reasons: Reason[];
};

export const ELIGIBILITY_ID = 'housing.eligibility';

/** Every parameter the rule reads (the coverage test checks each starts by the in-force date). */
export const ELIGIBILITY_PARAMS = [
  'housing.measure.in_force',
  'housing.eligibility.adult_age',
  'housing.eligibility.housing_difficulty_max_owned_units',
  'housing.eligibility.housing_difficulty_per_capita_area',
  'housing.eligibility.stable_employment_min_social_insurance_months',
  'housing.eligibility.local_hukou_division_prefix',
  'housing.eligibility.nonlocal_hukou_admitted',
  'housing.eligibility.talent_min_education_level',
  'housing.eligibility.talent_min_skill_level',
  'housing.eligibility.high_level_talent_levels',
  'housing.eligibility.priority_min_children',
  'housing.eligibility.elderly_age',
];

/**
 * Evaluates the family on `asOf`. Interpretation: a family meeting both categories is
 * placed as 城市引进人才 (the narrower one), so talent quotas in a sale plan can reach it.
 * @throws RuleInputError for an asOf before the measure or a member born after asOf.
 */
export function evaluateEligibility(input: EligibilityInput, asOf: string): RuleResult<EligibilityValue> {
  const t = new Tracer(ELIGIBILITY_ID, asOf);
  requireInForce(t);
  const f = familyOf(input, asOf);
  const emp = stableEmployment(t, input);
  const home = hukou(t, f, emp.stable);
  const wage = wageFamily(t, input, emp, home.local);
  const tal = talent(t, f, emp.stable);
  const conditions = [familyUnit(t, f), adultApplicant(t, f), home.reason, housingDifficulty(t, input, f), noTalentPurchaseSubsidy(t, input)];
  const eligible = conditions.every((r) => r.passed) && (wage.passed || tal.passed);
  const category: EligibilityCategory | null = !eligible ? null : tal.passed ? 'talent' : 'wage_family';
  t.step('第五条', 'category', category, eligible);
  const flags = priorities(t, input, f);
  const priority = eligible ? flags.filter((r) => r.passed).map((r) => r.code as PriorityCode) : [];
  return {
    value: { eligible, category, priority, reasons: [...conditions, wage, tal, ...obligations(t, input), ...flags] },
    trace: t.steps,
    citations: [art(5), art(6), art(15)],
  };
}

/** The registry entry (docs/CONTRACT.md). */
export const eligibilityRule = {
  id: ELIGIBILITY_ID,
  title: '轮候库准入资格、类别与优先（第五、六、十五条） / waiting-list eligibility, category and priority',
  citations: [art(5), art(6), art(15), art(34)],
  input: eligibilityInput,
  params: ELIGIBILITY_PARAMS,
  evaluate: evaluateEligibility,
};
