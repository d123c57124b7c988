/**
 * Closed-loop management after the sale (济政发〔2025〕3号 第十八至三十一条), measured on PostgreSQL through
 * the real commands, nothing mocked:
 * 1. 第二十六条 the exit board (`exitBoard`) and 第十八、十九条 the owned-units list (`listOwnedUnits`) with
 *    --units titled units and --exits open exits: p50/p99 of the city's and of a district's query;
 * 2. 第二十一条 the archive export (`unitArchive`, JSON-Schema validation included) of a unit with a full
 *    history (sale, two events and their cases, exit, buyback, fund refund, government title): --archive-clients
 *    clients back to back, exports/s and p50/p99;
 * 3. 第二十四至二十九条 the whole buyback (bench/lib/postsale-flow.ts, 16 commands) of --flows units by
 *    --clerks clerks at once: flows/s, p99 per flow, per step; verified at the end (every reconciliation
 *    balanced and settled, fund refunds = deposits, every unit bought back);
 * 4. 第二十二条 the reminder job (`watchMultiUnitDeadlines`) over --obligations open obligations with a
 *    reminder due (and --overdue past their deadline): seconds per run, then a second run that sends nothing.
 *
 *   node --import tsx bench/postsale.ts
 *   node --import tsx bench/postsale.ts --flows 50 --units 2000 --exits 400 --obligations 2000 --no-write
 *
 * The flows' units come from `ownedWorld` (real contracts and signing); the rest is bulk SQL shaped like it
 * (bench/lib/postsale-load.ts). The machine is shared: the 1-minute load average is recorded before each part.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { buybackReconciliation } from '../src/commands/buybacks/index.js';
import { ownedWorld } from '../src/commands/closed-loop/testing.js';
import { BUYBACK_DAY } from '../src/commands/buybacks/testing.js';
import type { CommandContext } from '../src/commands/context.js';
import { exitBoard } from '../src/commands/exits/index.js';
import { listOwnedUnits, unitArchive } from '../src/commands/titles/index.js';
import { closeCase, recordUnitEvent } from '../src/commands/unit-events/index.js';
import { contracts, exitApplications, multiUnitObligations, notifications, units } from '../src/db/schema.js';
import { watchMultiUnitDeadlines } from '../src/jobs/multi-unit.js';
import { backendCpuDelta, pgBackendsCpu, processCpuMs } from './lib/cpu.js';
import { runClosedLoop } from './lib/closed-loop.js';
import { openBenchDb } from './lib/db.js';
import { machineInfo, peakRssMiB } from './lib/machine.js';
import { buybackFlow } from './lib/postsale-flow.js';
import { loadPostsale } from './lib/postsale-load.js';
import { writeResult } from './lib/results.js';
import { summarise } from './lib/stats.js';

const opts = new Command()
  .option('--units <n>', 'titled units loaded by SQL', '10000')
  .option('--projects <n>', 'projects they belong to (5 districts, the last city-level)', '10')
  .option('--exits <n>', 'open exits among them', '2000')
  .option('--obligations <n>', 'open 第二十二条 obligations with a reminder due', '10000')
  .option('--overdue <n>', 'more obligations past their deadline', '1000')
  .option('--flows <n>', 'whole buybacks through the commands', '200')
  .option('--clerks <n>', 'clerks running buybacks at once', '8')
  .option('--reads <n>', 'board and list queries per reader (after 3 warm-up)', '30')
  .option('--archive-clients <n>', 'clients exporting at once', '8')
  .option('--archive-seconds <n>', 'archive measuring window', '10')
  .option('--pool <n>', 'PostgreSQL pool size', '20')
  .option('--name <name>', 'result file name', 'postsale')
  .option('--no-write', 'do not write bench/results')
  .parse().opts<{ units: string; projects: string; exits: string; obligations: string; overdue: string; flows: string; clerks: string; reads: string; archiveClients: string; archiveSeconds: string; pool: string; name: string; write: boolean }>();
const N = (k: keyof typeof opts) => Number(opts[k]);
const load1 = () => Math.round(os.loadavg()[0]! * 100) / 100;
const since = (t: number) => Math.round(performance.now() - t) / 1000;
const log = (s: string) => process.stderr.write(`${s}\n`);

/** A unit with a full history before the flows: two reported events whose cases are rectified, then the buyback. */
async function fullHistory(w: Awaited<ReturnType<typeof ownedWorld>>, i: number) {
  const unitId = w.owned[i]!.unitId;
  w.clock.set('2026-06-01');
  for (const [kind, ref] of [['lease', '巡查-2026-031'], ['extra_mortgage', '抵押登记查询-2026-07']] as const) {
    const v = await recordUnitEvent(w.staff, { unitId, kind, occurredOn: '2026-05-15', evidence: [{ kind: 'inspection', ref, note: '现场核查' }] });
    await closeCase(w.staff, { caseId: v.case!.id, status: 'rectified', resolution: '已整改，复查合格' });
  }
  w.clock.set(BUYBACK_DAY);
  return { unitId, ...(await buybackFlow({ i, unitId, family: w.ctxAs(w.families[i]!.actor), clerk: w.staff })) };
}

/** R sequential calls after 3 warm-up calls; latency summary and the rows returned. */
async function reads(f: () => Promise<unknown[]>, r: number) {
  for (let k = 0; k < 3; k++) await f();
  const ms: number[] = [];
  let rows = 0;
  for (let k = 0; k < r; k++) { const t = performance.now(); rows = (await f()).length; ms.push(performance.now() - t); }
  return { rows, ...summarise(ms) };
}

async function main() {
  const F = N('flows');
  const h = await openBenchDb({ kind: 'pg', name: 'qc_bench_postsale', poolSize: N('pool') });
  const loadAvg: Record<string, number> = { start: load1() };
  const seedSeconds: Record<string, number> = {};
  try {
    let t = performance.now();
    const w = await ownedWorld(h, { owners: F + 1, units: F + 1, families: F + 1 });
    seedSeconds.ownedWorld = since(t);
    const archived = await fullHistory(w, F);
    const [tpl] = await h.db.select().from(exitApplications).where(eq(exitApplications.id, archived.exitId));
    const [con] = await h.db.select({ check: contracts.downPaymentCheck }).from(contracts).where(eq(contracts.id, w.owned[0]!.contractId));
    t = performance.now();
    Object.assign(seedSeconds, await loadPostsale(h, {
      units: N('units'), projects: N('projects'), exits: N('exits'), obligations: N('obligations'), overdue: N('overdue'), today: BUYBACK_DAY,
      implementerId: w.implementer.accountId, staffId: w.actors.lixia.accountId,
      template: { eligibility: tpl!.eligibility, valuation: tpl!.valuation, priceFen: tpl!.priceFen!, downPaymentCheck: con!.check },
    }));
    seedSeconds.bulkTotal = since(t);
    log(`seeded: ${JSON.stringify(seedSeconds)}`);

    // 3. Whole buybacks, C clerks at once, each taking the next unit.
    loadAvg.flows = load1();
    const flowMs: number[] = [];
    const steps: Record<string, number[]> = {};
    const exits: string[] = [];
    const errors: Record<string, number> = {};
    let next = 0;
    const cpu0 = { node: processCpuMs(), pg: await pgBackendsCpu(h) };
    t = performance.now();
    await Promise.all(Array.from({ length: N('clerks') }, async () => {
      for (let i; (i = next++) < F;) {
        const f0 = performance.now();
        try {
          const r = await buybackFlow({ i, unitId: w.owned[i]!.unitId, family: w.ctxAs(w.families[i]!.actor), clerk: w.staff });
          flowMs.push(performance.now() - f0);
          exits.push(r.exitId);
          for (const [k, v] of Object.entries(r.steps)) (steps[k] ??= []).push(v);
        } catch (e) {
          const code = (e as { code?: string }).code ?? String((e as Error).message).slice(0, 80);
          errors[code] = (errors[code] ?? 0) + 1;
        }
      }
    }));
    const flowSeconds = since(t);
    const cpu1 = { node: processCpuMs(), pg: await pgBackendsCpu(h) };
    let balanced = 0, settled = 0, fundEqual = 0, deposits = 0, refunds = 0;
    for (const id of exits) {
      const r = await buybackReconciliation(w.auditor, id);
      if (r.balanced) balanced++;
      if (r.settled) settled++;
      if (r.fund && r.fund.depositsFen === r.fund.refundsFen && r.fund.refundsFen > 0) fundEqual++;
      deposits += r.fund?.depositsFen ?? 0; refunds += r.fund?.refundsFen ?? 0;
    }
    const [bought] = await h.db.select({ n: sql<number>`count(*)::int` }).from(units)
      .where(and(eq(units.status, 'bought_back'), inArray(units.id, w.owned.slice(0, F).map((o) => o.unitId))));
    const flows = {
      units: F, clerks: N('clerks'), completed: flowMs.length, errors, seconds: flowSeconds,
      flowsPerSecond: Math.round((flowMs.length / flowSeconds) * 100) / 100, commandsPerFlow: 16, flow: summarise(flowMs),
      steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, summarise(v)])),
      cpuMsPerFlow: { node: Math.round((cpu1.node - cpu0.node) / F), postgresBackends: Math.round(backendCpuDelta(cpu0.pg, cpu1.pg) / F) },
      verification: { reconciliations: exits.length, balanced, settled, fundRefundsEqualDeposits: fundEqual, depositsFen: deposits, refundsFen: refunds, unitsBoughtBack: bought!.n },
    };
    log(`flows: ${JSON.stringify({ ...flows, steps: undefined })}`);

    // 1. Board and owned-units list, the city's and a district's (历下, 370102).
    loadAvg.reads = load1();
    const R = N('reads');
    const readers: [string, CommandContext][] = [['city', w.city], ['district 370102', w.staff]];
    const board: Record<string, unknown> = {};
    const owned: Record<string, unknown> = {};
    for (const [name, ctx] of readers) {
      board[name] = { ...(await reads(() => exitBoard(ctx), R)), answerBytes: Buffer.byteLength(JSON.stringify(await exitBoard(ctx))) };
      owned[name] = await reads(() => listOwnedUnits(ctx), R);
    }
    log(`board: ${JSON.stringify(board)}\nowned: ${JSON.stringify(owned)}`);

    // 2. The archive of the unit with the full history, clients back to back.
    loadAvg.archive = load1();
    const doc = await unitArchive(w.city, archived.unitId);
    let a0: { node: number; pg: Map<number, number> } | undefined;
    let a1: typeof a0;
    const archive = {
      unitHistory: { titles: (doc.titles as unknown[]).length, events: (doc.events as unknown[]).length, cases: (doc.cases as unknown[]).length, exits: (doc.exits as unknown[]).length, fundEntries: ((doc.maintenanceFund as { entries: unknown[] }).entries).length, buybackPayments: ((doc.payments as { buyback: { payments: unknown[] }[] }).buyback[0]!.payments).length },
      documentBytes: Buffer.byteLength(JSON.stringify(doc)),
      ...(await runClosedLoop({
        clients: N('archiveClients'), seconds: N('archiveSeconds'), warmupSeconds: 2, setup: async () => w.city,
        op: async (ctx) => { await unitArchive(ctx, archived.unitId); },
        atWindowStart: async () => { a0 = { node: processCpuMs(), pg: await pgBackendsCpu(h) }; },
        atWindowEnd: async () => { a1 = { node: processCpuMs(), pg: await pgBackendsCpu(h) }; },
      })),
    };
    const exports = archive.ok + Object.values(archive.errors).reduce((x, y) => x + y, 0);
    Object.assign(archive, { cpuMsPerExport: { node: Math.round(((a1!.node - a0!.node) / exports) * 100) / 100, postgresBackends: Math.round((backendCpuDelta(a0!.pg, a1!.pg) / exports) * 100) / 100 } });
    log(`archive: ${JSON.stringify(archive)}`);

    // 4. The 第二十二条 job, twice on the same day.
    loadAvg.job = load1();
    const deps = { db: h.db, clock: w.clock, crypto: w.crypto, dataChecks: w.provider };
    const outbox = async () => (await h.db.select({ n: sql<number>`count(*)::int` }).from(notifications)
      .where(sql`${notifications.template} in ('multi_unit_reminder', 'multi_unit_overdue')`))[0]!.n;
    const job = [];
    for (let k = 0; k < 2; k++) {
      const before = await outbox();
      t = performance.now();
      const r = await watchMultiUnitDeadlines(deps);
      job.push({ ...r, seconds: since(t), outboxRowsWritten: (await outbox()) - before });
    }
    const [remaining] = await h.db.select({ n: sql<number>`count(*)::int` }).from(multiUnitObligations).where(sql`${multiUnitObligations.status} = 'open' and ${multiUnitObligations.remindersSent} = '[]'::jsonb and ${multiUnitObligations.deadlineOn} >= ${BUYBACK_DAY}`);
    const reminderJob = { obligations: N('obligations'), overdue: N('overdue'), runs: job, verification: { dueButUnreminded: remaining!.n } };
    log(`job: ${JSON.stringify(reminderJob)}`);
    loadAvg.end = load1();

    const result = {
      what: 'closed-loop management after the sale (第十八至三十一条)', database: h.version, poolSize: N('pool'),
      sizes: { units: N('units'), projects: N('projects'), exits: N('exits'), flows: F }, seedSeconds, loadAvg,
      board, ownedUnits: owned, archive, flows, reminderJob, peakRssMiB: peakRssMiB(), machine: machineInfo(),
    };
    console.log(JSON.stringify(result, null, 2));
    if (opts.write) log(`wrote ${writeResult(opts.name, result)}`);
  } finally {
    await h.close();
  }
}

await main();
