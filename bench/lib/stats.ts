/** Latency recording and summaries for the benchmarks. */

/** Nearest-rank percentile (p in 0–100) of an ascending-sorted array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Summary of a set of latencies in milliseconds. */
export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Summarise latencies (ms). Values are rounded to 0.01 ms. */
export function summarise(latencies: readonly number[]): LatencySummary {
  const s = [...latencies].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    count: s.length,
    meanMs: r(s.length ? sum / s.length : Number.NaN),
    p50Ms: r(percentile(s, 50)),
    p90Ms: r(percentile(s, 90)),
    p99Ms: r(percentile(s, 99)),
    maxMs: r(s.length ? s[s.length - 1]! : Number.NaN),
  };
}
