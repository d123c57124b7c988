/**
 * The draw of a project round inside the platform, on PostgreSQL: freeze the list of N paid
 * registrations (freezeList), then draw and store every rank with the bundle in one transaction
 * (drawLottery). Registrations, applications and accounts are seeded with generate_series SQL,
 * not through the API. Each size runs in its own child process, so its peak RSS is its own.
 *
 *   node --import tsx bench/ranks-store.ts                    # 100,000 and 1,000,000
 *   node --import tsx bench/ranks-store.ts --sizes 100000 --runs 1
 *
 * Reported per size: seed time, freeze time, and of the draw: draw (read the frozen list,
 * decrypt the secret, rank by QLOT-1, build lottery.json), rank store (the chunked INSERTs),
 * rank notices (outbox rows; skipped above RANK_NOTICE_MAX), total, peak RSS. Verified after
 * each run: one rank per entrant, ranks 1..N, and the stored bundle verifies (verifyBundle).
 * Goal: ranks stored in under 10 s for 1,000,000 registrations.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { drawLottery, freezeList } from '../src/commands/draws/index.js';
import { drawWorld } from '../src/commands/draws/testing.js';
import { verifyBundle } from '../src/lottery/index.js';
import { openBenchDb } from './lib/db.js';
import { machineInfo, peakRssMiB } from './lib/machine.js';
import { writeResult } from './lib/results.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const ms = (t0: number) => Math.round(performance.now() - t0);

/** One size, in this process: seed, freeze, draw, verify. */
async function child(n: number) {
  const h = await openBenchDb({ kind: 'pg', name: 'qc_bench_ranks', poolSize: 4 });
  try {
    const w = await drawWorld(h, { units: 1000, families: 0 });
    let t = performance.now();
    // N families: account, admitted application (every fourth with a 第六条 priority), paid registration.
    await h.sql(`insert into accounts (id, username, role, password_hash, display_name)
      select md5('acc' || i)::uuid, 'bench_' || i, 'applicant', 'x', '家庭' || i from generate_series(1, $1) i`, [n]);
    await h.sql(`insert into applications (id, reg_code, account_id, district_code, status, category, priority, masked_applicant_name, masked_applicant_id, admitted_on)
      select md5('app' || i)::uuid, 'JN2026B' || lpad(i::text, 8, '0'), md5('acc' || i)::uuid, '370102', 'admitted', 'wage_family',
             case when i % 4 = 0 then '["elderly"]'::jsonb else '[]'::jsonb end, '张*' , '37**************' || lpad((i % 100)::text, 2, '0'), '2026-01-05'
      from generate_series(1, $1) i`, [n]);
    await h.sql(`insert into registrations (id, reg_no, project_id, plan_id, application_id, account_id, status, deposit_fen, registered_at, paid_at)
      select md5('reg' || i)::uuid, 'R' || lpad(i::text, 9, '0'), $2, $3, md5('app' || i)::uuid, md5('acc' || i)::uuid, 'registered', 2000000, now(), now()
      from generate_series(1, $1) i`, [n, w.project.id, w.plan.id]);
    await h.sql('analyze');
    const seedMs = ms(t);

    t = performance.now();
    const frozen = await freezeList(w.ctx('city'), { projectId: w.project.id });
    const freezeMs = ms(t);
    let timings = { rankMs: 0, storeMs: 0, noticeMs: 0, totalMs: 0 };
    const out = await drawLottery(w.ctx('city'), { drawId: frozen.id, beacon: '20260312-381946' }, { timings: (x) => { timings = x; } });
    const peak = peakRssMiB();

    const [check] = await h.sql<{ n: string; lo: number; hi: number }>('select count(*) as n, min(rank) as lo, max(rank) as hi from draw_ranks where draw_id = $1', [frozen.id]);
    const [files] = await h.sql<{ tsv: Buffer; json: Buffer }>('select entrants_tsv as tsv, bundle_json as json from draws where id = $1', [frozen.id]);
    const v = verifyBundle({ entrantsTsv: files.tsv, lotteryJson: files.json });
    return {
      entrants: n, pools: frozen.pools, seedMs, freezeMs,
      drawMs: Math.round(timings.rankMs), rankStoreMs: Math.round(timings.storeMs), noticeMs: Math.round(timings.noticeMs),
      drawTotalMs: Math.round(timings.totalMs), notified: out.notified, peakRssMiB: peak,
      bundleMiB: Math.round((files.json.length / 1048576) * 10) / 10, listMiB: Math.round((files.tsv.length / 1048576) * 10) / 10,
      verification: { ranks: Number(check.n), minRank: check.lo, maxRank: check.hi, bundleVerifies: v.ok },
    };
  } finally {
    await h.close();
  }
}

async function main() {
  if (process.argv.includes('--child')) {
    process.stdout.write(`${JSON.stringify(await child(Number(arg('child', '0'))))}\n`);
    return;
  }
  const sizes = arg('sizes', '100000,1000000').split(',').map(Number);
  const runs = Number(arg('runs', '1'));
  const loadBefore = os.loadavg()[0];
  const results: unknown[] = [];
  for (const n of sizes) {
    for (let r = 0; r < runs; r++) {
      const load = os.loadavg()[0];
      const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(n)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const res = { ...JSON.parse(out.trim().split('\n').pop()!), loadAvg1mBefore: Math.round(load * 100) / 100, loadAvg1mAfter: Math.round(os.loadavg()[0] * 100) / 100 };
      console.log(JSON.stringify(res));
      results.push(res);
    }
  }
  const [{ v }] = [{ v: execFileSync('psql', [process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', '-Atc', 'select version()'], { encoding: 'utf8' }).trim() }];
  const path = writeResult('ranks-store-pg', {
    what: 'draw in the platform: freezeList + drawLottery (ranks stored with the bundle in one transaction)',
    database: v, loadAvg1mBefore: Math.round(loadBefore * 100) / 100, machine: machineInfo(), runs: results,
  });
  console.log(`written ${path}`);
}

await main();
