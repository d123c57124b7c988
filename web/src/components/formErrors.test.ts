import { describe, expect, it } from 'vitest';
import { fieldPath, validValues } from './formErrors';
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

describe('validValues: a click on OK right after typing still submits', () => {
  const formOf = (answers: Array<{ ok: true; v: object } | { ok: false; e: object }>) => {
    let i = 0;
    return { validateFields: async () => { const a = answers[i++]!; if (a.ok) return a.v; throw a.e; } } as never;
  };
  it('validates again when antd answers outOfDate with no field in error', async () => {
    const form = formOf([{ ok: false, e: { outOfDate: true, errorFields: [] } }, { ok: true, v: { reason: '公开原因' } }]);
    expect(await validValues(form)).toEqual({ reason: '公开原因' });
  });
  it('gives null when a field is in error (antd shows it), without asking again', async () => {
    const form = formOf([{ ok: false, e: { outOfDate: false, errorFields: [{ name: ['reason'], errors: ['请填写原因'] }] } }, { ok: true, v: {} }]);
    expect(await validValues(form)).toBeNull();
  });
});
