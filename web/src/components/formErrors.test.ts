import { describe, expect, it } from 'vitest';
import { fieldPath } from './formErrors';
import { stepOfPath } from '../pages/my/wizard/formModel';

describe('server errors land on the field they name', () => {
  it('turns members.1.idNumber into a form path on step 1', () => {
    expect(fieldPath('members.1.idNumber')).toEqual(['members', 1, 'idNumber']);
    expect(fieldPath('form.members[2].hukou.city')).toEqual(['form', 'members', 2, 'hukou', 'city']);
    expect(stepOfPath(fieldPath('members.1.idNumber'))).toBe(0);
  });
  it('sends employment, housing and 第十五条 declarations to their steps', () => {
    expect(stepOfPath(['employment', 'socialInsuranceMonths'])).toBe(1);
    expect(stepOfPath(['form', 'housing', 'ownedArea'])).toBe(2);
    expect(stepOfPath(['declarations', 'rentalSubsidy'])).toBe(3);
    expect(stepOfPath(['changeReason'])).toBe(4);
  });
});
