import { describe, expect, it } from 'vitest';
import { runClosedLoop } from './closed-loop.js';

describe('closed-loop load driver', () => {
  it('every client runs until the end, errors are counted by code, window hooks run once each, parts are summarised', async () => {
    const calls: string[] = [];
    const seen = new Set<number>();
    const r = await runClosedLoop({
      clients: 3, seconds: 0.5, warmupSeconds: 0.05,
      setup: async (i) => ({ client: i }),
      atWindowStart: () => { calls.push('start'); },
      atWindowEnd: () => { calls.push('end'); },
      op: async (_s, seq) => {
        seen.add(seq);
        await new Promise((res) => setImmediate(res));
        if (seq % 3 === 0) throw Object.assign(new Error('boom'), { code: 'BOOM' });
        return { part: 1 };
      },
    }, 100);
    expect(calls).toEqual(['start', 'end']);
    // Not Math.min(...seen): a fast machine runs more operations than a spread can pass as arguments.
    let min = Infinity;
    let max = -Infinity;
    for (const n of seen) { if (n < min) min = n; if (n > max) max = n; }
    expect(min).toBe(100);
    expect(seen.size).toBe(max - 99); // sequence numbers are unique and dense
    expect(Object.keys(r.errors)).toEqual(['BOOM']);
    expect(r.ok).toBe(r.latency.count);
    // How many operations fall inside the window depends on the machine's load (a stalled event
    // loop can leave none): assert what holds whatever the timing.
    expect(r.parts.part?.count ?? 0).toBe(r.ok);
    if (r.ok > 0) expect(r.parts.part?.p50Ms).toBe(1);
  });
});
