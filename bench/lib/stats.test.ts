import { describe, expect, it } from 'vitest';
import { percentile, summarise } from './stats.js';

describe('bench latency statistics', () => {
  it('nearest-rank percentile: p50 of 1..100 is 50, p99 is 99, p100 is 100', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
  });

  it('a single value is every percentile; no values give NaN', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarise sorts its input and reports count, mean and max', () => {
    expect(summarise([3, 1, 2, 10])).toEqual({ count: 4, meanMs: 4, p50Ms: 2, p90Ms: 10, p99Ms: 10, maxMs: 10 });
  });
});
