/**
 * The measured half of the re-check benchmark, run in its own process: open the loaded
 * database, reset the peak-RSS mark, run the real job, report.
 */
import { writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { fixedClock } from '../../src/commands/context.js';
import { openDb } from '../../src/db/client.js';
import { idRanges, recheckHoldings, type RecheckResult } from '../../src/jobs/index.js';
import { benchCrypto } from './bench-keys.js';
import { peakRssMiB, rssMiB, rssSampler } from './machine.js';
import { RuleBasedPropertyRecords } from './property-records.js';
import { backendCpuDelta, pgBackendsCpu, processCpuMs } from './cpu.js';

/** What the run phase prints. */
export interface RunPhaseOutput {
  result: RecheckResult;
  /** Epoch ms around the job (several partitions run at once: the run spans first start to last end). */
  startedAt: number;
  endedAt: number;
  wallSeconds: number;
  familiesPerSecond: number;
  rssBeforeMiB: number;
  /** VmHWM after the job (reset just before it): the job's peak, on top of the process's base. */
  peakRssMiB: number;
  peakRssSampledMiB: number;
  peakHeapUsedMiB: number;
  cpuSecondsNode: number;
  /** CPU of the PostgreSQL backends serving the job (null on PGlite, which runs inside the process). */
  cpuSecondsPostgres: number | null;
  batches: number;
  /** V8's heap limit in the job process (--max-old-space-size). */
  maxOldSpaceMiB: number;
  rssTimeline: Array<{ checked: number; rssMiB: number }>;
}

/** Run recheckHoldings on the database at `url` (PostgreSQL) or `dir` (PGlite). */
export async function runRecheckPhase(o: { url?: string; dir?: string; permille: number; today: string; jobBatch?: number; partition?: { index: number; of: number } }): Promise<RunPhaseOutput> {
  const h = await openDb(o.url ? { url: o.url } : { dataDir: o.dir! });
  const clock = fixedClock(o.today);
  const deps = { db: h.db, clock, crypto: benchCrypto(), dataChecks: new RuleBasedPropertyRecords(o.permille, () => clock.now()) };
  global.gc?.();
  const rssBeforeMiB = rssMiB();
  try {
    // Linux: writing 5 to clear_refs resets VmHWM to the current RSS.
    writeFileSync('/proc/self/clear_refs', '5');
  } catch { /* the sampler still sees the peak */ }
  const sampler = rssSampler(100);
  let peakHeap = 0;
  let batches = 0;
  // RSS as the job goes: a streamed job levels off instead of rising with the families checked.
  const timeline: Array<{ checked: number; rssMiB: number }> = [];
  const cpu0 = processCpuMs();
  const startedAt = Date.now();
  const t0 = performance.now();
  const result = await recheckHoldings({
    ...deps,
    log: (line) => {
      batches++;
      peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
      if (batches % 50 === 0) timeline.push({ checked: Number(line.checked), rssMiB: rssMiB() });
      if (batches % 20 === 0) process.stderr.write(`\rrecheck: ${String(line.checked)} checked, ${String(line.removed)} removed, ${((performance.now() - t0) / 1000).toFixed(1)} s   `);
    },
  }, { ...(o.jobBatch ? { batchSize: o.jobBatch } : {}), ...(o.partition ? { range: idRanges(o.partition.of)[o.partition.index] } : {}) });
  const endedAt = Date.now();
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpuSecondsNode = (processCpuMs() - cpu0) / 1000;
  // The pool's backends were all opened by the job (a few ms of start-up each).
  const cpuSecondsPostgres = h.kind === 'postgres' ? backendCpuDelta(new Map(), await pgBackendsCpu(h)) / 1000 : null;
  const sampled = sampler.stop();
  process.stderr.write('\n');
  const out: RunPhaseOutput = {
    result, startedAt, endedAt, wallSeconds: Math.round(wallSeconds * 100) / 100, familiesPerSecond: Math.round(result.checked / wallSeconds),
    rssBeforeMiB, peakRssMiB: peakRssMiB(), peakRssSampledMiB: sampled.peakMiB, peakHeapUsedMiB: Math.round(peakHeap / 1048576),
    cpuSecondsNode: Math.round(cpuSecondsNode * 10) / 10,
    cpuSecondsPostgres: cpuSecondsPostgres === null ? null : Math.round(cpuSecondsPostgres * 10) / 10, batches,
    maxOldSpaceMiB: Math.round(getHeapStatistics().heap_size_limit / 1048576), rssTimeline: timeline,
  };
  await h.close();
  return out;
}
