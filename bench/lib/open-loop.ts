/**
 * An open-loop load driver: operations arrive at a fixed rate whatever the platform does, and
 * each one's latency is counted from when it was due (so a stall shows in the latencies
 * instead of slowing the arrivals: no coordinated omission). At most `clients` run at once;
 * an arrival finding them all busy waits for one, and that wait is part of its latency.
 */
import { performance } from 'node:perf_hooks';
import { summarise } from './stats.js';
import type { ClosedLoopResult } from './closed-loop.js';

/** Options of `runOpenLoop`. */
export interface OpenLoopOptions<S> {
  /** Arrivals per second. */
  rate: number;
  clients: number;
  seconds: number;
  warmupSeconds: number;
  setup(client: number): Promise<S>;
  op(state: S, seq: number): Promise<Record<string, number> | void>;
  /** Called before the first measured arrival and after the last one finished. */
  atWindowStart?(): Promise<void> | void;
  atWindowEnd?(): Promise<void> | void;
}

/** Runs the load; the result has the closed loop's shape plus the offered rate. */
export async function runOpenLoop<S>(o: OpenLoopOptions<S>, firstSeq = 0): Promise<ClosedLoopResult & { offeredPerSecond: number }> {
  const idle: S[] = await Promise.all(Array.from({ length: o.clients }, (_, i) => o.setup(i)));
  const waiting: Array<(s: S) => void> = [];
  const acquire = () => new Promise<S>((res) => { const s = idle.pop(); if (s !== undefined) res(s); else waiting.push(res); });
  const release = (s: S) => { const w = waiting.shift(); if (w) w(s); else idle.push(s); };
  const latencies: number[] = [];
  const parts: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  const t0 = performance.now();
  const measureFrom = t0 + o.warmupSeconds * 1000;
  const end = measureFrom + o.seconds * 1000;
  const running: Array<Promise<void>> = [];
  let opened = false;
  for (let i = 0; ; i++) {
    const due = t0 + (i * 1000) / o.rate;
    if (due >= end) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (!opened && due >= measureFrom) { opened = true; await o.atWindowStart?.(); }
    running.push((async () => {
      const s = await acquire();
      try {
        const split = await o.op(s, firstSeq + i);
        if (due >= measureFrom) {
          latencies.push(performance.now() - due);
          for (const [k, v] of Object.entries(split ?? {})) (parts[k] ??= []).push(v);
        }
      } catch (e) {
        const code = (e as { code?: string }).code ?? (e as Error).message?.slice(0, 80) ?? 'error';
        errors[code] = (errors[code] ?? 0) + 1;
      } finally {
        release(s);
      }
    })());
  }
  await Promise.all(running);
  await o.atWindowEnd?.();
  // Throughput over the measured arrivals: they all completed (or failed), however late.
  const done = (performance.now() - measureFrom) / 1000;
  return {
    clients: o.clients, measuredSeconds: o.seconds, ok: latencies.length, errors, offeredPerSecond: o.rate,
    perSecond: Math.round((latencies.length / Math.max(o.seconds, done)) * 10) / 10,
    latency: summarise(latencies),
    parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, summarise(v)])),
  };
}
