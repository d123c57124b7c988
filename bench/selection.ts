/**
 * Selection benchmark (选房, 第十一条): C clients choose units at once on PostgreSQL, through the
 * real selectUnit command (row lock on the unit, live-selection unique indexes, call updated,
 * outbox notice) — in process, over HTTP (the real server built by buildApp, in its own
 * process on 127.0.0.1, POST /api/my/selections with the session cookie and an Idempotency-Key
 * as the web app sends), or both.
 *
 *   node --import tsx bench/selection.ts                       # 20,000 units and families, 200 clients, both modes
 *   node --import tsx bench/selection.ts --mode inproc --families 5000 --units 5000
 *
 * Seeded with generate_series SQL (not the API): N units in buildings of 1,000, N admitted
 * families with paid registrations, a drawn draw ranking family i at rank i. The families are
 * called in batches of --batch (openNextBatch, timed apart); a batch's families are taken by
 * the C clients in rank order; each client picks a random unit among those it last saw on offer
 * (the grid, refreshed by every confirmed choice) and on 409 UNIT_TAKEN picks again. Closed loop
 * by default (each client takes the next family as soon as it is done: latency then is the
 * queue, clients ÷ throughput); `--rate` offers families at a fixed rate instead (open loop,
 * a family's time counted from when it was due).
 * Reported: confirmed selections per second over the selection time (batch opening excluded,
 * and included), latency of each request (p50/p95/p99) and of a family's whole choice with its
 * retries, conflicts, CPU per selection of the platform and of the PostgreSQL backends.
 * Verified: every family holds one unit, no unit twice, units reserved = selections locked.
 * Goal: ≥ 500 confirmed selections/s and p99 < 200 ms.
 */
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { systemClock, type CommandContext } from '../src/commands/context.js';
import { closeBatch, openNextBatch, selectUnit } from '../src/commands/selection/index.js';
import { selectionWorld } from '../src/commands/selection/testing.js';
import { SimulatedProvider } from '../src/datachecks/simulated.js';
import { openDb, type DbHandle } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';
import { benchCrypto } from './lib/bench-keys.js';
import { backendCpuDelta, pgBackendsCpu, procCpuMs, processCpuMs } from './lib/cpu.js';
import { openBenchDb } from './lib/db.js';
import { machineInfo, peakRssMiB } from './lib/machine.js';
import { writeResult } from './lib/results.js';
import { percentile } from './lib/stats.js';

const opts = new Command()
  .option('--families <n>', 'families (and ranks)', '20000')
  .option('--units <n>', 'units on offer', '20000')
  .option('--clients <n>', 'clients choosing at once', '200')
  .option('--batch <n>', 'families called per batch (plan.batch_size)', '2000')
  .option('--pool <n>', 'PostgreSQL pool size of the platform', '40')
  .option('--mode <mode>', 'inproc | http | both', 'both')
  .option('--rate <n>', 'open loop: families arriving per second (at most --clients at once); default closed loop')
  .option('--name <name>', 'result file name', 'selection-pg')
  .option('--no-write', 'do not write bench/results')
  .option('--phase <phase>', 'internal: "server" runs the platform of an HTTP run', 'main')
  .option('--url <url>', 'internal: database of the server phase')
  .parse().opts<{ families: string; units: string; clients: string; batch: string; pool: string; mode: string; rate?: string; name: string; write: boolean; phase: string; url?: string }>();
const N = Number(opts.families);
const UNITS = Number(opts.units);
const CLIENTS = Number(opts.clients);
const BATCH = Number(opts.batch);
const POOL = Number(opts.pool);
const RATE = opts.rate ? Number(opts.rate) : 0;

/** md5(text)::uuid, as PostgreSQL formats it. */
const md5uuid = (s: string) => createHash('md5').update(s).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const accountOf = (i: number) => md5uuid(`sel-acc${i}`);

/** The world: a priced project with UNITS units, N admitted families registered and ranked 1..N, a drawn draw. */
async function seed(h: DbHandle) {
  const w = await selectionWorld(h, { units: 0, families: 0, batchSize: BATCH, windowMinutes: 240 });
  const p = w.project.id;
  await h.sql(`insert into buildings (project_id, name, floors) select $1, i || '号楼', 50 from generate_series(2, $2::int) i`, [p, Math.ceil(UNITS / 1000)]);
  await h.sql(`insert into units (project_id, building_id, floor, number, area, layout, orientation, coefficient, price_fen, price_approval_id, status, offered_on)
    select $1, b.id, (i % 1000) / 20 + 1, (((i % 1000) / 20 + 1) * 100 + i % 20 + 1)::text, '90.00', '两室一厅', '南北', '1.000000', 72000000, $3, 'available', '2026-03-01'
      from generate_series(0, $2::int - 1) i join buildings b on b.project_id = $1 and b.name = (i / 1000 + 1) || '号楼'`, [p, UNITS, w.approval.id]);
  await h.sql(`insert into accounts (id, username, role, password_hash, display_name)
    select md5('sel-acc' || i)::uuid, 'sel_' || i, 'applicant', 'x', '家庭' || i from generate_series(1, $1::int) i`, [N]);
  await h.sql(`insert into applications (id, reg_code, account_id, district_code, status, category, priority, masked_applicant_name, masked_applicant_id, admitted_on)
    select md5('sel-app' || i)::uuid, 'JN2026S' || lpad(i::text, 8, '0'), md5('sel-acc' || i)::uuid, '370102', 'admitted', 'wage_family', '[]'::jsonb, '张*', '37**************00', '2026-01-05'
      from generate_series(1, $1::int) i`, [N]);
  await h.sql(`insert into registrations (id, reg_no, project_id, plan_id, application_id, account_id, status, deposit_fen, registered_at, paid_at)
    select md5('sel-reg' || i)::uuid, 'RS' || lpad(i::text, 9, '0'), $2, $3, md5('sel-app' || i)::uuid, md5('sel-acc' || i)::uuid, 'registered', 2000000, now(), now()
      from generate_series(1, $1::int) i`, [N, p, w.plan.id]);
  await h.sql(`insert into draw_ranks (draw_id, rank, entrant_id, pool) select $2, i, 'RS' || lpad(i::text, 9, '0'), 'GEN' from generate_series(1, $1::int) i`, [N, w.draw.id]);
  await h.sql('update draws set entrant_count = $1 where id = $2', [N, w.draw.id]);
  await h.sql('analyze');
  const unitIds = (await h.sql<{ id: string }>('select id from units where project_id = $1', [p])).map((r) => r.id);
  const staff: CommandContext = { ...w.staffCtx, clock: systemClock };
  return { w, unitIds, staff, drawId: w.draw.id };
}

/** A new round on the same world: no batches, no selections, every unit on offer. */
async function reset(h: DbHandle) {
  await h.sql('delete from selection_calls');
  await h.sql('delete from selections');
  await h.sql('delete from selection_batches');
  await h.sql("update units set status = 'available' where status = 'reserved'");
  await h.sql('delete from notifications');
  await h.sql('delete from idempotency_keys');
  await h.sql('vacuum analyze units, selections, selection_calls');
}

/** The grid as the families see it: units still on offer, O(1) pick and removal. */
class Grid {
  private ids: string[];
  private at = new Map<string, number>();
  constructor(ids: string[]) { this.ids = [...ids]; this.ids.forEach((id, i) => this.at.set(id, i)); }
  get size() { return this.ids.length; }
  pick(): string { return this.ids[Math.floor(Math.random() * this.ids.length)]!; }
  remove(id: string) {
    const i = this.at.get(id);
    if (i === undefined) return;
    const last = this.ids.pop()!;
    if (last !== id) { this.ids[i] = last; this.at.set(last, i); }
    this.at.delete(id);
  }
}

type Choose = (family: number, unitId: string) => Promise<void>;
type Sampler = () => Promise<{ platformMs: number; backends: Map<number, number> }>;

/** Calls every batch and lets CLIENTS clients choose for its families. */
async function run(label: string, h: DbHandle, s: Awaited<ReturnType<typeof seed>>, choose: Choose, sample: Sampler) {
  const grid = new Grid(s.unitIds);
  const requestMs: number[] = [];
  const familyMs: number[] = [];
  let confirmed = 0, conflicts = 0;
  const errors: Record<string, number> = {};
  let selectingMs = 0, openingMs = 0;
  const t0 = performance.now();
  const u0 = await sample();
  for (let batchNo = 1; (batchNo - 1) * BATCH < N && grid.size; batchNo++) {
    let t = performance.now();
    const b = await openNextBatch(s.staff, { drawId: s.drawId, batchNo });
    openingMs += performance.now() - t;
    t = performance.now();
    // One family's choice: random picks among the units on offer, again after a 409, until one is confirmed.
    const chooseFamily = async (family: number, since: number) => {
      for (let tries = 0; grid.size && tries < 100; tries++) {
        const unitId = grid.pick();
        const r0 = performance.now();
        try {
          await choose(family, unitId);
          requestMs.push(performance.now() - r0);
          grid.remove(unitId);
          confirmed++;
          familyMs.push(performance.now() - since);
          return;
        } catch (e) {
          requestMs.push(performance.now() - r0);
          const code = (e as { code?: string }).code ?? String(e);
          if (code === 'UNIT_TAKEN') { conflicts++; grid.remove(unitId); continue; }
          errors[code] = (errors[code] ?? 0) + 1;
          return;
        }
      }
    };
    if (RATE) {
      // Open loop: families arrive at RATE per second (at most CLIENTS at once); a family's time counts from its arrival.
      const inflight = new Set<Promise<void>>();
      for (let family = b.fromRank, k = 0; family <= b.toRank && grid.size; family++, k++) {
        const due = t + (k * 1000) / RATE;
        if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
        while (inflight.size >= CLIENTS) await Promise.race(inflight);
        const p: Promise<void> = chooseFamily(family, due).finally(() => inflight.delete(p));
        inflight.add(p);
      }
      await Promise.all(inflight);
    } else {
      // Closed loop: CLIENTS clients, each taking the next family as soon as it is done.
      let next = b.fromRank;
      const worker = async () => { while (next <= b.toRank && grid.size) await chooseFamily(next++, performance.now()); };
      await Promise.all(Array.from({ length: CLIENTS }, worker));
    }
    selectingMs += performance.now() - t;
    process.stderr.write(`\r${label}: batch ${batchNo}, ${confirmed} confirmed, ${conflicts} conflicts   `);
  }
  const u1 = await sample();
  const wallMs = performance.now() - t0;
  const open = await h.sql<{ id: string }>("select id from selection_batches where status = 'open'");
  for (const b of open) await closeBatch(s.staff, { batchId: b.id });
  process.stderr.write('\n');
  const sorted = (x: number[]) => [...x].sort((a, b) => a - b);
  const lat = (x: number[]) => { const v = sorted(x); const r = (n: number) => Math.round(n * 10) / 10; return { count: v.length, p50Ms: r(percentile(v, 50)), p95Ms: r(percentile(v, 95)), p99Ms: r(percentile(v, 99)), maxMs: r(v[v.length - 1] ?? NaN) }; };
  const [v] = await h.sql<Record<string, number>>(`select
    (select count(*)::int from selections where status = 'locked') as locked,
    (select count(*)::int from units where status = 'reserved') as reserved,
    (select count(*)::int from (select unit_id from selections where status = 'locked' group by 1 having count(*) > 1) x) as units_twice,
    (select count(*)::int from (select application_id from selections where status = 'locked' group by 1 having count(*) > 1) x) as families_twice`);
  return {
    confirmed, conflicts, errors, clients: CLIENTS, offeredPerSecond: RATE || null,
    confirmedPerSecond: Math.round(confirmed / (selectingMs / 1000)),
    confirmedPerSecondWithBatchOpening: Math.round(confirmed / (wallMs / 1000)),
    selectingSeconds: Math.round(selectingMs) / 1000, batchOpeningSeconds: Math.round(openingMs) / 1000, batches: Math.ceil(N / BATCH),
    request: lat(requestMs), familyChoice: lat(familyMs),
    cpuMsPerSelection: { platform: Math.round(((u1.platformMs - u0.platformMs) / confirmed) * 100) / 100, postgresBackends: Math.round((backendCpuDelta(u0.backends, u1.backends) / confirmed) * 100) / 100 },
    verification: { ...v, expected: Math.min(N, UNITS) },
  };
}

/** Server phase (child process): the real app on the benchmark's database. */
async function serve(url: string) {
  const handle = await openDb({ url, poolSize: POOL });
  const app = await buildApp({ db: handle, clock: systemClock, dataChecks: new SimulatedProvider(), crypto: benchCrypto(), webDist: '/nonexistent' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ port: (app.server.address() as AddressInfo).port, pid: process.pid })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'quit') { await app.close(); await handle.close(); process.stdout.write(`${JSON.stringify({ peakRssMiB: peakRssMiB() })}\n`); process.exit(0); }
  }
}

async function main() {
  const h = await openBenchDb({ kind: 'pg', name: 'qc_bench_selection', poolSize: POOL });
  const runs: Record<string, unknown> = {};
  try {
    let t = performance.now();
    const s = await seed(h);
    const seedSeconds = Math.round(performance.now() - t) / 1000;
    if (opts.mode !== 'http') {
      const ctxs = Array.from({ length: N + 1 }, (_, i): CommandContext => ({ ...s.staff, actor: { accountId: accountOf(i), role: 'applicant' } }));
      const choose: Choose = async (f, unitId) => { await selectUnit(ctxs[f]!, { unitId }); };
      runs.inproc = await run('in process', h, s, choose, async () => ({ platformMs: processCpuMs(), backends: await pgBackendsCpu(h) }));
    }
    if (opts.mode !== 'inproc') {
      if (opts.mode === 'both') await reset(h);
      // One signed-in session per family, as after its login.
      const tokens = Array.from({ length: N + 1 }, () => randomBytes(32).toString('base64url'));
      t = performance.now();
      for (let i = 1; i <= N; i += 5000) {
        const ids = tokens.slice(i, Math.min(N + 1, i + 5000));
        await h.sql(`insert into sessions (id, account_id, expires_at) select x.id, x.acc::uuid, now() + interval '12 hours' from unnest($1::text[], $2::text[]) as x(id, acc)`,
          [ids.map((k) => createHash('sha256').update(k).digest('hex')), ids.map((_, j) => accountOf(i + j))]);
      }
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--phase', 'server', '--url', h.url!, '--pool', String(POOL)], { stdio: ['pipe', 'pipe', 'inherit'] });
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const hello = JSON.parse((await lines.next()).value as string) as { port: number; pid: number };
      const base = `http://127.0.0.1:${hello.port}/api/my/selections`;
      const choose: Choose = async (f, unitId) => {
        const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `qc_session=${tokens[f]}`, 'idempotency-key': randomBytes(12).toString('hex') }, body: JSON.stringify({ unitId }) });
        const body = await res.json() as { code?: string };
        if (res.status !== 200) throw Object.assign(new Error(`${res.status} ${body.code}`), { code: body.code ?? `HTTP_${res.status}` });
      };
      const sample: Sampler = async () => ({ platformMs: (procCpuMs(hello.pid) ?? 0) + processCpuMs(), backends: await pgBackendsCpu(h) });
      runs.http = await run('http', h, s, choose, sample);
      child.stdin!.write('quit\n');
      (runs.http as Record<string, unknown>).serverPeakRssMiB = (JSON.parse((await lines.next()).value as string) as { peakRssMiB: number }).peakRssMiB;
      (runs.http as Record<string, unknown>).note = 'platform CPU = server process + load generator (same machine)';
    }
    const result = { what: 'selection (选房): confirmed selections', database: h.version, families: N, units: UNITS, batchSize: BATCH, poolSize: POOL, seedSeconds, runs, peakRssMiBLoadGenerator: peakRssMiB(), machine: machineInfo() };
    console.log(JSON.stringify(result, null, 2));
    if (opts.write) console.error(`wrote ${writeResult(opts.name, result)}`);
  } finally {
    await h.close();
  }
}

if (opts.phase === 'server') await serve(opts.url!);
else await main();
