/**
 * Verifying a QLOT-1 bundle in the browser (../shared/specs/lottery-qlot1.md section 6), written
 * apart from the server's src/lottery (which needs Node's Buffer and crypto), so that the page
 * checks the platform with code that is not the platform's. The four checks run in the spec's
 * order and stop at the first failure; every check is reported in words: passed, failed (why),
 * or not checked because an earlier one failed.
 */
import { type EntrantList, Refusal, idOf, parseList, parsePools } from './list';
import { type RankProgress, rankEntrants } from './ranks';
import { fromHex, sha256, toHex } from './sha256';

/** One of the four checks. */
export interface Check {
  step: 1 | 2 | 3 | 4;
  title_zh: string;
  title_en: string;
  state: 'pass' | 'fail' | 'skipped';
  message_zh: string;
  message_en: string;
}

/** The report: ok when all four pass. */
export interface Report { ok: boolean; checks: Check[]; entrants?: number; seed?: string }

/** Progress of the long parts: hashing the list (step 1) and the keys (step 4). */
export type Progress = (p: { step: 1 | 4; label: string; done: number; total: number }) => void;

const TITLES: Record<1 | 2 | 3 | 4, [string, string]> = {
  1: ['名单未被改动且格式规范', 'the list is unchanged and canonical'],
  2: ['公开的密钥与事先公布的承诺值一致', 'the revealed secret matches the commitment published before the draw'],
  3: ['种子由公开数据重新计算一致', 'the seed recomputes from the published values'],
  4: ['每个名次重新计算一致', 'every rank recomputes'],
};
const HEX32 = /^[0-9a-f]{64}$/;
const CODE = /^[A-Za-z0-9_-]{1,64}$/;

class Fail extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}
const hex32 = (v: unknown, name: string): string => {
  if (typeof v !== 'string' || !HEX32.test(v)) throw new Fail(`${name} 须为 64 位小写十六进制`, `${name} must be 64 lowercase hex digits`);
  return v;
};
const refused = <T>(f: () => T): T => {
  try {
    return f();
  } catch (e) {
    if (e instanceof Refusal) throw new Fail(e.zh, e.en);
    throw e;
  }
};

function parseBundle(json: string | Uint8Array | unknown): Record<string, unknown> {
  let v = json;
  if (typeof v === 'string' || v instanceof Uint8Array) {
    try {
      v = JSON.parse(typeof v === 'string' ? v : new TextDecoder('utf-8', { fatal: true }).decode(v));
    } catch (e) {
      throw new Fail(`lottery.json 不是合法的 JSON（${(e as Error).message}）`, `lottery.json is not valid JSON (${(e as Error).message})`);
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Fail('lottery.json 须为 JSON 对象', 'lottery.json must be a JSON object');
  const b = v as Record<string, unknown>;
  if (b.spec !== 'QLOT-1') throw new Fail(`spec 为 ${JSON.stringify(b.spec)}，不是 "QLOT-1"`, `spec is ${JSON.stringify(b.spec)}, not "QLOT-1"`);
  return b;
}

function step1(b: Record<string, unknown>, tsv: Uint8Array, onProgress?: Progress): EntrantList {
  const pools = refused(() => parsePools(b.pools));
  const digest = hex32(b.list_digest, 'list_digest');
  const actual = toHex(sha256(tsv, onProgress && ((d) => onProgress({ step: 1, label: 'entrants.tsv', done: d, total: tsv.length }))));
  if (actual !== digest) throw new Fail(`entrants.tsv 的 SHA-256 为 ${actual}，与公布的 list_digest ${digest} 不符：名单被改动过`, `the SHA-256 of entrants.tsv is ${actual}, not the published list_digest ${digest}: the list was changed`);
  return refused(() => parseList(tsv, pools));
}

function step2(b: Record<string, unknown>): void {
  const secret = hex32(b.server_secret, 'server_secret');
  const commit = hex32(b.commitment, 'commitment');
  const actual = toHex(sha256(fromHex(secret)));
  if (actual !== commit) throw new Fail(`公开的密钥的 SHA-256 为 ${actual}，与事先公布的 commitment ${commit} 不符：密钥被更换过`, `the SHA-256 of the revealed secret is ${actual}, not the commitment ${commit}: the secret was changed`);
}

function step3(b: Record<string, unknown>): Uint8Array {
  const claimed = hex32(b.seed, 'seed');
  const { project_code: code, round, beacon } = b;
  if (typeof code !== 'string' || !CODE.test(code)) throw new Fail('project_code 须匹配 ^[A-Za-z0-9_-]{1,64}$', 'project_code must match ^[A-Za-z0-9_-]{1,64}$');
  if (typeof round !== 'number' || !Number.isSafeInteger(round) || round < 1) throw new Fail('round 须为正整数', 'round must be a positive integer');
  const enc = new TextEncoder();
  const beaconBytes = typeof beacon === 'string' ? enc.encode(beacon) : null;
  if (beaconBytes === null || new TextDecoder().decode(beaconBytes) !== beacon || beaconBytes.length < 1 || beaconBytes.length > 256 || (beacon as string).includes('\n')) {
    throw new Fail('beacon 须为 1 至 256 字节的 UTF-8 文本且不含换行', 'beacon must be 1 to 256 UTF-8 bytes without LF');
  }
  const seed = sha256(enc.encode(`QLOT-1\n${code}\n${round}\n${b.list_digest}\n${b.server_secret}\n${beacon}\n`));
  const actual = toHex(seed);
  if (actual !== claimed) throw new Fail(`重新计算的种子为 ${actual}，与公布的 seed ${claimed} 不符`, `the recomputed seed is ${actual}, not the published seed ${claimed}`);
  return seed;
}

const show = (r: unknown) => {
  if (typeof r !== 'object' || r === null) return JSON.stringify(r);
  const { rank, entrant_id, pool } = r as Record<string, unknown>;
  return `${JSON.stringify(entrant_id)}（${JSON.stringify(pool)}，第 ${JSON.stringify(rank)} 名）`;
};

function step4(b: Record<string, unknown>, list: EntrantList, seed: Uint8Array, onProgress?: Progress): void {
  const results = b.results;
  if (!Array.isArray(results)) throw new Fail('results 须为数组', 'results must be an array');
  const rp: RankProgress | undefined = onProgress && ((label, done, total) => onProgress({ step: 4, label, done, total }));
  const ranking = rankEntrants(list, seed, rp);
  for (let r = 0; r < list.count; r++) {
    const id = idOf(list, ranking.entrant[r]);
    const pool = list.pools[ranking.pool[r]].label;
    const got = results[r] as Record<string, unknown> | undefined;
    if (got === undefined) throw new Fail(`results 只有 ${results.length} 项，名单有 ${list.count} 人；第 ${r + 1} 名应为 ${id}（${pool}）`, `results has ${results.length} entries for ${list.count} entrants; rank ${r + 1} should be ${id} (${pool})`);
    if (typeof got !== 'object' || got === null || got.rank !== r + 1 || got.entrant_id !== id || got.pool !== pool) {
      throw new Fail(`第 ${r + 1} 项不符：公布为 ${show(got)}，重新计算应为第 ${r + 1} 名 ${id}（${pool} 池）`, `results entry ${r + 1} differs: recomputed rank ${r + 1} is ${id} (pool ${pool})`);
    }
  }
  if (results.length > list.count) throw new Fail(`results 有 ${results.length} 项，多于名单的 ${list.count} 人`, `results has ${results.length} entries, more than the ${list.count} entrants`);
}

/** Verifies entrants.tsv bytes against lottery.json (text, bytes or parsed); never throws on bad content. */
export function verifyQlot1(tsv: Uint8Array, json: string | Uint8Array | unknown, onProgress?: Progress): Report {
  const checks: Check[] = ([1, 2, 3, 4] as const).map((step) => ({
    step, title_zh: TITLES[step][0], title_en: TITLES[step][1], state: 'skipped', message_zh: '因前一项未通过，未检查', message_en: 'not checked: an earlier check failed',
  }));
  let step: 1 | 2 | 3 | 4 = 1;
  const pass = (zh: string, en: string) => Object.assign(checks[step - 1], { state: 'pass', message_zh: zh, message_en: en });
  try {
    const b = parseBundle(json);
    const list = step1(b, tsv, onProgress);
    pass(`entrants.tsv 的 SHA-256 等于 list_digest；${list.count} 人，按登记号排序，无重复，池标签合规`, `entrants.tsv hashes to list_digest; ${list.count} entrants, sorted, no duplicates, labels valid`);
    step = 2;
    step2(b);
    pass('server_secret 的 SHA-256 等于摇号前公布的 commitment', 'the SHA-256 of server_secret equals the commitment published before the draw');
    step = 3;
    const seed = step3(b);
    pass(`由项目编号、轮次、名单摘要、密钥与信标重新计算的种子等于 ${toHex(seed)}`, `the seed recomputed from project_code, round, list_digest, server_secret and beacon is ${toHex(seed)}`);
    step = 4;
    step4(b, list, seed, onProgress);
    pass(`全部 ${list.count} 个名次与重新计算的结果逐项一致`, `all ${list.count} ranks equal the recomputed ranks`);
    return { ok: true, checks, entrants: list.count, seed: toHex(seed) };
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    Object.assign(checks[step - 1], { state: 'fail', message_zh: e.zh, message_en: e.en });
    return { ok: false, checks };
  }
}
