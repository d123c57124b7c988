/**
 * Builders for test families: real-shaped ID numbers computed with GB 11643 for Jinan
 * division codes, and a base family that passes every condition as a wage family.
 * Used by tests and by the worked examples in docs/rules/.
 */
import { idCheckCode } from '../../core/id-number.js';
import type { EligibilityInput, Member } from './input.js';

/** A valid ID number: division code, birth date, 3-digit sequence (odd = male). */
export function idNumber(birthDate: string, seq = '123', division = '370102'): string {
  const body = `${division}${birthDate.replaceAll('-', '')}${seq}`;
  return body + idCheckCode(body);
}

/** A member with Jinan urban hukou and no qualifications; override what the case needs. */
export function member(relation: Member['relation'], birthDate: string, over: Partial<Member> = {}, seq = '123'): Member {
  return {
    idNumber: idNumber(birthDate, seq),
    relation,
    hukou: { type: 'urban', city: '370102' },
    maritalStatus: relation === 'child' ? 'single' : 'married',
    educationLevel: 'secondary',
    skillLevel: 'none',
    talentLevel: 'none',
    ...over,
  };
}

/** A married couple with one child, renting, 12 months of social insurance in Jinan. */
export function family(over: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    members: [
      member('applicant', '1990-03-15', {}, '011'),
      member('spouse', '1991-07-02', {}, '022'),
      member('child', '2018-09-01', {}, '031'),
    ],
    employment: { socialInsuranceMonths: 12, retired: false },
    incomeStatus: 'none',
    housing: { ownedUnits: 0, ownedArea: 0 },
    declarations: { formerPolicyHousing: false, publicRental: false, rentalSubsidy: false, talentPurchaseSubsidy: false },
    ...over,
  };
}
