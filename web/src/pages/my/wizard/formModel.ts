import type { ApplicationForm, Member } from '../../../api/types';

/** A new member row; the first row is the applicant. */
export function newMember(index: number): Partial<Member> {
  return {
    name: '',
    idNumber: '',
    relation: index === 0 ? 'applicant' : index === 1 ? 'spouse' : 'child',
    hukou: { type: 'urban', city: '', place: '' },
    educationLevel: 'none',
    skillLevel: 'none',
    talentLevel: 'none',
  };
}

/** Initial values of a fresh application. */
export function emptyForm(): Partial<ApplicationForm> {
  return {
    districtCode: undefined,
    phone: '',
    members: [newMember(0) as Member],
    employment: { socialInsuranceMonths: 0, retired: false, employer: '' },
    incomeStatus: 'none',
    housing: { ownedUnits: 0, ownedArea: 0 },
    declarations: { formerPolicyHousing: false, publicRental: false, rentalSubsidy: false, talentPurchaseSubsidy: false },
  };
}

/** Cleans form values for the API: trims text, upper-cases ID numbers, drops empty optional text. */
export function cleanForm(v: Partial<ApplicationForm>): ApplicationForm {
  const members = (v.members ?? []).map((m) => ({
    ...m,
    name: (m.name ?? '').trim(),
    idNumber: (m.idNumber ?? '').trim().toUpperCase(),
    hukou: { type: m.hukou?.type, city: (m.hukou?.city ?? '').trim(), ...(m.hukou?.place?.trim() ? { place: m.hukou.place.trim() } : {}) },
  }));
  const employer = v.employment?.employer?.trim();
  return {
    ...v,
    phone: (v.phone ?? '').trim(),
    members,
    employment: {
      socialInsuranceMonths: Number(v.employment?.socialInsuranceMonths ?? 0),
      retired: Boolean(v.employment?.retired),
      ...(employer ? { employer } : {}),
    },
  } as ApplicationForm;
}

/**
 * The input of rule housing.eligibility projected from the form (names, phone and place
 * text are not part of it), for the preview on the last step.
 */
export function toEligibilityInput(f: ApplicationForm) {
  return {
    members: f.members.map((m) => ({
      idNumber: m.idNumber,
      relation: m.relation,
      hukou: { type: m.hukou.type, city: m.hukou.city },
      maritalStatus: m.maritalStatus,
      educationLevel: m.educationLevel,
      skillLevel: m.skillLevel,
      talentLevel: m.talentLevel,
    })),
    employment: { socialInsuranceMonths: f.employment.socialInsuranceMonths, retired: f.employment.retired },
    incomeStatus: f.incomeStatus,
    housing: f.housing,
    declarations: f.declarations,
  };
}

/** Which wizard step holds a form path (for putting a server error on the right step). */
export function stepOfPath(path: (string | number)[]): number {
  const head = path[0] === 'form' ? path[1] : path[0];
  if (head === 'members' || head === 'districtCode' || head === 'phone') return 0;
  if (head === 'employment') return 1;
  if (head === 'incomeStatus' || head === 'housing') return 2;
  if (head === 'declarations') return 3;
  return 4;
}

/** The form paths validated before leaving each step. */
export const STEP_FIELDS: (string | number)[][][] = [
  [['districtCode'], ['phone'], ['members']],
  [['employment']],
  [['incomeStatus'], ['housing']],
  [['declarations']],
  [],
];
