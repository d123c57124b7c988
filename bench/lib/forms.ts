/**
 * Application forms for benchmark families: a married couple with one child, Jinan urban
 * hukou, renting, the shape of docs/CONTRACT.md "Application form". Deterministic in n.
 */
import type { ApplicationForm } from '../../src/commands/applications/form.js';
import { familyIds } from './ids.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平';
// Districts where families file (every family files where it lives).
const DISTRICTS = ['370102', '370103', '370104', '370105', '370112', '370113', '370114', '370115', '370116', '370117', '370124', '370126'];

const pick = (s: string, n: number) => s[n % s.length]!;
const name = (n: number, salt: number) => `${pick(SURNAMES, n + salt)}${pick(GIVEN, n * 7 + salt)}${pick(GIVEN, n * 13 + salt * 3)}`;

/** The form of benchmark family n. */
export function familyForm(n: number): ApplicationForm {
  const ids = familyIds(n);
  const district = DISTRICTS[n % DISTRICTS.length]!;
  const hukou = { type: 'urban' as const, city: district };
  const base = { hukou, educationLevel: 'bachelor' as const, skillLevel: 'none' as const, talentLevel: 'none' as const };
  return {
    districtCode: district,
    phone: `139${String(n % 100_000_000).padStart(8, '0')}`,
    members: [
      { name: name(n, 0), idNumber: ids.applicant, relation: 'applicant', maritalStatus: 'married', ...base },
      { name: name(n, 5), idNumber: ids.spouse, relation: 'spouse', maritalStatus: 'married', ...base },
      { name: name(n, 9), idNumber: ids.child, relation: 'child', maritalStatus: 'single', ...base, educationLevel: 'none' },
    ],
    employment: { socialInsuranceMonths: 24, retired: false, employer: '济南某有限公司' },
    incomeStatus: 'none',
    housing: { ownedUnits: 0, ownedArea: 0 },
    declarations: { formerPolicyHousing: false, publicRental: false, rentalSubsidy: false, talentPurchaseSubsidy: false },
  };
}
