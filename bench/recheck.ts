/**
 * Re-check benchmark (济政发〔2025〕3号 第九条): bulk-load N admitted families, then run the real
 * recheckHoldings job against the simulated property department in a fresh child process,
 * and report wall time, families per second and the child's peak RSS (VmHWM), which must not
 * grow with N. The child is separate so that the load's memory does not hide the job's.
 * The load is kept (database qc_bench_recheck_<N> / a PGlite directory in the temp folder)
 * and every run works on a fresh copy of it; `--reload` loads again.
 *
 *   node --import tsx bench/recheck.ts --db pg --families 1000000
 *   node --import tsx bench/recheck.ts --db pglite --families 100000
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { fixedClock } from '../src/commands/context.js';
import { hashPassword } from '../src/commands/accounts/password.js';
import { evaluateFamily } from '../src/commands/applications/verdict.js';
import { SimulatedProvider } from '../src/datachecks/simulated.js';
import { verifyAuditChain } from '../src/audit/index.js';
import { benchCrypto } from './lib/bench-keys.js';
import { openDb } from '../src/db/client.js';
import { DEFAULT_PG_URL, databaseUrl, dropDatabase, onServer, openBenchDb, type BenchDbKind } from './lib/db.js';
import { familyIds } from './lib/ids.js';
import { familyForm } from './lib/forms.js';
import { LOADER_VERSION, loadFamilies } from './lib/load-families.js';
import { machineInfo } from './lib/machine.js';
import { ownsNewHome } from './lib/property-records.js';
import { writeResult } from './lib/results.js';
import { runRecheckPhase, type RunPhaseOutput } from './lib/recheck-run.js';

const program = new Command()
  .option('--db <kind>', 'pg | pglite', 'pg')
  .option('--families <n>', 'admitted families to load', '100000')
  .option('--changed-permille <n>', 'people (‰) who registered a home since admission', '3')
  .option('--job-batch <n>', "the job's keyset batch size (default: the job's own)")
  .option('--partitions <k>', 'run the job as k processes over idRanges(k), at once', '1')
  .option('--partition <i>', 'run phase: which of the k ranges')
  .option('--load-batch <n>', 'families per load transaction', '5000')
  .option('--today <date>', 'the job clock', '2025-06-02')
  .option('--name <name>', 'result file name (default recheck-<db>-<families>)')
  .option('--no-write', 'do not write bench/results')
  .option('--reload', 'load again even when an identical load is kept')
  .option('--max-heap <mib>', 'V8 heap limit of the measured job process (shows the job fits in it)', '160')
  // Internal: the measured child.
  .option('--phase <phase>', 'load+run (default) | run', 'all')
  .option('--url <url>', 'run phase: PostgreSQL database URL')
  .option('--dir <dir>', 'run phase: PGlite data directory')
  .parse();
const o = program.opts<{
  db: BenchDbKind; families: string; changedPermille: string; jobBatch?: string; partitions: string; partition?: string; loadBatch: string; today: string;
  name?: string; write: boolean; reload?: boolean; maxHeap: string; phase: string; url?: string; dir?: string;
}>();
const permille = Number(o.changedPermille);

if (o.phase === 'run') {
  const out = await runRecheckPhase({
    url: o.url, dir: o.dir, permille, today: o.today,
    jobBatch: o.jobBatch ? Number(o.jobBatch) : undefined,
    partition: o.partition !== undefined ? { index: Number(o.partition), of: Number(o.partitions) } : undefined,
  });
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

const N = Number(o.families);
const crypto = benchCrypto();

// The loaded families are kept (a PostgreSQL database, a PGlite directory) and each run works
// on a copy, so the job can be measured again without loading again. The tag names what was
// loaded: a new migration or loader makes a stale copy load afresh.
const journal = JSON.parse(readFileSync(fileURLToPath(new URL('../src/db/migrations/meta/_journal.json', import.meta.url)), 'utf8')) as { entries: Array<{ tag: string }> };
const TAG = `qc-bench loaded ${N} families; loader ${LOADER_VERSION}; schema ${journal.entries.at(-1)!.tag}`;
const loadedName = `qc_bench_recheck_${N}`;
const runName = 'qc_bench_recheck_run';
const loadedDir = join(tmpdir(), `qc-bench-recheck-pglite-${N}`);
const runDir = join(tmpdir(), 'qc-bench-recheck-pglite-run');

async function loadedTag(): Promise<string | null> {
  if (o.db === 'pglite') return existsSync(join(loadedDir, '.bench-loaded')) ? readFileSync(join(loadedDir, '.bench-loaded'), 'utf8') : null;
  const rows = await onServer((c) => c.query<{ d: string }>(
    'select shobj_description(oid, \'pg_database\') as d from pg_database where datname = $1', [loadedName]));
  return rows.rows[0]?.d ?? null;
}

/** Load N families unless an identical load is kept; returns load figures (null when reused). */
async function ensureLoaded(): Promise<{ seconds: number; familiesPerSecond: number } | null> {
  if (!o.reload && (await loadedTag()) === TAG) {
    console.error(`reusing ${o.db === 'pg' ? `database ${loadedName}` : loadedDir} (${TAG})`);
    return null;
  }
  if (o.db === 'pglite') rmSync(loadedDir, { recursive: true, force: true });
  const handle = await openBenchDb({ kind: o.db, name: loadedName, pgliteDir: o.db === 'pglite' ? loadedDir : undefined, keep: true });
  // A real verdict (trace and all) of a benchmark family, stored with every revision.
  const { verdict } = await evaluateFamily({ clock: fixedClock('2025-05-01'), dataChecks: new SimulatedProvider(), crypto } as never, familyForm(0));
  const bar = new cliProgress.SingleBar({ format: 'load   [{bar}] {percentage}% | {value}/{total} families | {eta_formatted} left | {rate}/s', hideCursor: true, noTTYOutput: true, notTTYSchedule: 10_000 }, cliProgress.Presets.shades_classic);
  const t0 = performance.now();
  bar.start(N, 0, { rate: 0 });
  await loadFamilies(handle, crypto, {
    n: N, batch: Number(o.loadBatch), verdict, passwordHash: await hashPassword('bench-password-1'),
    onProgress: (done) => bar.update(done, { rate: Math.round(done / ((performance.now() - t0) / 1000)) }),
  });
  bar.stop();
  const seconds = (performance.now() - t0) / 1000;
  await handle.sql(o.db === 'pg' ? 'vacuum analyze' : 'analyze');
  if (o.db === 'pg') await handle.sql(`comment on database ${loadedName} is '${TAG.replaceAll("'", "''")}'`);
  await handle.close();
  if (o.db === 'pglite') writeFileSync(join(loadedDir, '.bench-loaded'), TAG);
  console.error(`loaded ${N} families in ${seconds.toFixed(1)} s (${Math.round(N / seconds)}/s)`);
  return { seconds: Math.round(seconds * 10) / 10, familiesPerSecond: Math.round(N / seconds) };
}

const load = await ensureLoaded();
// A fresh copy of the loaded families for this run.
if (o.db === 'pg') {
  await dropDatabase(process.env.DATABASE_URL ?? DEFAULT_PG_URL, runName);
  await onServer((c) => c.query(`create database ${runName} template ${loadedName}`));
} else {
  rmSync(runDir, { recursive: true, force: true });
  cpSync(loadedDir, runDir, { recursive: true });
}
let expectedRemoved = 0;
for (let n = 0; n < N; n++) if (Object.values(familyIds(n)).some((id) => ownsNewHome(id, permille))) expectedRemoved++;
console.error(`${N} families; the department's records should remove ${expectedRemoved}`);

const K = Number(o.partitions);
const loadAvg1mBefore = machineInfo().loadAvg1m;
const runOne = (index: number) => new Promise<RunPhaseOutput>((resolve, reject) => {
  const args = [`--max-old-space-size=${o.maxHeap}`, '--import', 'tsx', fileURLToPath(import.meta.url), '--phase', 'run', '--changed-permille', String(permille), '--today', o.today,
    ...(o.jobBatch ? ['--job-batch', o.jobBatch] : []), ...(K > 1 ? ['--partitions', String(K), '--partition', String(index)] : []),
    ...(o.db === 'pglite' ? ['--dir', runDir] : ['--url', databaseUrl(runName)])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout.trim().split('\n').pop()!) as RunPhaseOutput) : reject(new Error(`run phase exited ${code}`))));
});
// PGlite is one process's database: partitions apply to PostgreSQL only.
const parts = await Promise.all(Array.from({ length: o.db === 'pglite' ? 1 : K }, (_, i) => runOne(i)));
const sum = (f: (p: RunPhaseOutput) => number) => Math.round(parts.reduce((a, p) => a + f(p), 0) * 10) / 10;
const wallSeconds = (Math.max(...parts.map((p) => p.endedAt)) - Math.min(...parts.map((p) => p.startedAt))) / 1000;
const counts = Object.fromEntries(Object.keys(parts[0]!.result).map((k) => [k, parts.reduce((a, p) => a + p.result[k as keyof RunPhaseOutput['result']], 0)])) as unknown as RunPhaseOutput['result'];
const run = {
  processes: parts.length, result: counts, wallSeconds, familiesPerSecond: Math.round(counts.checked / wallSeconds),
  peakRssMiBPerProcess: Math.max(...parts.map((p) => p.peakRssMiB)), peakRssMiBAllProcesses: sum((p) => p.peakRssMiB),
  cpuSecondsNode: sum((p) => p.cpuSecondsNode), cpuSecondsPostgres: sum((p) => p.cpuSecondsPostgres ?? 0),
  parts,
};

// Check what the job did against what the department said.
const check = await openDb(o.db === 'pglite' ? { dataDir: runDir } : { url: databaseUrl(runName) });
const [{ v }] = await check.sql<{ v: string }>("select current_setting('server_version') as v");
const [{ removed }] = await check.sql<{ removed: string }>("select count(*)::text as removed from applications where status = 'removed'");
const [{ stored }] = await check.sql<{ stored: string }>("select count(*)::text as stored from data_checks where purpose = 'recheck'");
const [{ held }] = await check.sql<{ held: string }>('select count(*)::text as held from active_persons');
const [{ bytes }] = await check.sql<{ bytes: string }>('select pg_database_size(current_database())::text as bytes');
const audit = await verifyAuditChain(check.db);
await check.close();
if (o.db === 'pg') await dropDatabase(process.env.DATABASE_URL ?? DEFAULT_PG_URL, runName);
else rmSync(runDir, { recursive: true, force: true });

const correct = run.result.checked === N && run.result.removed === expectedRemoved && Number(removed) === expectedRemoved && audit.ok && Number(held) === (N - expectedRemoved) * 3;
const result = {
  what: 're-check of admitted families against property records (第九条)', database: `${o.db === 'pg' ? 'PostgreSQL' : 'PGlite (PostgreSQL)'} ${v}`,
  families: N, changedPermille: permille, loadAvg1mBefore, jobBatch: o.jobBatch ? Number(o.jobBatch) : 'default', partitions: K, databaseMiB: Math.round(Number(bytes) / 1048576), load, run,
  verification: { correct, expectedRemoved, removedInDb: Number(removed), recheckChecksStored: Number(stored), activePersons: Number(held), auditChain: audit },
  machine: machineInfo(),
};
const { parts: _parts, ...summary } = run;
console.log(JSON.stringify({ families: N, run: summary, verification: result.verification }, null, 2));
if (o.write) console.error(`wrote ${writeResult(o.name ?? `recheck-${o.db}-${N}`, result)}`);
if (!correct) process.exitCode = 1;
