import { describe, expect, it } from 'vitest';
import type { ApplicationForm } from '../../../api/types';
import { cleanForm, emptyForm, toEligibilityInput } from './formModel';

const form = {
  ...emptyForm(),
  districtCode: '370102',
  phone: ' 13905310001 ',
  members: [{
    name: ' 张明华 ', idNumber: '11010519491231002x', relation: 'applicant',
    hukou: { type: 'urban', city: '370102', place: '  ' }, maritalStatus: 'married',
    educationLevel: 'bachelor', skillLevel: 'none', talentLevel: 'none',
  }],
} as ApplicationForm;

describe('application form sent to the API', () => {
  it('trims text, upper-cases the ID check character and drops empty optional text', () => {
    const c = cleanForm(form);
    expect(c.phone).toBe('13905310001');
    expect(c.members[0].name).toBe('张明华');
    expect(c.members[0].idNumber).toBe('11010519491231002X');
    expect(c.members[0].hukou).toEqual({ type: 'urban', city: '370102' });
    expect(c.employment).toEqual({ socialInsuranceMonths: 0, retired: false });
  });
  it('projects the input of housing.eligibility without names, phone or place (第五、六、十五条)', () => {
    const input = toEligibilityInput(cleanForm(form));
    expect(Object.keys(input).sort()).toEqual(['declarations', 'employment', 'housing', 'incomeStatus', 'members']);
    expect(input.members[0]).not.toHaveProperty('name');
    expect(JSON.stringify(input)).not.toContain('13905310001');
  });
});
