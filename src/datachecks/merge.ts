/**
 * Merging department answers into what the family declared, before the eligibility rule runs
 * (submitApplication, recheck). Pure. The checked value wins wherever the two differ, and
 * every difference is listed so that the verdict records both the declared and the checked value.
 */
import type { FamilyChecks } from './types.js';

/** The part of the eligibility input the departments can confirm. */
export interface CheckableFacts {
  members: Array<{ relation: string }>;
  employment: { socialInsuranceMonths: number; retired: boolean };
  incomeStatus: 'low_middle' | 'none';
  housing: { ownedUnits: number; ownedArea: number };
}

/** One field where the department's record differs from the declaration. */
export interface Override {
  field: 'housing.ownedUnits' | 'housing.ownedArea' | 'incomeStatus' | 'employment.socialInsuranceMonths' | 'employment.retired';
  declared: unknown;
  checked: unknown;
  department: FamilyChecks[keyof FamilyChecks]['department'];
}

/**
 * Declared facts with the checked values put in. Social insurance: 第五条 asks that the family
 * be in stable employment in Jinan; we read that as the applicant's or the spouse's record,
 * whichever is longer, and "retired" when either is retired (interpretation; the bureau may
 * narrow it to the applicant).
 */
export function mergeChecks<T extends CheckableFacts>(declared: T, checks: FamilyChecks): { input: T; overrides: Override[] } {
  const overrides: Override[] = [];
  const input: T = structuredClone(declared);
  const set = <K extends Override['field']>(field: K, was: unknown, now: unknown, department: Override['department'], apply: () => void) => {
    if (was !== now) {
      overrides.push({ field, declared: was, checked: now, department });
      apply();
    }
  };
  const p = checks.property.result;
  set('housing.ownedUnits', declared.housing.ownedUnits, p.ownedUnits, 'property', () => (input.housing.ownedUnits = p.ownedUnits));
  set('housing.ownedArea', declared.housing.ownedArea, p.ownedArea, 'property', () => (input.housing.ownedArea = p.ownedArea));
  const inc = checks.civilAffairs.result.incomeStatus;
  set('incomeStatus', declared.incomeStatus, inc, 'civil_affairs', () => (input.incomeStatus = inc));

  const couple = new Set(declared.members.flatMap((m, i) => (m.relation === 'applicant' || m.relation === 'spouse' ? [i] : [])));
  const si = checks.socialInsurance.result.members.filter((m) => couple.has(m.member));
  if (si.length > 0) {
    const months = Math.max(...si.map((m) => m.months));
    const retired = si.some((m) => m.retired);
    set('employment.socialInsuranceMonths', declared.employment.socialInsuranceMonths, months, 'social_insurance',
      () => (input.employment.socialInsuranceMonths = months));
    set('employment.retired', declared.employment.retired, retired, 'social_insurance', () => (input.employment.retired = retired));
  }
  return { input, overrides };
}
