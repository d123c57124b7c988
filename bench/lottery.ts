/**
 * QLOT-1 lottery benchmark: the draw in-process for each list size (each size in a fresh child
 * process, so that its peak RSS is its own), then the whole CLI draw (read, canonicalise, draw,
 * write the bundle) and verify of the largest list, timed as child processes under /usr/bin/time.
 * Reports wall and CPU time (CPU is less sensitive to other load on the machine) and peak RSS.
 *
 *   node --import tsx bench/lottery.ts                       # 100,000 and 1,000,000, 5 runs each
 *   node --import tsx bench/lottery.ts --sizes 100000 --repeat 3 --no-cli
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { canonicalList, parseCanonicalList, rankEntrants, runDraw, seedBytes, listDigest, type Entrant, type Pool } from '../src/lottery/index.js';
import { prng } from '../src/lottery/test-support.js';
import { machineInfo, peakRssMiB, rssMiB } from './lib/machine.js';
import { writeResult } from './lib/results.js';

const SECRET = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const BEACON = '20250520-381946';
const BIN = fileURLToPath(new URL('../bin/quancheng.js', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/** A priority pool taking 10% of the ranks, then the general pool; about 25% priority-eligible. */
function plan(n: number): Pool[] {
  return [{ label: 'PRIO', quota: Math.max(1, Math.floor(n / 10)) }, { label: 'GEN', quota: 'all' }];
}

/** n registrations numbered like 认购登记号 (RG2025001-0000001), in random order. */
function entrants(n: number, seed = 1): Entrant[] {
  const rnd = prng(seed);
  const out: Entrant[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { entrant_id: `RG2025001-${String(i + 1).padStart(7, '0')}`, pools: rnd() < 0.25 ? ['PRIO', 'GEN'] : ['GEN'] };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Times f: wall and CPU ms. */
function timed<T>(f: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = cpuMs(), t0 = performance.now();
  const value = f();
  return { value, wallMs: performance.now() - t0, cpuMs: cpuMs() - c0 };
}

/** In-process figures for one size (run in a child). */
function inProcess(n: number, repeat: number): Record<string, unknown> {
  const rssBefore = rssMiB();
  const pools = plan(n);
  const tsv = canonicalList(entrants(n), pools);
  const rssWithList = rssMiB();
  const runs: Record<string, number>[] = [];
  for (let k = 0; k < repeat; k++) {
    global.gc?.();
    const parse = timed(() => parseCanonicalList(tsv, pools));
    const seed = seedBytes({ project_code: 'JN-2025-001', round: 1, list_digest: listDigest(tsv), server_secret: SECRET, beacon: BEACON });
    const ranks = timed(() => rankEntrants(parse.value, seed));
    const draw = timed(() => runDraw({ project_code: 'JN-2025-001', round: 1, pools, entrants: tsv, server_secret: SECRET, beacon: BEACON }));
    const objects = timed(() => draw.value.bundle());
    const json = timed(() => draw.value.json());
    runs.push({
      drawWallMs: draw.wallMs, drawCpuMs: draw.cpuMs, parseWallMs: parse.wallMs, ranksWallMs: ranks.wallMs,
      resultObjectsWallMs: objects.wallMs, jsonBytesWallMs: json.wallMs, jsonMiB: json.value.length / 1048576,
    });
  }
  const warm = runs.slice(1).length ? runs.slice(1) : runs;
  const pick = (key: string) => ({ first: r1(runs[0][key]), median: r1(median(warm.map((r) => r[key]))), min: r1(Math.min(...warm.map((r) => r[key]))) });
  return {
    entrants: n,
    listMiB: r1(tsv.length / 1048576),
    repeat,
    draw: { wallMs: pick('drawWallMs'), cpuMs: pick('drawCpuMs') },
    parts: { parseWallMs: pick('parseWallMs'), ranksWallMs: pick('ranksWallMs'), resultObjectsWallMs: pick('resultObjectsWallMs'), jsonBytesWallMs: pick('jsonBytesWallMs') },
    lotteryJsonMiB: r1(runs[0].jsonMiB),
    rssMiB: { before: rssBefore, withList: rssWithList, peak: peakRssMiB() },
  };
}

/** Runs a command under /usr/bin/time: wall s, peak RSS, user+sys CPU. */
function timeChild(args: string[]): { wallS: number; peakRssMiB: number; cpuS: number; code: number | null; stderr: string } {
  const r = spawnSync('/usr/bin/time', ['-f', 'QLOTBENCH %e %M %U %S', process.execPath, ...args], { encoding: 'utf8' });
  const m = /QLOTBENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m) throw new Error(`no timing from /usr/bin/time: ${r.stderr}`);
  return { wallS: Number(m[1]), peakRssMiB: Math.round(Number(m[2]) / 1024), cpuS: r1(Number(m[3]) + Number(m[4])), code: r.status, stderr: r.stderr.replace(m[0], '').trim() };
}

/** The CLI draw and verify of n entrants, from a canonical and from a shuffled list. */
function cli(n: number, repeat: number): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'qlot-bench-'));
  try {
    const pools = plan(n);
    const es = entrants(n);
    const canonical = join(dir, 'canonical.tsv'), shuffled = join(dir, 'shuffled.tsv');
    writeFileSync(canonical, canonicalList(es, pools));
    writeFileSync(shuffled, es.map((e) => `${e.entrant_id}\t${e.pools.join(',')}\n`).join(''));
    writeFileSync(join(dir, 'pools.json'), JSON.stringify(pools));
    const draw = (input: string) => timeChild([BIN, 'lottery', 'draw', '--entrants', input, '--pools', join(dir, 'pools.json'), '--project', 'JN-2025-001', '--round', '1', '--secret', SECRET, '--beacon', BEACON, '--out', join(dir, 'out')]);
    const series = (f: () => ReturnType<typeof timeChild>) => {
      const runs = Array.from({ length: repeat }, f);
      if (runs.some((r) => r.code !== 0)) throw new Error(`a CLI run failed: ${runs.map((r) => r.stderr).join('\n')}`);
      return { wallS: { median: median(runs.map((r) => r.wallS)), min: Math.min(...runs.map((r) => r.wallS)), all: runs.map((r) => r.wallS) }, cpuS: median(runs.map((r) => r.cpuS)), peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)) };
    };
    const startup = series(() => timeChild([BIN, 'lottery', '--help']));
    const fromCanonical = series(() => draw(canonical));
    const fromShuffled = series(() => draw(shuffled));
    const verify = series(() => timeChild([BIN, 'lottery', 'verify', join(dir, 'out')]));
    return { entrants: n, repeat, startup, drawFromCanonical: fromCanonical, drawFromShuffled: fromShuffled, verify, lotteryJsonMiB: r1(readFileSync(join(dir, 'out', 'lottery.json')).length / 1048576) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const program = new Command()
  .option('--sizes <list>', 'list sizes, comma separated', '100000,1000000')
  .option('--repeat <n>', 'runs per measurement', '5')
  .option('--no-cli', 'skip the CLI runs')
  .option('--child <n>', '(internal) measure one size in this process and print JSON')
  .parse();
const o = program.opts<{ sizes: string; repeat: string; cli: boolean; child?: string }>();

if (o.child) {
  process.stdout.write(JSON.stringify(inProcess(Number(o.child), Number(o.repeat))));
} else {
  const sizes = o.sizes.split(',').map(Number);
  const machine = { ...machineInfo(), lscpuModel: execFileSync('sh', ['-c', "lscpu | sed -n 's/^Model name: *//p'"], { encoding: 'utf8' }).trim() };
  const inproc = sizes.map((n) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', SELF, '--child', String(n), '--repeat', o.repeat], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out) as { draw: { wallMs: { median: number } }; rssMiB: { peak: number } };
    process.stderr.write(`in-process ${n}: draw median ${r.draw.wallMs.median} ms, peak RSS ${r.rssMiB.peak} MiB\n`);
    return r;
  });
  const largest = Math.max(...sizes);
  const cliRuns = o.cli ? cli(largest, Number(o.repeat)) : null;
  if (cliRuns) process.stderr.write(`CLI ${largest}: ${JSON.stringify(cliRuns)}\n`);
  const path = writeResult('lottery', { goals: { inProcessDraw1MMs: 1500, cliDraw1MS: 4 }, inProcess: inproc, cli: cliRuns, machine, loadAvgAfter: (await import('node:os')).loadavg() });
  process.stderr.write(`wrote ${path}\n`);
}
