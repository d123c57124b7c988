/**
 * Rule housing.exit-eligibility (济政发〔2025〕3号 第二十四、二十五条) fed with a unit's current facts.
 *
 * Reading: a problem exists when the register shows an open case of its kind (第二十、二十三条), or,
 * for the two items of 第二十五条(二), when a recorded inspection found it. An item not yet inspected
 * is not a problem for the preview; acceptance demands every item checked (accept.ts).
 */
import { exitEligibility, type ExitEligibilityValue } from '../../rules/housing/exit-eligibility.js';
import type { RuleResult } from '../../rules/core/trace.js';
import { casesFailing, type CheckItem, type RegisterFacts } from './register.js';

export type Eligibility = RuleResult<ExitEligibilityValue> & { asOf: string; source: string };
type Inspection = { item: string; ok: number; source: string; evidence: unknown };

/** The inspection's own finding (true = the problem exists); undefined when none was recorded. */
function inspected(checks: Inspection[], item: CheckItem): boolean | undefined {
  const c = checks.find((x) => x.item === item && x.source === 'inspection');
  if (!c) return undefined;
  const own = (c.evidence as { inspectionOk?: boolean }).inspectionOk;
  return own === undefined ? c.ok === 0 : !own;
}

/** Evaluates the rule on `asOf` for the title, the route, the register's facts and any inspections. */
export function evaluateEligibility(
  title: { issuedOn: string }, route: 'buyback' | 'internal_transfer', facts: RegisterFacts, asOf: string, checks: Inspection[] = [],
): Eligibility {
  const has = (item: CheckItem) => casesFailing(facts, item).length > 0;
  const r = exitEligibility({
    titleIssuedOn: title.issuedOn, route,
    extraLoansOrMortgages: has('no_extra_loans_or_mortgages'),
    leased: has('no_lease'),
    legalDispute: has('no_legal_dispute'),
    useChanged: has('use_unchanged') || inspected(checks, 'use_unchanged') === true,
    structureAltered: has('structure_unaltered') || inspected(checks, 'structure_unaltered') === true,
  }, asOf);
  return { ...r, asOf, source: facts.source.zh };
}

/** The reasons that bar an exit of this origin: staff filings (第二十二、三十一条) are not held to 第二十四条's two years. */
export function barringReasons(e: Eligibility, origin: string) {
  return e.value.reasons.filter((r) => origin === 'family' || r.code !== 'HOLDING_PERIOD');
}
