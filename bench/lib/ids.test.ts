import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../src/rules/core/id-number.js';
import { BIRTH_WINDOWS, familyIds, idCapacity, idFor } from './ids.js';

describe('bench ID numbers (GB 11643)', () => {
  it('every generated number passes the GB 11643 checksum and birth-date checks', () => {
    for (let n = 0; n < 5_000; n += 7) {
      const { applicant, spouse, child } = familyIds(n * 131);
      for (const id of [applicant, spouse, child]) expect(parseIdNumber(id)).toMatchObject({ ok: true });
    }
  });

  it('numbers are distinct across 100,000 families and across roles', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 100_000; n++) {
      const f = familyIds(n);
      seen.add(f.applicant).add(f.spouse).add(f.child);
    }
    expect(seen.size).toBe(300_000);
  });

  it('capacity covers a million families and the range is enforced', () => {
    for (const w of Object.values(BIRTH_WINDOWS)) expect(idCapacity(w.days)).toBeGreaterThan(1_000_000);
    expect(() => idFor(-1, '1970-01-01', 10)).toThrow(RangeError);
    expect(() => idFor(idCapacity(10), '1970-01-01', 10)).toThrow(RangeError);
  });

  it('the birth date read back is inside the role window', () => {
    const r = parseIdNumber(familyIds(999_999).child);
    expect(r.ok && r.value.birthDate >= BIRTH_WINDOWS.child.from && r.value.birthDate < '2024-01-01').toBe(true);
  });
});
