import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../registry.js';
import { resaleFloor } from './resale-floor.js';

describe('housing.resale-floor (第三十条)', () => {
  it('第三十条: the resale price must cover the buyback price and the renovation: 995,000.00 + 38,500.50 = 1,033,500.50', () => {
    const r = resaleFloor({ buybackPrice: 99_500_000, renovationCost: 3_850_050 }, '2027-06-01');
    expect(r.value).toEqual({ minimum: 103_350_050 });
    expect(r.citations.map((c) => c.article)).toEqual(['第三十条']);
  });

  it('第三十条: without renovation the floor is the buyback price', () => {
    expect(resaleFloor({ buybackPrice: 99_500_000, renovationCost: 0 }, '2027-06-01').value).toEqual({ minimum: 99_500_000 });
  });

  it('refuses a negative or fractional cost through the registry, naming renovationCost', () => {
    expect(evaluateRule('housing.resale-floor', { buybackPrice: 1, renovationCost: -1 }, '2027-06-01')).toMatchObject({ ok: false, problems: [{ field: 'renovationCost' }] });
    expect(evaluateRule('housing.resale-floor', { buybackPrice: 1, renovationCost: 0.5 }, '2027-06-01')).toMatchObject({ ok: false, problems: [{ field: 'renovationCost' }] });
  });

  it('refuses a date before the measure is in force (第三十四条)', () => {
    expect(() => resaleFloor({ buybackPrice: 1, renovationCost: 0 }, '2025-03-30')).toThrow(/asOf/);
  });
});
