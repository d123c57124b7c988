/**
 * Running the data checks and the eligibility rule for a form (submit, change, re-check).
 * The checked values override the declared ones (src/datachecks/merge.ts) and the stored
 * verdict carries both, the rule's trace and citations, and no ID number in clear.
 */
import { checkFamily, mergeChecks, type FamilyChecks, type Override } from '../../datachecks/index.js';
import { rules } from '../../rules/registry.js';
import { toEligibilityInput } from '../../rules/housing/eligibility.js';
import { maskId } from '../../rules/core/mask.js';
import type { CommandContext } from '../context.js';
import type { ApplicationForm } from './form.js';

/** Output of housing.eligibility (docs/CONTRACT.md). */
export interface EligibilityValue {
  eligible: boolean;
  category: 'wage_family' | 'talent' | null;
  priority: string[];
  reasons: Array<{ code: string; article: string; passed: boolean; message_zh: string }>;
}

/** What is stored in application_revisions.verdict. */
export interface Verdict {
  asOf: string;
  rule: 'housing.eligibility';
  value: EligibilityValue;
  trace: unknown[];
  citations: unknown[];
  /** Fields where the department records replaced the declaration. */
  overrides: Override[];
  /** The facts the rule saw for the checkable fields (after the overrides). */
  checked: { employment: unknown; incomeStatus: unknown; housing: unknown };
}

// Traces may echo inputs; ID numbers never leave the encrypted form in clear.
function scrub<T>(value: T, idNumbers: string[]): T {
  let s = JSON.stringify(value);
  for (const id of idNumbers) {
    for (const v of new Set([id, id.toUpperCase(), id.toLowerCase()])) s = s.split(v).join(maskId(id));
  }
  return JSON.parse(s) as T;
}

/** Ask the departments about the family and evaluate housing.eligibility on `ctx.clock.today()`. */
export async function evaluateFamily(ctx: CommandContext, form: ApplicationForm): Promise<{ verdict: Verdict; checks: FamilyChecks }> {
  const asOf = ctx.clock.today();
  const ids = form.members.map((m) => m.idNumber);
  const checks = await checkFamily(ctx.dataChecks, ids, asOf);
  const declared = toEligibilityInput(form);
  const { input, overrides } = mergeChecks(declared, checks);
  const result = rules['housing.eligibility'].evaluate(input, asOf);
  const verdict: Verdict = {
    asOf,
    rule: 'housing.eligibility',
    value: result.value as EligibilityValue,
    trace: result.trace,
    citations: result.citations,
    overrides,
    checked: { employment: input.employment, incomeStatus: input.incomeStatus, housing: input.housing },
  };
  return { verdict: scrub(verdict, ids), checks };
}
