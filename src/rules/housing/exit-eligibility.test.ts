import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../registry.js';
import { type ExitEligibilityInput, exitEligibility } from './exit-eligibility.js';

const clean: ExitEligibilityInput = {
  titleIssuedOn: '2024-03-15',
  route: 'buyback',
  extraLoansOrMortgages: false,
  leased: false,
  legalDispute: false,
  useChanged: false,
  structureAltered: false,
};
const verdict = (asOf: string, over: Partial<ExitEligibilityInput> = {}) => exitEligibility({ ...clean, ...over }, asOf).value;

describe('housing.exit-eligibility (第二十四、二十五条)', () => {
  it('第二十四条: a title issued 2024-03-15 has not been held two years on 2026-03-14', () => {
    expect(verdict('2026-03-14')).toEqual({ eligible: false, earliestDate: '2026-03-15', reasons: [{ code: 'HOLDING_PERIOD', article: '第二十四条' }] });
  });

  it('第二十四条: on 2026-03-15, the same date two years later, the family may exit', () => {
    const r = exitEligibility(clean, '2026-03-15');
    expect(r.value).toEqual({ eligible: true, earliestDate: '2026-03-15', reasons: [] });
    expect(r.trace[1]).toMatchObject({ article: '第二十四条', passed: true, params: { 'housing.closed-loop.exit_holding_years': { value: 2, version: '2025-03-31' } } });
    expect(r.citations.map((c) => `${c.article}${c.clause ?? ''}`)).toEqual(['第二十四条', '第二十五条(一)', '第二十五条(二)']);
  });

  it('第二十四条 with 民法典 第二百零二条: a title of 2024-02-29 is held two years on 2026-02-28, not the day before', () => {
    expect(verdict('2026-02-27', { titleIssuedOn: '2024-02-29' })).toMatchObject({ eligible: false, earliestDate: '2026-02-28' });
    expect(verdict('2026-02-28', { titleIssuedOn: '2024-02-29' })).toEqual({ eligible: true, earliestDate: '2026-02-28', reasons: [] });
  });

  it.each([
    ['extraLoansOrMortgages', 'EXTRA_LOAN_OR_MORTGAGE', '第二十五条(一)'],
    ['leased', 'LEASED', '第二十五条(一)'],
    ['legalDispute', 'LEGAL_DISPUTE', '第二十五条(一)'],
    ['useChanged', 'USE_CHANGED', '第二十五条(二)'],
    ['structureAltered', 'STRUCTURE_ALTERED', '第二十五条(二)'],
  ] as const)('第二十五条: a unit with %s set is refused with %s under %s', (flag, code, article) => {
    expect(verdict('2026-06-01', { [flag]: true })).toEqual({ eligible: false, earliestDate: '2026-03-15', reasons: [{ code, article }] });
  });

  it('第二十四、二十五条: every failing condition is reported, in the order of the articles', () => {
    const all = { extraLoansOrMortgages: true, leased: true, legalDispute: true, useChanged: true, structureAltered: true };
    expect(verdict('2025-06-01', all).reasons.map((r) => r.code)).toEqual([
      'HOLDING_PERIOD', 'EXTRA_LOAN_OR_MORTGAGE', 'LEASED', 'LEGAL_DISPUTE', 'USE_CHANGED', 'STRUCTURE_ALTERED',
    ]);
  });

  it('第二十五条 read for internal transfer too (exit_checks_apply_to_internal_transfer = true): a leased unit is not transferred', () => {
    const r = exitEligibility({ ...clean, route: 'internal_transfer', leased: true }, '2026-06-01');
    expect(r.value).toEqual({ eligible: false, earliestDate: '2026-03-15', reasons: [{ code: 'LEASED', article: '第二十五条(一)' }] });
    expect(r.trace[2]).toMatchObject({ article: '第二十五条', passed: true, params: { 'housing.closed-loop.exit_checks_apply_to_internal_transfer': { value: true } } });
  });

  it('refuses a title issued after the evaluation date, naming titleIssuedOn', () => {
    expect(() => verdict('2026-03-14', { titleIssuedOn: '2026-03-15' })).toThrow(/titleIssuedOn/);
  });

  it('refuses an unknown route through the registry, naming route', () => {
    expect(evaluateRule('housing.exit-eligibility', { ...clean, route: 'sale' }, '2026-06-01')).toMatchObject({ ok: false, problems: [{ field: 'route' }] });
  });

  it('refuses a date before the measure is in force (第三十四条)', () => {
    expect(() => verdict('2025-03-30', { titleIssuedOn: '2025-01-01' })).toThrow(/asOf/);
  });
});
