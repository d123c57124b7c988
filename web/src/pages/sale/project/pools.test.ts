import { describe, expect, it } from 'vitest';
import { DEFAULT_POOLS, poolProblems, poolsFromApi, poolsToApi, poolText } from './pools';

describe('sale plan pools (第六条 优先, QLOT-1 section 1)', () => {
  it('the default plan is a 30% priority pool then the general pool, sent as a fraction and "all"', () => {
    expect(poolProblems(DEFAULT_POOLS)).toEqual([]);
    expect(poolsToApi(DEFAULT_POOLS)).toEqual([
      { label: 'PRIO', share: '0.30', eligibility: 'priority' },
      { label: 'GEN', quota: 'all', eligibility: 'all' },
    ]);
  });
  it('a fixed quota of 12 units is sent as the number 12', () => {
    expect(poolsToApi([{ label: 'OLD', kind: 'quota', value: '12', eligibility: 'priority' }, { label: 'GEN', kind: 'all', eligibility: 'all' }])[0])
      .toEqual({ label: 'OLD', quota: 12, eligibility: 'priority' });
  });
  it('refuses a Chinese label (it goes into entrants.tsv), a duplicate label, and a priority-only last pool', () => {
    const p = poolProblems([
      { label: '优先', kind: 'share', value: '30', eligibility: 'priority' },
      { label: 'GEN', kind: 'quota', value: 5, eligibility: 'priority' },
      { label: 'GEN', kind: 'all', eligibility: 'priority' },
    ]);
    expect(p.map((x) => x.index)).toEqual([0, 2, 2]);
    expect(p[2]!.message).toContain('普通池');
  });
  it('refuses shares above 100% in total, a 0% share, a fractional quota and "all" before the last pool', () => {
    expect(poolProblems([
      { label: 'A', kind: 'share', value: '60', eligibility: 'priority' },
      { label: 'B', kind: 'share', value: '50', eligibility: 'priority' },
      { label: 'GEN', kind: 'all', eligibility: 'all' },
    ]).map((x) => x.index)).toEqual([-1]);
    expect(poolProblems([{ label: 'A', kind: 'share', value: '0', eligibility: 'priority' }, { label: 'GEN', kind: 'all', eligibility: 'all' }])).toHaveLength(1);
    expect(poolProblems([{ label: 'A', kind: 'quota', value: '2.5', eligibility: 'priority' }, { label: 'GEN', kind: 'all', eligibility: 'all' }])).toHaveLength(1);
    expect(poolProblems([{ label: 'A', kind: 'all', eligibility: 'priority' }, { label: 'GEN', kind: 'all', eligibility: 'all' }])).toHaveLength(1);
  });
  it('describes a stored pool in words', () => {
    expect(poolText({ label: 'PRIO', share: '0.300000', eligibility: 'priority' })).toBe('PRIO · 30% · 优先家庭');
    expect(poolText({ label: 'GEN', quota: 'all', eligibility: 'all' })).toBe('GEN · 其余全部 · 全部登记家庭');
  });
  it('a stored plan read back into the editor sends the same pools again (revising a rejected plan)', () => {
    const stored = [{ label: 'PRIO', share: '0.125000', eligibility: 'priority' }, { label: 'OLD', quota: 4, eligibility: 'priority' }, { label: 'GEN', quota: 'all' as const, eligibility: 'all' }];
    const rows = poolsFromApi(stored);
    expect(rows[0]).toEqual({ label: 'PRIO', kind: 'share', value: '12.5', eligibility: 'priority' });
    expect(poolsToApi(rows)).toEqual([{ label: 'PRIO', share: '0.125', eligibility: 'priority' }, { label: 'OLD', quota: 4, eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }]);
  });
});
