import { describe, expect, it } from 'vitest';
import { ApplicationFormSchema } from '../../src/commands/applications/form.js';
import { familyForm } from './forms.js';

describe('bench application forms', () => {
  it('every form passes the submit-time form schema (the contract shape)', () => {
    for (const n of [0, 1, 11, 12, 999, 123_456, 999_999]) {
      const r = ApplicationFormSchema.safeParse(familyForm(n));
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    }
  });

  it('two families share no member', () => {
    const a = familyForm(5).members.map((m) => m.idNumber);
    const b = familyForm(6).members.map((m) => m.idNumber);
    expect(a.filter((x) => b.includes(x))).toEqual([]);
  });
});
