/**
 * Intake benchmark: applications per second and latency at N concurrent families, each
 * creating a draft and submitting it (data checks, eligibility rule, active_persons, audit,
 * outbox: the real submitApplication), over HTTP and/or in process.
 *
 *   node --import tsx bench/intake.ts --db pg --clients 50 --seconds 20
 *   node --import tsx bench/intake.ts --db pglite --mode inproc
 */
import { Command } from 'commander';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.js';
import { systemClock, type CommandContext } from '../src/commands/context.js';
import { registerApplicant } from '../src/commands/accounts/index.js';
import { randomFieldCrypto } from '../src/crypto/index.js';
import { SimulatedProvider } from '../src/datachecks/simulated.js';
import { verifyAuditChain } from '../src/audit/index.js';
import { runClosedLoop, type ClosedLoopResult } from './lib/closed-loop.js';
import { openBenchDb, type BenchDbKind } from './lib/db.js';
import { httpIntake, httpLogin, inprocIntake, type HttpClient, type IntakeTimings } from './lib/intake-clients.js';
import { backendCpuDelta, pgBackendsCpu, processCpuMs } from './lib/cpu.js';
import { machineInfo, peakRssMiB } from './lib/machine.js';
import { countPgQueries } from './lib/query-counter.js';
import { writeResult } from './lib/results.js';

const program = new Command()
  .option('--db <kind>', 'pg | pglite', 'pg')
  .option('--mode <mode>', 'http | inproc | both', 'both')
  .option('--clients <n>', 'concurrent families', '50')
  .option('--seconds <n>', 'measured seconds per mode', '20')
  .option('--warmup <n>', 'warm-up seconds (not counted)', '3')
  .option('--pool <n>', 'PostgreSQL pool size', '20')
  .option('--name <name>', 'result file name (default intake-<db>-c<clients>)')
  .option('--no-write', 'do not write bench/results')
  .parse();
const opts = program.opts<{ db: BenchDbKind; mode: string; clients: string; seconds: string; warmup: string; pool: string; name?: string; write: boolean }>();
const clients = Number(opts.clients);
const seconds = Number(opts.seconds);
const warmup = Number(opts.warmup);
const PASSWORD = 'bench-password-1';

// Statements sent to PostgreSQL (HTTP mode: the server's, which runs in this process).
const queries = countPgQueries();
const handle = await openBenchDb({ kind: opts.db, poolSize: Number(opts.pool) });
const crypto = randomFieldCrypto();
const dataChecks = new SimulatedProvider();
const deps = { db: handle, clock: systemClock, dataChecks, crypto, webDist: '/nonexistent', loginMax: 1_000_000 };

// One account per client, created before the clock starts (argon2id is deliberately slow).
const accounts: Array<{ id: string }> = [];
for (let i = 0; i < clients; i++) {
  accounts.push(await registerApplicant({ db: handle.db, crypto }, { username: `bench${i}`, password: PASSWORD, displayName: `压测家庭${i}`, phone: `138${String(i).padStart(8, '0')}` }));
}

const tick = (label: string) => (done: number, s: number) => { if (s > 0) process.stderr.write(`\r${label}: ${done} applications, ${s.toFixed(0)} s   `); };

async function measure<S>(label: string, first: number, setup: (i: number) => Promise<S>, run: (s: S, n: number) => Promise<IntakeTimings>) {
  const loadBefore = machineInfo().loadAvg1m;
  let cpu0 = 0;
  let cpu1 = 0;
  let pg0 = new Map<number, number>();
  let pg1 = new Map<number, number>();
  let q0 = 0;
  let q1 = 0;
  const r: ClosedLoopResult = await runClosedLoop({
    clients, seconds, warmupSeconds: warmup, setup, onTick: tick(label),
    atWindowStart: async () => { cpu0 = processCpuMs(); q0 = queries(); pg0 = await pgBackendsCpu(handle); },
    atWindowEnd: async () => { cpu1 = processCpuMs(); q1 = queries(); pg1 = await pgBackendsCpu(handle); },
    op: async (s, n) => { const t = await run(s, n); return { create: t.createMs, submit: t.submitMs }; },
  }, first);
  process.stderr.write('\n');
  const per = (ms: number) => (r.ok ? Math.round((ms / r.ok) * 100) / 100 : null);
  // CPU per application is what predicts throughput on dedicated cores: cores × 1000 / (node + db).
  const cpuMsPerApplication = { node: per(cpu1 - cpu0), postgresBackends: handle.kind === 'postgres' ? per(backendCpuDelta(pg0, pg1)) : null };
  const statementsPerApplication = handle.kind === 'postgres' && r.ok ? Math.round(((q1 - q0) / r.ok) * 10) / 10 : null;
  return { ...r, cpuMsPerApplication, statementsPerApplication, loadAvg1mBefore: loadBefore, loadAvg1mAfter: machineInfo().loadAvg1m };
}

const runs: Record<string, unknown> = {};
let next = 0;
if (opts.mode === 'inproc' || opts.mode === 'both') {
  const ctxOf = async (i: number): Promise<CommandContext> => ({ db: handle.db, clock: systemClock, dataChecks, crypto, actor: { accountId: accounts[i]!.id, role: 'applicant' } });
  runs.inproc = await measure('in process', next, ctxOf, inprocIntake);
  next += 10_000_000;
}
if (opts.mode === 'http' || opts.mode === 'both') {
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  runs.http = await measure('http', next, (i): Promise<HttpClient> => httpLogin(base, `bench${i}`, PASSWORD), httpIntake);
  await app.close();
}

// What the commands left behind: every submission with its four department answers, its
// persons held, an audit row each, and an unbroken chain.
const count = async (q: string) => Number((await handle.sql<{ n: string }>(`select count(*)::text as n from ${q}`))[0]!.n);
const stored = await count("applications where status = 'submitted'");
const verification = {
  submittedInDb: stored,
  countedByClients: Object.values(runs).reduce((s: number, r) => s + (r as ClosedLoopResult).ok, 0),
  dataChecksPerApplication: (await count("data_checks where purpose = 'review'")) / stored,
  personsHeldPerApplication: (await count('active_persons')) / stored,
  auditRows: await count("audit_log where action = 'application.submit'"),
  auditChain: await verifyAuditChain(handle.db),
};
const result = {
  what: 'application intake (create draft + submit)', database: handle.version, dbLabel: handle.label,
  clients, seconds, warmupSeconds: warmup, poolSize: opts.db === 'pg' ? Number(opts.pool) : null,
  runs, verification, peakRssMiB: peakRssMiB(), machine: machineInfo(),
};
await handle.close();
console.log(JSON.stringify({ runs, verification, peakRssMiB: result.peakRssMiB }, null, 2));
if (opts.write) console.error(`wrote ${writeResult(opts.name ?? `intake-${opts.db}-c${clients}`, result)}`);
