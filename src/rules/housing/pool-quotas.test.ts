import { describe, expect, it } from 'vitest';
import { param } from '../../params/load.js';
import { PoolPlanError, eligibleLabels, poolQuotas } from './pool-quotas.js';

const plan = [
  { label: 'PRIO', share: '0.30', eligibility: 'priority' as const },
  { label: 'GEN', quota: 'all' as const, eligibility: 'all' as const },
];

describe('第六条 priority pool quotas fixed at freeze', () => {
  it('a 30% priority pool of 10 homes takes 3 ranks; 0.30 × 8 = 2.4 takes 2 (rounded down)', () => {
    expect(poolQuotas(plan, 10, 'down').pools.map((p) => p.quota)).toEqual([3, 'all']);
    expect(poolQuotas(plan, 8, 'down').pools.map((p) => p.quota)).toEqual([2, 'all']);
  });

  it('the bureau may round otherwise: 0.30 × 8 = 2.4 is 3 rounded up, 0.30 × 5 = 1.5 is 2 half-up', () => {
    expect(poolQuotas(plan, 8, 'up').pools[0].quota).toBe(3);
    expect(poolQuotas(plan, 5, 'half_up').pools[0].quota).toBe(2);
  });

  it('the parameter in force says round down', () => {
    expect(param('housing.lottery.pool_quota_rounding', '2026-03-11').value).toBe('down');
  });

  it('a pool whose quota rounds to 0 is left out and its families compete in the general pool', () => {
    const q = poolQuotas(plan, 3, 'down');
    expect(q.pools).toEqual([{ label: 'GEN', quota: 'all', eligibility: 'all' }]);
    expect(q.skipped[0].label).toBe('PRIO');
    expect(eligibleLabels(q.pools, true)).toEqual(['GEN']);
  });

  it('a fixed quota is kept; the last pool always ranks everyone left', () => {
    const q = poolQuotas([{ label: 'A', quota: 5, eligibility: 'priority' }, { label: 'G', share: '0.70', eligibility: 'all' }], 10, 'down');
    expect(q.pools.map((p) => [p.label, p.quota])).toEqual([['A', 5], ['G', 'all']]);
  });

  it('priority families may enter every pool, others only the pools open to all', () => {
    const q = poolQuotas(plan, 10, 'down');
    expect(eligibleLabels(q.pools, true)).toEqual(['PRIO', 'GEN']);
    expect(eligibleLabels(q.pools, false)).toEqual(['GEN']);
  });

  it('a plan whose last pool is for priority families only is refused, naming the pool', () => {
    expect(() => poolQuotas([{ label: 'PRIO', quota: 'all', eligibility: 'priority' }], 10, 'down')).toThrow(PoolPlanError);
    expect(() => poolQuotas([{ label: 'X', eligibility: 'priority' }, plan[1]], 10, 'down')).toThrow(/X has neither/);
  });
});
