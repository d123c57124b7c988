/**
 * Verifying a published bundle (QLOT-1 section 6), in the spec's order, stopping at the first
 * failure and saying what failed in Chinese and English:
 *   1. entrants.tsv hashes to list_digest and is canonical for the plan;
 *   2. the revealed secret hashes to commitment;
 *   3. the seed recomputed from section 3 equals seed;
 *   4. the ranks recomputed from section 4 equal results, entry by entry.
 * A malformed field fails the step that first uses it.
 */
import { type EntrantList, parseCanonicalList } from './list.js';
import { type Pool, parsePools } from './pools.js';
import { LotteryInputError } from './problem.js';
import { type RankProgress, rankEntrants } from './ranks.js';
import { checkHex32, commitment, listDigest, seedBytes } from './seed.js';

/** The two files of a bundle; lottery.json as text, bytes or already parsed. */
export interface BundleFiles {
  entrantsTsv: Uint8Array;
  lotteryJson: string | Uint8Array | unknown;
}

/** The verdict: ok, or the first failed step in words. */
export type Verification =
  | { ok: true; entrants: number; seed: string }
  | { ok: false; step: 1 | 2 | 3 | 4; code: string; message_zh: string; message_en: string };

class StepFailure extends Error {
  constructor(readonly step: 1 | 2 | 3 | 4, readonly code: string, readonly zh: string, readonly en: string) {
    super(en);
  }
}

/** Runs f; a LotteryInputError it throws becomes a failure of `step`. */
function at<T>(step: 1 | 2 | 3 | 4, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof LotteryInputError) throw new StepFailure(step, e.problem.code, e.problem.message_zh, e.problem.message_en);
    throw e;
  }
}

function parseJson(value: BundleFiles['lotteryJson']): Record<string, unknown> {
  let v = value;
  if (typeof v === 'string' || v instanceof Uint8Array) {
    try {
      v = JSON.parse(typeof v === 'string' ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf8'));
    } catch (e) {
      throw new StepFailure(1, 'json_invalid', `lottery.json 不是合法的 JSON（${(e as Error).message}）`, `lottery.json is not valid JSON (${(e as Error).message})`);
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new StepFailure(1, 'json_not_object', 'lottery.json 须为 JSON 对象', 'lottery.json must be a JSON object');
  const b = v as Record<string, unknown>;
  if (b.spec !== 'QLOT-1') throw new StepFailure(1, 'spec_unknown', `spec 为 ${JSON.stringify(b.spec)}，不是 "QLOT-1"`, `spec is ${JSON.stringify(b.spec)}, not "QLOT-1"`);
  return b;
}

function step1(b: Record<string, unknown>, tsv: Uint8Array): EntrantList {
  const pools: Pool[] = at(1, () => parsePools(b.pools));
  const digest = at(1, () => checkHex32('list_digest', b.list_digest, '名单摘要 list_digest '));
  const actual = listDigest(tsv);
  if (actual !== digest) {
    throw new StepFailure(1, 'list_digest_mismatch', `entrants.tsv 的 SHA-256 为 ${actual}，与公布的 list_digest ${digest} 不符：名单被改动过`, `the SHA-256 of entrants.tsv is ${actual}, not the published list_digest ${digest}: the list was changed`);
  }
  return at(1, () => parseCanonicalList(tsv, pools));
}

function step2(b: Record<string, unknown>): void {
  const secret = at(2, () => checkHex32('server_secret', b.server_secret, '服务器密钥 server_secret '));
  const commit = at(2, () => checkHex32('commitment', b.commitment, '承诺值 commitment '));
  const actual = commitment(secret);
  if (actual !== commit) {
    throw new StepFailure(2, 'commitment_mismatch', `公开的密钥的 SHA-256 为 ${actual}，与事先公布的 commitment ${commit} 不符：密钥被更换过`, `the SHA-256 of the revealed secret is ${actual}, not the commitment ${commit} published before the draw: the secret was changed`);
  }
}

function step3(b: Record<string, unknown>): Buffer {
  const claimed = at(3, () => checkHex32('seed', b.seed, '种子 seed '));
  const seed = at(3, () => seedBytes({ project_code: b.project_code as string, round: b.round as number, list_digest: b.list_digest as string, server_secret: b.server_secret as string, beacon: b.beacon as string }));
  const actual = seed.toString('hex');
  if (actual !== claimed) {
    throw new StepFailure(3, 'seed_mismatch', `由项目编号、轮次、名单摘要、密钥与信标重新计算的种子为 ${actual}，与公布的 seed ${claimed} 不符`, `the seed recomputed from project_code, round, list_digest, server_secret and beacon is ${actual}, not the published seed ${claimed}`);
  }
  return seed;
}

function describe(r: unknown): string {
  if (typeof r !== 'object' || r === null) return JSON.stringify(r);
  const { rank, entrant_id, pool } = r as Record<string, unknown>;
  return `${JSON.stringify(entrant_id)} (${JSON.stringify(pool)}, rank ${JSON.stringify(rank)})`;
}

function step4(b: Record<string, unknown>, list: EntrantList, seed: Buffer, onProgress?: RankProgress): void {
  const results = b.results;
  if (!Array.isArray(results)) throw new StepFailure(4, 'results_not_list', 'results 须为数组', 'results must be an array');
  const ranking = rankEntrants(list, seed, { onProgress });
  const { bytes, idStart, idLen } = list;
  for (let r = 0; r < list.count; r++) {
    const i = ranking.entrant[r];
    const id = bytes.toString('latin1', idStart[i], idStart[i] + idLen[i]);
    const pool = list.pools[ranking.pool[r]].label;
    const got = results[r] as Record<string, unknown> | undefined;
    if (got === undefined) {
      throw new StepFailure(4, 'results_short', `results 只有 ${results.length} 项，名单有 ${list.count} 人；第 ${r + 1} 名应为 ${id}（${pool}）`, `results has ${results.length} entries for ${list.count} entrants; rank ${r + 1} should be ${id} (${pool})`);
    }
    if (typeof got !== 'object' || got === null || got.rank !== r + 1 || got.entrant_id !== id || got.pool !== pool) {
      throw new StepFailure(4, 'rank_mismatch', `第 ${r + 1} 项不符：公布为 ${describe(got)}，重新计算应为第 ${r + 1} 名 ${id}（池 ${pool}）`, `results entry ${r + 1} differs: the bundle has ${describe(got)}, recomputed rank ${r + 1} is ${id} (pool ${pool})`);
    }
  }
  if (results.length > list.count) {
    throw new StepFailure(4, 'results_long', `results 有 ${results.length} 项，多于名单的 ${list.count} 人`, `results has ${results.length} entries, more than the ${list.count} entrants`);
  }
}

/** Verifies a bundle; never throws on bad content, reports the first failed step instead. */
export function verifyBundle(files: BundleFiles, onProgress?: RankProgress): Verification {
  try {
    const b = parseJson(files.lotteryJson);
    const list = step1(b, files.entrantsTsv);
    step2(b);
    const seed = step3(b);
    step4(b, list, seed, onProgress);
    return { ok: true, entrants: list.count, seed: seed.toString('hex') };
  } catch (e) {
    if (!(e instanceof StepFailure)) throw e;
    return { ok: false, step: e.step, code: e.code, message_zh: e.zh, message_en: e.en };
  }
}

