/**
 * QLOT-1 sections 1 and 2 for the browser verifier: the pools of lottery.json and the canonical
 * entrants.tsv (`<entrant_id> TAB <labels in plan order> LF`, sorted by id bytes, no duplicates,
 * every line naming the last pool). Refusals are thrown as `Refusal` with Chinese and English.
 */

/** A refused input: what is wrong, in both languages. */
export class Refusal extends Error {
  constructor(readonly code: string, readonly zh: string, readonly en: string) {
    super(en);
    this.name = 'Refusal';
  }
}

/** One pool of the plan (section 5 shape). */
export interface Pool { label: string; quota: number | 'all' }

/** The parsed list: entrant i's id is bytes[idStart[i], idStart[i] + idLen[i]). */
export interface EntrantList {
  bytes: Uint8Array;
  count: number;
  idStart: Uint32Array;
  idLen: Uint8Array;
  /** eligible[i * pools.length + p] = 1 when entrant i is in pool p. */
  eligible: Uint8Array;
  pools: Pool[];
}

const LABEL_RE = /^[A-Za-z0-9_-]{1,32}$/;
const ID_BYTE = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-') ID_BYTE[c.charCodeAt(0)] = 1;
const TAB = 0x09, LF = 0x0a;

/** Checks the pools of lottery.json (section 1). */
export function parsePools(value: unknown): Pool[] {
  if (!Array.isArray(value) || value.length === 0) throw new Refusal('pools_not_list', 'pools 须为非空数组 [{"label","quota"}]', 'pools must be a non-empty array [{"label","quota"}]');
  const seen = new Set<string>();
  const pools = value.map((p: unknown, i) => {
    const { label, quota } = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
    if (typeof label !== 'string' || !LABEL_RE.test(label)) throw new Refusal('pool_label_invalid', `第 ${i + 1} 个池的标签 ${JSON.stringify(label)} 须匹配 ^[A-Za-z0-9_-]{1,32}$`, `pool ${i + 1}: label ${JSON.stringify(label)} must match ^[A-Za-z0-9_-]{1,32}$`);
    if (seen.has(label)) throw new Refusal('pool_label_repeated', `池标签 ${label} 重复`, `pool label ${label} appears twice`);
    seen.add(label);
    if (quota !== 'all' && !(typeof quota === 'number' && Number.isSafeInteger(quota) && quota > 0)) {
      throw new Refusal('pool_quota_invalid', `池 ${label} 的名额须为正整数或 "all"`, `pool ${label}: quota must be a positive integer or "all"`);
    }
    return { label, quota: quota as number | 'all' };
  });
  if (pools[pools.length - 1].quota !== 'all') throw new Refusal('last_pool_not_all', '最后一个池的名额须为 "all"', 'the last pool must have quota "all"');
  return pools;
}

const latin1 = (b: Uint8Array, s: number, e: number) => String.fromCharCode(...b.subarray(s, e));

/** -1, 0, 1 as a[as, as+al) compares with b[bs, bs+bl), bytewise. */
export function compareBytes(a: Uint8Array, as: number, al: number, b: Uint8Array, bs: number, bl: number): number {
  const n = Math.min(al, bl);
  for (let i = 0; i < n; i++) {
    const d = a[as + i] - b[bs + i];
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return al === bl ? 0 : al < bl ? -1 : 1;
}

/** The pool indexes a label field names, checked against the plan (known, unique, in order, with the last pool). */
function labelSet(field: string, pools: Pool[], line: number): number[] {
  const known = pools.map((p) => p.label);
  const idx: number[] = [];
  for (const label of field.split(',')) {
    const p = known.indexOf(label);
    if (p < 0) throw new Refusal('label_unknown', `第 ${line} 行：未知的池标签 ${JSON.stringify(label)}`, `line ${line}: unknown pool label ${JSON.stringify(label)}`);
    if (idx.length > 0 && p <= idx[idx.length - 1]) throw new Refusal('label_order', `第 ${line} 行：池标签须按方案顺序且不重复`, `line ${line}: pool labels must follow the plan's order without repeats`);
    idx.push(p);
  }
  if (idx[idx.length - 1] !== pools.length - 1) throw new Refusal('last_pool_missing', `第 ${line} 行：未列入最后一个池 ${known[known.length - 1]}`, `line ${line}: not in the last pool ${known[known.length - 1]}`);
  return idx;
}

/** Parses canonical list bytes; throws a Refusal naming the first bad line. */
export function parseList(bytes: Uint8Array, pools: Pool[]): EntrantList {
  if (bytes.length === 0) throw new Refusal('list_empty', '名单为空', 'the list is empty');
  if (bytes[bytes.length - 1] !== LF) throw new Refusal('no_final_lf', '最后一行须以 LF 结尾', 'the last line must end with LF');
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === LF) count++;
  const idStart = new Uint32Array(count), idLen = new Uint8Array(count);
  const P = pools.length;
  const eligible = new Uint8Array(count * P);
  const sets = new Map<string, number[]>();
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const line = i + 1;
    let j = pos;
    while (ID_BYTE[bytes[j]] === 1) j++;
    const len = j - pos;
    if (bytes[j] !== TAB) throw new Refusal('bad_line', `第 ${line} 行：entrant_id 须匹配 ^[A-Za-z0-9_-]{1,64}$，其后为一个 TAB`, `line ${line}: the entrant_id must match ^[A-Za-z0-9_-]{1,64}$ and be followed by one TAB`);
    if (len === 0 || len > 64) throw new Refusal('id_length', `第 ${line} 行：entrant_id 长度须为 1 至 64`, `line ${line}: the entrant_id must be 1 to 64 bytes`);
    let lf = j + 1;
    while (bytes[lf] !== LF) lf++;
    const field = latin1(bytes, j + 1, lf);
    let set = sets.get(field);
    if (set === undefined) {
      if (field.includes('\t') || field.includes('\r')) throw new Refusal('bad_line', `第 ${line} 行：只能有一个 TAB，且只用 LF 换行`, `line ${line}: one TAB only, lines end with LF only`);
      set = labelSet(field, pools, line);
      sets.set(field, set);
    }
    for (const p of set) eligible[i * P + p] = 1;
    if (i > 0) {
      const c = compareBytes(bytes, idStart[i - 1], idLen[i - 1], bytes, pos, len);
      if (c >= 0) throw new Refusal(c === 0 ? 'duplicate' : 'not_sorted', `第 ${line} 行：${latin1(bytes, pos, j)} ${c === 0 ? '重复' : '未按 entrant_id 字节升序排列'}`, `line ${line}: ${latin1(bytes, pos, j)} ${c === 0 ? 'appears twice' : 'is out of byte order'}`);
    }
    idStart[i] = pos;
    idLen[i] = len;
    pos = lf + 1;
  }
  return { bytes, count, idStart, idLen, eligible, pools };
}

/** Entrant i's id as a string. */
export const idOf = (l: EntrantList, i: number) => latin1(l.bytes, l.idStart[i], l.idStart[i] + l.idLen[i]);
