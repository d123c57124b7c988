import { describe, expect, it } from 'vitest';
import { normalizeApplication, normalizeVerdict } from './normalize';

describe('API answers as the UI reads them', () => {
  it('reads a review-queue item: verdict gives category and priority; kind "change" is a pending change (第九条)', () => {
    const a = normalizeApplication({
      id: 'a1', regCode: 'JN2026000001', status: 'admitted', kind: 'change',
      verdict: { eligible: true, category: 'wage_family', priority: ['elderly_member'], reasons: [], trace: [], overrides: [{ field: 'incomeStatus', declared: 'low_middle', checked: 'none', department: 'civil_affairs' }] },
    });
    expect(a.pendingChange).toBe(true);
    expect(a.category).toBe('wage_family');
    expect(a.priority).toEqual(['elderly_member']);
    expect(a.overrides).toHaveLength(1);
  });
  it('accepts a rule result wrapped as {value, trace}', () => {
    const v = normalizeVerdict({ value: { eligible: false, category: null, priority: [], reasons: [{ code: 'x', article: '第五条', passed: false }] }, trace: [{ test: 't' }] });
    expect(v?.eligible).toBe(false);
    expect(v?.trace).toHaveLength(1);
  });
  it('accepts snake_case summaries', () => {
    const a = normalizeApplication({ id: 'b', reg_code: 'R', status: 'submitted', masked_applicant_name: '张*华', confirm_deadline: '2027-04-03' });
    expect(a.regCode).toBe('R');
    expect(a.maskedName).toBe('张*华');
    expect(a.confirmDeadline).toBe('2027-04-03');
  });
});
