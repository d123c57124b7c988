/**
 * The frozen list (QLOT-1 section 2): canonical bytes, one `<entrant_id> TAB <labels> LF` line per
 * entrant, sorted by entrant_id bytes. `parseCanonicalList` accepts those bytes only (what a
 * verifier must do); entrants.ts builds them from records or from a loosely written file.
 * The parsed form keeps offsets into the bytes instead of a string per entrant: a million
 * entrants cost a few typed arrays.
 */
import { type Pool } from './pools.js';
import { refuse } from './problem.js';

/** A canonical list, parsed: entrant i's id is bytes[idStart[i], idStart[i]+idLen[i]). */
export interface EntrantList {
  readonly bytes: Buffer;
  readonly count: number;
  readonly idStart: Uint32Array;
  readonly idLen: Uint8Array;
  /** Entrant i's label set, an index into labelSets. */
  readonly labelSet: Uint32Array;
  /** The distinct label fields as written, e.g. "PRIO,GEN". */
  readonly labelSets: string[];
  /** eligible[s * pools.length + p] is 1 when label set s names pool p. */
  readonly eligible: Uint8Array;
  readonly pools: Pool[];
}

const TAB = 0x09, LF = 0x0a, CR = 0x0d;
/** Bytes allowed in an entrant_id: A-Z a-z 0-9 _ - (section 1). */
export const ID_BYTE = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-') ID_BYTE[c.charCodeAt(0)] = 1;

/**
 * Checks one label field (labels joined by ",") against the plan and returns the pool indexes it
 * names. With `anyOrder` the labels may come in any order (they are returned in plan order).
 */
export function labelSetPools(field: string, pools: Pool[], line?: number, anyOrder = false): number[] {
  if (field.includes('\r')) refuse('entrants', 'crlf', '行以 CR LF 结尾；须只用 LF', 'the line ends with CR LF; lines must end with LF only', line);
  const known = pools.map((p) => p.label);
  const idx: number[] = [];
  for (const label of field.split(',')) {
    const p = known.indexOf(label);
    if (label === '') refuse('entrants', 'label_empty', '池标签为空（逗号多余或缺标签）', 'an empty pool label (a stray comma, or no labels)', line);
    if (p < 0) refuse('entrants', 'label_unknown', `未知的池标签 ${JSON.stringify(label)}（方案中的池：${known.join(',')}）`, `unknown pool label ${JSON.stringify(label)} (the plan's pools: ${known.join(',')})`, line);
    if (idx.includes(p)) refuse('entrants', 'label_repeated', `池标签 ${label} 重复`, `pool label ${label} appears twice`, line);
    if (!anyOrder && idx.length > 0 && p < idx[idx.length - 1]) {
      refuse('entrants', 'label_order', `池标签须按方案顺序排列：${label} 应在 ${known[idx[idx.length - 1]]} 之前`, `pool labels must follow the plan's order: ${label} comes before ${known[idx[idx.length - 1]]}`, line);
    }
    idx.push(p);
  }
  const last = pools.length - 1;
  if (!idx.includes(last)) {
    refuse('entrants', 'last_pool_missing', `未列入最后一个池 ${known[last]}（普通池须覆盖全部参与者）`, `not eligible for the last pool ${known[last]} (the general pool must cover every entrant)`, line);
  }
  return idx.sort((a, b) => a - b);
}

/** -1, 0, 1 as bytes a[as, as+al) compare with b[bs, bs+bl). */
export function compareBytes(a: Uint8Array, as: number, al: number, b: Uint8Array, bs: number, bl: number): number {
  const n = Math.min(al, bl);
  for (let i = 0; i < n; i++) {
    const d = a[as + i] - b[bs + i];
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return al === bl ? 0 : al < bl ? -1 : 1;
}

/** The entrant_id of entrant i. */
export function entrantId(list: EntrantList, i: number): string {
  return list.bytes.toString('latin1', list.idStart[i], list.idStart[i] + list.idLen[i]);
}

function describeByte(b: number): { zh: string; en: string } {
  if (b === CR) return { zh: '回车符 CR（须只用 LF 换行）', en: 'a carriage return CR (lines end with LF only)' };
  if (b === 0x20) return { zh: '空格', en: 'a space' };
  if (b >= 0x80) return { zh: `非 ASCII 字节 0x${b.toString(16)}`, en: `a non-ASCII byte 0x${b.toString(16)}` };
  return { zh: `字符 ${JSON.stringify(String.fromCharCode(b))}`, en: `the character ${JSON.stringify(String.fromCharCode(b))}` };
}

/**
 * Parses canonical list bytes (section 2) against the plan; throws LotteryInputError naming the
 * first offending line: not sorted, duplicate, bad id, no TAB, unknown or misordered labels,
 * a line without the last pool, a missing final LF, an empty list.
 */
export function parseCanonicalList(data: Uint8Array, pools: Pool[]): EntrantList {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length === 0) refuse('entrants', 'list_empty', '名单为空', 'the list is empty');
  let lines = 0;
  for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) lines++;
  if (bytes[bytes.length - 1] !== LF) refuse('entrants', 'no_final_lf', '最后一行须以 LF 结尾', 'the last line must end with LF', lines + 1);
  const idStart = new Uint32Array(lines);
  const idLen = new Uint8Array(lines);
  const labelSet = new Uint32Array(lines);
  const labelSets: string[] = [];
  const setOf = new Map<string, number>();
  const setStart: number[] = [];
  const setLen: number[] = [];
  const eligibleRows: number[][] = [];
  let pos = 0;
  for (let i = 0; i < lines; i++) {
    const line = i + 1;
    let j = pos;
    while (ID_BYTE[bytes[j]] === 1) j++;
    const len = j - pos;
    if (bytes[j] !== TAB) {
      if (bytes[j] === LF) refuse('entrants', 'no_tab', len === 0 ? '空行' : '缺少 entrant_id 与池标签之间的 TAB', len === 0 ? 'an empty line' : 'no TAB between entrant_id and the pool labels', line);
      const d = describeByte(bytes[j]);
      refuse('entrants', 'id_invalid', `entrant_id 含${d.zh}；须匹配 ^[A-Za-z0-9_-]{1,64}$`, `the entrant_id holds ${d.en}; it must match ^[A-Za-z0-9_-]{1,64}$`, line);
    }
    if (len === 0) refuse('entrants', 'id_empty', 'entrant_id 为空', 'the entrant_id is empty', line);
    if (len > 64) refuse('entrants', 'id_too_long', `entrant_id 长 ${len} 字节，最多 64`, `the entrant_id is ${len} bytes long; at most 64`, line);
    const lf = bytes.indexOf(LF, j + 1);
    // A list has a handful of distinct label fields: match their bytes before making a string.
    let s = -1;
    const scan = Math.min(setStart.length, 8);
    for (let k = 0; k < scan && s < 0; k++) {
      if (compareBytes(bytes, setStart[k], setLen[k], bytes, j + 1, lf - j - 1) === 0) s = k;
    }
    const field = s < 0 ? bytes.toString('latin1', j + 1, lf) : '';
    if (s < 0) s = setOf.get(field) ?? -1;
    if (s < 0) {
      if (field.includes('\t')) refuse('entrants', 'extra_tab', '一行只能有一个 TAB', 'a line holds one TAB only', line);
      eligibleRows.push(labelSetPools(field, pools, line));
      s = labelSets.push(field) - 1;
      setOf.set(field, s);
      setStart.push(j + 1);
      setLen.push(lf - j - 1);
    }
    if (i > 0) {
      const c = compareBytes(bytes, idStart[i - 1], idLen[i - 1], bytes, pos, len);
      const id = c >= 0 ? bytes.toString('latin1', pos, j) : '';
      if (c === 0) refuse('entrants', 'duplicate', `entrant_id ${id} 重复（与第 ${i} 行相同）`, `entrant_id ${id} appears again (as on line ${i})`, line);
      if (c > 0) {
        const prev = bytes.toString('latin1', idStart[i - 1], idStart[i - 1] + idLen[i - 1]);
        refuse('entrants', 'not_sorted', `未按 entrant_id 字节升序排列：${id} 排在 ${prev}（第 ${i} 行）之后`, `not sorted by entrant_id bytes: ${id} comes after ${prev} (line ${i})`, line);
      }
    }
    idStart[i] = pos;
    idLen[i] = len;
    labelSet[i] = s;
    pos = lf + 1;
  }
  const eligible = new Uint8Array(labelSets.length * pools.length);
  eligibleRows.forEach((row, s) => { for (const p of row) eligible[s * pools.length + p] = 1; });
  return { bytes, count: lines, idStart, idLen, labelSet, labelSets, eligible, pools };
}
