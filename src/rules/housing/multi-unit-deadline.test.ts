import { describe, expect, it } from 'vitest';
import { multiUnitDeadline } from './multi-unit-deadline.js';

const deadline = (changeOn: string, asOf = changeOn) => multiUnitDeadline({ changeOn }, asOf).value;

describe('housing.multi-unit-deadline (第二十二条)', () => {
  it('第二十二条 with 民法典 第二百零一条: a change on 2025-12-01 is not counted; the 60th day is 2026-01-30', () => {
    const r = multiUnitDeadline({ changeOn: '2025-12-01' }, '2026-01-02');
    expect(r.value).toEqual({ deadline: '2026-01-30', periodDays: 60 });
    expect(r.trace[1]).toMatchObject({ article: '第二十二条', value: '2026-01-30', params: { 'housing.closed-loop.multi_unit_exit_days': { value: 60, version: '2025-03-31' } } });
  });

  it('第二十二条: across a leap February, 2028-01-15 + 60 days is 2028-03-15', () => {
    expect(deadline('2028-01-15')).toEqual({ deadline: '2028-03-15', periodDays: 60 });
  });

  it('第二十二条: a last day on a rest day is not moved (民法典 第二百零三条 not applied until a calendar is published): 2026-10-04 stays', () => {
    const r = multiUnitDeadline({ changeOn: '2026-08-05' }, '2026-08-05');
    expect(r.value.deadline).toBe('2026-10-04');
    expect(r.trace[2]).toMatchObject({ params: { 'housing.closed-loop.multi_unit_extend_past_rest_days': { value: false } } });
  });

  it('refuses a change after the evaluation date, naming changeOn', () => {
    expect(() => deadline('2026-01-02', '2026-01-01')).toThrow(/^changeOn:/);
  });

  it('refuses a date before the measure is in force (第三十四条)', () => {
    expect(() => deadline('2025-03-01', '2025-03-30')).toThrow(/asOf/);
  });
});
