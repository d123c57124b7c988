/**
 * A closed-loop load driver: `clients` workers each run `op` back to back until the time is
 * up. Operations that finish during the warm-up are not counted. Every operation's latency
 * and every error code are recorded.
 */
import { performance } from 'node:perf_hooks';
import { summarise, type LatencySummary } from './stats.js';

/** Options of `runClosedLoop`. */
export interface ClosedLoopOptions<S> {
  clients: number;
  seconds: number;
  warmupSeconds: number;
  /** Per-client state (e.g. a logged-in HTTP client). */
  setup(client: number): Promise<S>;
  /**
   * One operation; `seq` is globally unique across clients. Throw to count an error. It may
   * return the latencies of its parts (ms by name), summarised like the whole.
   */
  op(state: S, seq: number): Promise<Record<string, number> | void>;
  /** Called when the measured window opens and when it closes (e.g. CPU snapshots). */
  atWindowStart?(): Promise<void> | void;
  atWindowEnd?(): Promise<void> | void;
  /** Called about once a second with the number counted so far. */
  onTick?(done: number, elapsedS: number): void;
}

/** What a run measured. */
export interface ClosedLoopResult {
  clients: number;
  measuredSeconds: number;
  ok: number;
  errors: Record<string, number>;
  perSecond: number;
  latency: LatencySummary;
  /** Summaries of the parts the operation reported. */
  parts: Record<string, LatencySummary>;
}

/** Runs the load; `nextSeq` starts at `firstSeq` and is shared by all clients. */
export async function runClosedLoop<S>(o: ClosedLoopOptions<S>, firstSeq = 0): Promise<ClosedLoopResult> {
  const states = await Promise.all(Array.from({ length: o.clients }, (_, i) => o.setup(i)));
  let seq = firstSeq;
  const latencies: number[] = [];
  const parts: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  const t0 = performance.now();
  const measureFrom = t0 + o.warmupSeconds * 1000;
  const end = measureFrom + o.seconds * 1000;
  // Window hooks run from the clients' loop, not from timers: with an in-process database
  // (PGlite) the clients' promise chains can keep timers from running for whole seconds.
  const hooks: Array<Promise<void> | void> = [];
  let opened = false;
  let closed = false;
  const boundaries = (now: number) => {
    if (!opened && now >= measureFrom) { opened = true; hooks.push(o.atWindowStart?.()); }
    if (!closed && now >= end) { closed = true; hooks.push(o.atWindowEnd?.()); }
  };
  const tick = o.onTick && setInterval(() => o.onTick!(latencies.length, (performance.now() - measureFrom) / 1000), 1000);
  await Promise.all(states.map(async (s) => {
    for (;;) {
      const started = performance.now();
      boundaries(started);
      if (started >= end) break;
      try {
        const split = await o.op(s, seq++);
        const done = performance.now();
        if (started >= measureFrom && done <= end) {
          latencies.push(done - started);
          for (const [k, v] of Object.entries(split ?? {})) (parts[k] ??= []).push(v);
        }
      } catch (e) {
        const code = (e as { code?: string }).code ?? (e as Error).message?.slice(0, 80) ?? 'error';
        errors[code] = (errors[code] ?? 0) + 1;
      }
    }
  }));
  if (tick) clearInterval(tick);
  await Promise.all(hooks);
  const measuredSeconds = o.seconds;
  return {
    clients: o.clients, measuredSeconds, ok: latencies.length, errors,
    perSecond: Math.round((latencies.length / measuredSeconds) * 10) / 10,
    latency: summarise(latencies),
    parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, summarise(v)])),
  };
}
