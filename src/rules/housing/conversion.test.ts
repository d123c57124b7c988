import { describe, expect, it } from 'vitest';
import { evaluateConversion } from './conversion.js';

const verdict = (asOf: string, offeredOn: string | null = '2026-03-01', status = 'available') => evaluateConversion({ status, offeredOn }, asOf);

describe('housing.conversion (第十六条, default period 365 days)', () => {
  it('第十六条: a unit first offered 2026-03-01 has been unsold 364 days on 2027-02-28 — not yet "long unsold"', () => {
    expect(verdict('2027-02-28').value).toEqual({ convertible: false, unsoldDays: 364, minUnsoldDays: 365, reason: 'too_recent' });
  });

  it('第十六条: on 2027-03-01, 365 days after it was first offered, it may be converted', () => {
    const r = verdict('2027-03-01');
    expect(r.value).toEqual({ convertible: true, unsoldDays: 365, minUnsoldDays: 365, reason: 'ok' });
    expect(r.citations.map((c) => c.article)).toEqual(['第十六条']);
    expect(r.trace.at(-1)).toMatchObject({ article: '第十六条', value: 365, passed: true, params: { 'housing.conversion.min_unsold_days': { value: 365, version: '2025-03-31' } } });
  });

  it('第十六条: a reserved unit has a buyer and is not converted, however long ago it was offered', () => {
    expect(verdict('2028-01-01', '2026-03-01', 'reserved').value).toMatchObject({ convertible: false, reason: 'not_available' });
  });

  it('第十六条: a unit never offered (no offered_on) is not "unsold"', () => {
    expect(verdict('2028-01-01', null).value).toMatchObject({ convertible: false, unsoldDays: null, reason: 'never_offered' });
  });

  it('refuses a date before the measure is in force (第三十四条)', () => {
    expect(() => verdict('2025-03-30')).toThrow(/asOf/);
  });
});
