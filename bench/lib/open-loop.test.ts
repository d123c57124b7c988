import { describe, expect, it } from 'vitest';
import { runOpenLoop } from './open-loop.js';

describe('open-loop load driver', () => {
  it('runs one operation per arrival, never more than `clients` at once, and counts errors by code', async () => {
    let active = 0;
    let most = 0;
    const seqs: number[] = [];
    const r = await runOpenLoop({
      rate: 400, clients: 2, seconds: 0.1, warmupSeconds: 0,
      setup: async (i) => i,
      op: async (_s, seq) => {
        seqs.push(seq);
        active++;
        most = Math.max(most, active);
        await new Promise((res) => setTimeout(res, 2));
        active--;
        if (seq === 7) throw Object.assign(new Error('x'), { code: 'SEVEN' });
      },
    }, 5);
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 5)); // 400/s × 0.1 s
    expect(most).toBeLessThanOrEqual(2);
    expect(r.errors).toEqual({ SEVEN: 1 });
    expect(r.ok).toBe(39);
  });
});
