/**
 * `quancheng lottery freeze | draw | verify`: the QLOT-1 verification kit, offline.
 *   freeze: the list_digest and a fresh secret's commitment, to publish when the list is frozen;
 *   draw:   entrants.tsv (canonical) and lottery.json into --out;
 *   verify: checks a bundle directory, prints the first failure in Chinese and English.
 * Exit codes: 0 done / verified, 1 the bundle does not verify, 2 usage or input errors.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { LotteryInputError, type Pool, type RankProgress, canonicaliseList, generateSecret, listDigest, parsePools, runDraw, verifyBundle } from '../../lottery/index.js';

/** A list this long (about 1 MB) gets a progress bar when stderr is a terminal. */
const LARGE_LIST_BYTES = 1 << 20;

class UsageError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

function readBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`无法读取${what} ${path}`, `cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** `--pools`: inline JSON (starting with "[") or a path to a JSON file. */
function readPools(value: string): Pool[] {
  const text = value.trim().startsWith('[') ? value : readBytes(value, '摇号池文件 pools file').toString('utf8');
  try {
    return parsePools(JSON.parse(text));
  } catch (e) {
    if (e instanceof SyntaxError) throw new UsageError(`--pools 不是合法的 JSON：${e.message}`, `--pools is not valid JSON: ${e.message}`);
    throw e;
  }
}

/** A progress bar on stderr, one run per pool; a no-op unless wanted. */
function progress(wanted: boolean | undefined, listBytes: number): { onPool: RankProgress; stop(): void } {
  if (!(wanted || (process.stderr.isTTY && listBytes >= LARGE_LIST_BYTES))) return { onPool: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({ stream: process.stderr, noTTYOutput: !process.stderr.isTTY, format: '{stage} [{bar}] {percentage}% {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
  let current = '';
  return {
    onPool: (pool, done, total) => {
      if (pool !== current) {
        if (current !== '') bar.stop();
        current = pool;
        bar.start(total, 0, { stage: `摇号池 pool ${pool}` });
      }
      bar.update(done);
    },
    stop: () => { if (current !== '') bar.stop(); },
  };
}

/** Runs a command body; maps refused input and usage errors to exit 2 with both languages on stderr. */
function guarded(body: () => void): void {
  try {
    body();
  } catch (e) {
    if (e instanceof LotteryInputError) {
      process.stderr.write(`${e.problem.field}：${e.problem.message_zh}\n${e.problem.field}: ${e.problem.message_en}\n`);
    } else if (e instanceof UsageError) {
      process.stderr.write(`${e.zh}\n${e.en}\n`);
    } else throw e;
    process.exitCode = 2;
  }
}

/** Writes a file through a temporary name, so an interrupted draw leaves no half-written bundle file. */
function writeAtomic(path: string, data: Uint8Array): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

interface DrawOptions { entrants: string; pools: string; project: string; round: string; secret: string; beacon: string; out: string; progress?: boolean }

function drawCommand(o: DrawOptions): void {
  const pools = readPools(o.pools);
  if (!/^\d+$/.test(o.round)) throw new UsageError('--round 须为正整数', '--round must be a positive integer');
  const list = canonicaliseList(readBytes(o.entrants, '名单 entrants file'), pools);
  const bar = progress(o.progress, list.bytes.length);
  const d = runDraw({ project_code: o.project, round: Number(o.round), pools, entrants: list, server_secret: o.secret.toLowerCase(), beacon: o.beacon }, bar.onPool);
  bar.stop();
  mkdirSync(o.out, { recursive: true });
  writeAtomic(join(o.out, 'entrants.tsv'), d.entrantsTsv);
  writeAtomic(join(o.out, 'lottery.json'), d.json());
  const h = d.header;
  process.stdout.write(`entrants ${list.count}\nlist_digest ${h.list_digest}\ncommitment ${h.commitment}\nseed ${h.seed}\nbundle ${join(o.out, 'entrants.tsv')} ${join(o.out, 'lottery.json')}\n`);
}

function verifyCommand(dir: string, o: { json?: boolean; progress?: boolean }): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} 不是目录`, `${dir} is not a directory`);
  const file = (name: string) => join(dir, name);
  const missing = ['entrants.tsv', 'lottery.json'].filter((n) => !existsSync(file(n)));
  const tsv = missing.length ? null : readBytes(file('entrants.tsv'), 'entrants.tsv');
  const bar = progress(o.progress, tsv?.length ?? 0);
  const v = tsv
    ? verifyBundle({ entrantsTsv: tsv, lotteryJson: readBytes(file('lottery.json'), 'lottery.json') }, bar.onPool)
    : { ok: false as const, step: 1 as const, code: 'file_missing', message_zh: `缺少 ${missing.join('、')}`, message_en: `${missing.join(' and ')} missing from ${dir}` };
  bar.stop();
  if (o.json) process.stdout.write(`${JSON.stringify(v)}\n`);
  else if (v.ok) process.stdout.write(`验证通过：${v.entrants} 人的排序与公布一致，种子 ${v.seed}\nverified: the ranks of all ${v.entrants} entrants are as published; seed ${v.seed}\n`);
  else process.stdout.write(`第 ${v.step} 步未通过：${v.message_zh}\nstep ${v.step} failed: ${v.message_en}\n`);
  process.exitCode = v.ok ? 0 : 1;
}

function freezeCommand(o: { entrants: string; pools: string; secretOut: string }): void {
  const list = canonicaliseList(readBytes(o.entrants, '名单 entrants file'), readPools(o.pools));
  if (existsSync(o.secretOut)) throw new UsageError(`${o.secretOut} 已存在，不覆盖密钥`, `${o.secretOut} exists; a secret is never overwritten`);
  const s = generateSecret(randomBytes);
  writeFileSync(o.secretOut, `${s.server_secret}\n`, { mode: 0o600, flag: 'wx' });
  process.stdout.write(`entrants ${list.count}\nlist_digest ${listDigest(list.bytes)}\ncommitment ${s.commitment}\nsecret written to ${o.secretOut} (keep it until the draw)\n`);
}

/** Registers `lottery freeze`, `lottery draw` and `lottery verify`. */
export function registerLottery(program: Command): void {
  const cmd = program.command('lottery').description('摇号 QLOT-1: freeze a list, draw, verify a published bundle (offline)');
  cmd
    .command('freeze')
    .description('冻结名单：输出 list_digest 与新密钥的 commitment / Freeze: list_digest and a fresh secret\'s commitment')
    .requiredOption('--entrants <tsv>', '名单 the entrants list (any line order)')
    .requiredOption('--pools <json>', '摇号池 JSON [{"label","quota"}], inline or a file path')
    .requiredOption('--secret-out <file>', '密钥写入的文件 where to write the secret (created, never overwritten)')
    .action((o) => guarded(() => freezeCommand(o)));
  cmd
    .command('draw')
    .description('摇号：写出 entrants.tsv 与 lottery.json / Draw: write entrants.tsv and lottery.json')
    .requiredOption('--entrants <tsv>', '名单 the entrants list (any line order; canonicalised)')
    .requiredOption('--pools <json>', '摇号池 JSON [{"label","quota"}], inline or a file path')
    .requiredOption('--project <code>', '项目编号 project_code')
    .requiredOption('--round <n>', '轮次 round')
    .requiredOption('--secret <hex>', '服务器密钥 server_secret, 64 hex digits')
    .requiredOption('--beacon <text>', '信标 the beacon, e.g. digits drawn under a notary')
    .requiredOption('--out <dir>', '输出目录 the bundle directory')
    .option('--progress', '显示进度条 show a progress bar even when stderr is not a terminal')
    .action((o: DrawOptions) => guarded(() => drawCommand(o)));
  cmd
    .command('verify <dir>')
    .description('验证公示包 / Verify a bundle directory (entrants.tsv, lottery.json); exit 0 only when it verifies')
    .option('--json', '以 JSON 输出结果 print the verdict as JSON')
    .option('--progress', '显示进度条 show a progress bar even when stderr is not a terminal')
    .action((dir: string, o: { json?: boolean; progress?: boolean }) => guarded(() => verifyCommand(dir, o)));
}
