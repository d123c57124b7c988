/**
 * Intake benchmark: applications per second and latency with N families at once, each
 * creating a draft and submitting it (data checks, eligibility rule, active_persons, audit,
 * outbox: the real saveDraft and submitApplication). Two ways, each on a fresh database:
 *  - http: the real server (buildApp) in its own process on 127.0.0.1:<random port>; every
 *    client logs in once as its own applicant, then POSTs drafts and submits with fetch
 *    (keep-alive) and an Idempotency-Key on submit, as the web app does;
 *  - inproc: the same two commands called directly, to show what HTTP costs.
 * Closed loop by default (each client back to back); `--rate` offers a fixed arrival rate.
 *
 *   node --import tsx bench/intake.ts --db pg --clients 50 --seconds 20
 *   node --import tsx bench/intake.ts --db pg --mode http --rate 100
 *   node --import tsx bench/intake.ts --db pglite --mode inproc
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { runClosedLoop, type ClosedLoopResult } from './lib/closed-loop.js';
import { runOpenLoop } from './lib/open-loop.js';
import type { BenchDbKind } from './lib/db.js';
import { httpIntake, httpLogin, inprocIntake, type IntakeTimings } from './lib/intake-clients.js';
import { PASSWORD, openPlatform, serveForBenchmark, usage, verifyIntake } from './lib/intake-platform.js';
import { processCpuMs } from './lib/cpu.js';
import { machineInfo, peakRssMiB } from './lib/machine.js';
import { writeResult } from './lib/results.js';

const program = new Command()
  .option('--db <kind>', 'pg | pglite', 'pg')
  .option('--mode <mode>', 'http | inproc | both', 'both')
  .option('--clients <n>', 'families at once (closed loop), or at most at once (open loop)', '50')
  .option('--rate <n>', 'open loop: applications arriving per second (default: closed loop)')
  .option('--seconds <n>', 'measured seconds per mode', '20')
  .option('--warmup <n>', 'warm-up seconds (not counted)', '3')
  .option('--pool <n>', 'PostgreSQL pool size', '20')
  .option('--name <name>', 'result file name (default intake-<db>-c<clients> or -r<rate>)')
  .option('--no-write', 'do not write bench/results')
  .option('--server-prof <dir>', 'write a V8 CPU profile of the server process into <dir>')
  .option('--phase <phase>', 'internal: "server" runs the platform side of an HTTP run', 'main')
  .parse();
const opts = program.opts<{ db: BenchDbKind; mode: string; clients: string; rate?: string; seconds: string; warmup: string; pool: string; name?: string; write: boolean; phase: string; serverProf?: string }>();
const clients = Number(opts.clients);
const poolSize = Number(opts.pool);

type Usage = { cpuMs: number; queries: number; backends: Record<string, number> };
const backendMs = (a: Usage, b: Usage) => Object.entries(b.backends).reduce((s, [pid, ms]) => s + ms - (a.backends[pid] ?? 0), 0);

/** Run the load against one platform; `platform()` snapshots its CPU and statements. */
async function measure<S>(label: string, first: number, setup: (i: number) => Promise<S>, run: (s: S, n: number) => Promise<IntakeTimings>,
  platform: () => Promise<Usage>, separateGenerator: boolean) {
  const loadBefore = machineInfo().loadAvg1m;
  let u0: Usage | undefined;
  let u1: Usage | undefined;
  let g0 = 0;
  let g1 = 0;
  const loop = {
    clients, seconds: Number(opts.seconds), warmupSeconds: Number(opts.warmup), setup,
    onTick: (done: number, s: number) => { if (s > 0) process.stderr.write(`\r${label}: ${done} applications, ${s.toFixed(0)} s   `); },
    atWindowStart: async () => { g0 = processCpuMs(); u0 = await platform(); },
    atWindowEnd: async () => { g1 = processCpuMs(); u1 = await platform(); },
    op: async (s: S, n: number) => { const t = await run(s, n); return { create: t.createMs, submit: t.submitMs }; },
  };
  const r: ClosedLoopResult = opts.rate ? await runOpenLoop({ ...loop, rate: Number(opts.rate) }, first) : await runClosedLoop(loop, first);
  process.stderr.write('\n');
  const per = (x: number) => (r.ok ? Math.round((x / r.ok) * 100) / 100 : null);
  // CPU per application predicts throughput on dedicated cores: cores × 1000 / (platform + database).
  const cpuMsPerApplication = {
    [separateGenerator ? 'server' : 'node']: per(u1!.cpuMs - u0!.cpuMs),
    ...(separateGenerator ? { loadGenerator: per(g1 - g0) } : {}),
    postgresBackends: opts.db === 'pg' ? per(backendMs(u0!, u1!)) : null,
  };
  const statementsPerApplication = opts.db === 'pg' ? per(u1!.queries - u0!.queries) : null;
  return { ...r, cpuMsPerApplication, statementsPerApplication, loadAvg1mBefore: loadBefore, loadAvg1mAfter: machineInfo().loadAvg1m };
}

/** The server in a child process, driven over stdin/stdout. */
async function startServer() {
  const prof = opts.serverProf ? ['--cpu-prof', `--cpu-prof-dir=${opts.serverProf}`] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', fileURLToPath(import.meta.url), '--phase', 'server', '--db', opts.db, '--clients', String(clients), '--pool', String(poolSize)],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value as string);
  const ask = async (cmd: string) => { child.stdin!.write(`${cmd}\n`); return next(); };
  const hello = (await next()) as { port: number; version: string };
  return { hello, ask, exited: new Promise((r) => child.on('exit', r)) };
}

async function main() {
  const runs: Record<string, unknown> = {};
  let database = '';
  if (opts.mode === 'inproc' || opts.mode === 'both') {
    const p = await openPlatform({ kind: opts.db, name: 'qc_bench', clients, poolSize });
    database = p.handle.version;
    const r = await measure('in process', 0, async (i) => p.ctxOf(i), inprocIntake, () => usage(p.handle, p.queries), false);
    runs.inproc = { ...r, verification: await verifyIntake(p.handle) };
    await p.handle.close();
  }
  if (opts.mode === 'http' || opts.mode === 'both') {
    const s = await startServer();
    database = s.hello.version;
    const base = `http://127.0.0.1:${s.hello.port}`;
    const r = await measure('http', 10_000_000, (i) => httpLogin(base, `bench${i}`, PASSWORD), httpIntake, () => s.ask('usage') as Promise<Usage>, true);
    runs.http = { ...r, verification: await s.ask('verify') };
    await s.exited;
  }
  const result = {
    what: 'application intake (create draft + submit)', database, clients, offeredPerSecond: opts.rate ? Number(opts.rate) : null,
    seconds: Number(opts.seconds), warmupSeconds: Number(opts.warmup), poolSize: opts.db === 'pg' ? poolSize : null,
    runs, peakRssMiBLoadGenerator: peakRssMiB(), machine: machineInfo(),
  };
  console.log(JSON.stringify(runs, null, 2));
  if (opts.write) console.error(`wrote ${writeResult(opts.name ?? `intake-${opts.db}-${opts.rate ? `r${opts.rate}` : `c${clients}`}`, result)}`);
}

if (opts.phase === 'server') {
  await serveForBenchmark({ kind: opts.db, clients, poolSize });
} else {
  await main();
}
