/**
 * Prints the README's table of figures from bench/results/*.json (one row per run and mode).
 *
 *   node --import tsx bench/table.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from './lib/results.js';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const f1 = (x: unknown) => (typeof x === 'number' ? (Math.round(x * 10) / 10).toLocaleString('en') : '–');
const f0 = (x: unknown) => (typeof x === 'number' ? Math.round(x).toLocaleString('en') : '–');
const short = (db: string) => db.replace(/ \(Debian.*\)$/, '').replace('PGlite (PostgreSQL)', 'PGlite');

/** Markdown rows for one result file. */
export function rows(file: string, j: J): string[] {
  const load = (a: unknown, b: unknown) => `${f1(a)}→${f1(b)}`;
  if (j.what?.startsWith('application intake')) {
    return Object.entries(j.runs as J).map(([mode, r]: [string, J]) => {
      const cpu = r.cpuMsPerApplication as J;
      const cpuText = Object.entries(cpu).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${f1(v)}`).join(' + ');
      const n = j.offeredPerSecond ? `${j.offeredPerSecond}/s offered, ≤${j.clients} at once` : `${j.clients} clients`;
      return `| intake ${mode} | ${short(j.database)} | ${n} | ${f1(r.perSecond)} appl/s | ${f1(r.latency.p50Ms)} ms | ${f1(r.latency.p99Ms)} ms | ${f0(r.verification?.serverPeakRssMiB ?? j.peakRssMiBLoadGenerator)} MiB${r.verification?.serverPeakRssMiB ? '' : '¹'} | ${j.seconds} s | ${cpuText} ms; ${f1(r.statementsPerApplication)} stmts | ${load(r.loadAvg1mBefore, r.loadAvg1mAfter)} | ${file} |`;
    });
  }
  if (j.what?.startsWith('re-check')) {
    const r = j.run as J;
    const rss = r.peakRssMiBPerProcess ?? r.peakRssMiB;
    const procs = r.processes && r.processes > 1 ? ` (${r.processes} processes)` : '';
    return [`| re-check${procs} | ${short(j.database)} | ${f0(j.families)} families | ${f0(r.familiesPerSecond)} families/s | – | – | ${f0(rss)} MiB | ${f1(r.wallSeconds)} s | node ${f1(r.cpuSecondsNode)} s + db ${f1(r.cpuSecondsPostgres)} s | ${load(j.loadAvg1mBefore, j.machine?.loadAvg1m)} | ${file} |`];
  }
  return [];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| what | database | N | throughput | p50 | p99 | peak RSS | wall time | CPU | load (1 min avg) | result |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const f of readdirSync(RESULTS_DIR).filter((x) => x.endsWith('.json')).sort()) {
    for (const row of rows(f, JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as J)) console.log(row);
  }
}
