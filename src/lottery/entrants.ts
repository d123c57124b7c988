/**
 * Building the canonical list (QLOT-1 section 2) from entrant records, or from a list written
 * loosely (any line order, labels in any order, CRLF, a BOM, blank lines): the platform's export
 * and the CLI's `--entrants` file. Duplicates, unknown labels and entrants missing the general
 * pool are refused, never repaired: eligibility is decided before the list is frozen.
 */
import { ID_BYTE, compareBytes, labelSetPools, parseCanonicalList, type EntrantList } from './list.js';
import { type Pool } from './pools.js';
import { sortIds } from './sort-ids.js';
import { LotteryInputError, refuse } from './problem.js';

/** One entrant: its registration number and the labels of the pools it is eligible for. */
export interface Entrant {
  entrant_id: string;
  pools: string[];
}

function checkId(id: unknown, line?: number): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) {
    refuse('entrants', 'id_invalid', `entrant_id ${JSON.stringify(id)} 须匹配 ^[A-Za-z0-9_-]{1,64}$`, `entrant_id ${JSON.stringify(id)} must match ^[A-Za-z0-9_-]{1,64}$`, line);
  }
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c > 255 || ID_BYTE[c] !== 1) refuse('entrants', 'id_invalid', `entrant_id ${JSON.stringify(id)} 须匹配 ^[A-Za-z0-9_-]{1,64}$`, `entrant_id ${JSON.stringify(id)} must match ^[A-Za-z0-9_-]{1,64}$`, line);
  }
  return id;
}

/** Ids in one buffer, and per entrant its canonical label field (an index into `fields`). */
interface Gathered {
  bytes: Uint8Array;
  start: Uint32Array;
  len: Uint8Array;
  field: Uint32Array;
  fields: Buffer[];
  /** Input line of each entrant, for messages (loose files). */
  lines?: Uint32Array;
}

/** The index of the canonical form of a label field written in any order (added when new). */
function fieldIndex(raw: string, pools: Pool[], cache: Map<string, number>, fields: Buffer[], line?: number): number {
  let f = cache.get(raw);
  if (f === undefined) {
    const canonical = labelSetPools(raw, pools, line, true).map((p) => pools[p].label).join(',');
    f = fields.findIndex((b) => b.toString('latin1') === canonical);
    if (f < 0) f = fields.push(Buffer.from(canonical, 'latin1')) - 1;
    cache.set(raw, f);
  }
  return f;
}

/** Canonical bytes: lines sorted by id bytes, duplicates refused. */
function joinSorted(g: Gathered, count: number): Buffer {
  if (count === 0) refuse('entrants', 'list_empty', '名单为空', 'the list is empty');
  const start = g.start.subarray(0, count), len = g.len.subarray(0, count);
  const order = sortIds(g.bytes, start, len);
  let size = 0;
  for (let i = 0; i < count; i++) size += len[i] + 2 + g.fields[g.field[i]].length;
  const out = Buffer.allocUnsafe(size);
  let o = 0;
  for (let k = 0; k < count; k++) {
    const i = order[k];
    if (k > 0 && compareBytes(g.bytes, start[order[k - 1]], len[order[k - 1]], g.bytes, start[i], len[i]) === 0) {
      const id = Buffer.from(g.bytes.subarray(start[i], start[i] + len[i])).toString('latin1');
      const at = g.lines ? [g.lines[order[k - 1]], g.lines[i]].sort((a, b) => a - b) : [];
      const where = at.length > 1 ? { zh: `（第 ${at[0]} 行与第 ${at[1]} 行）`, en: ` (lines ${at[0]} and ${at[1]})` } : { zh: '', en: '' };
      refuse('entrants', 'duplicate', `entrant_id ${id} 重复${where.zh}`, `entrant_id ${id} appears twice${where.en}`);
    }
    for (let b = start[i], e = b + len[i]; b < e; b++) out[o++] = g.bytes[b];
    out[o++] = 0x09;
    const f = g.fields[g.field[i]];
    for (let b = 0; b < f.length; b++) out[o++] = f[b];
    out[o++] = 0x0a;
  }
  return out;
}

/** Canonical bytes of entrant records: ids checked, labels put in plan order, lines sorted by id. */
export function canonicalList(entrants: readonly Entrant[], pools: Pool[]): Buffer {
  const n = entrants.length;
  const start = new Uint32Array(n), len = new Uint8Array(n), field = new Uint32Array(n);
  const fields: Buffer[] = [];
  const cache = new Map<string, number>();
  const ids: string[] = new Array(n);
  let at = 0;
  entrants.forEach((e, i) => {
    const id = checkId(e?.entrant_id);
    if (!Array.isArray(e.pools) || e.pools.some((l) => typeof l !== 'string' || l.includes(','))) {
      refuse('entrants', 'labels_invalid', `${id} 的池标签须为标签数组`, `${id}: pools must be an array of labels`);
    }
    ids[i] = id;
    start[i] = at;
    len[i] = id.length;
    at += id.length;
    field[i] = fieldIndex(e.pools.join(','), pools, cache, fields);
  });
  return joinSorted({ bytes: Buffer.from(ids.join(''), 'latin1'), start, len, field, fields }, n);
}

const TAB = 0x09, LF = 0x0a, CR = 0x0d;

/** Reads a loose list's bytes: ids checked, fields canonicalised, blank lines and CRs skipped. */
function gatherLoose(bytes: Buffer, pools: Pool[]): { g: Gathered; count: number } {
  let lineCount = 1;
  for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) lineCount++;
  const g: Gathered = { bytes, start: new Uint32Array(lineCount), len: new Uint8Array(lineCount), field: new Uint32Array(lineCount), fields: [], lines: new Uint32Array(lineCount) };
  const cache = new Map<string, number>();
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let count = 0;
  for (let line = 1; pos <= bytes.length; line++) {
    let lf = bytes.indexOf(LF, pos);
    if (lf < 0) lf = bytes.length;
    const end = lf > pos && bytes[lf - 1] === CR ? lf - 1 : lf;
    const row = pos;
    pos = lf + 1;
    let j = row;
    while (j < end && (bytes[j] === 0x20 || bytes[j] === TAB)) j++;
    if (j === end) continue; // a blank line
    j = row;
    while (j < end && ID_BYTE[bytes[j]] === 1) j++;
    if (j === end || bytes[j] !== TAB) {
      const tab = bytes.indexOf(TAB, row);
      if (tab < 0 || tab >= end) refuse('entrants', 'no_tab', '缺少 entrant_id 与池标签之间的 TAB', 'no TAB between entrant_id and the pool labels', line);
      checkId(new TextDecoder().decode(bytes.subarray(row, tab)), line); // throws: a byte outside the id alphabet
    }
    if (j === row || j - row > 64) checkId(bytes.toString('latin1', row, j), line);
    const raw = bytes.toString('latin1', j + 1, end);
    if (raw.includes('\t')) refuse('entrants', 'extra_tab', '一行只能有一个 TAB', 'a line holds one TAB only', line);
    g.start[count] = row;
    g.len[count] = j - row;
    g.field[count] = fieldIndex(raw, pools, cache, g.fields, line);
    g.lines![count] = line;
    count++;
  }
  return { g, count };
}

/**
 * The canonical list for a draw from whatever list file was given: canonical bytes are taken as
 * they are; anything else is read loosely (`<id> TAB <labels>` per line in any order, labels in
 * any order, CRLF, a BOM, blank lines) and canonicalised. Errors name the input's lines.
 */
export function canonicaliseList(data: Uint8Array, pools: Pool[]): EntrantList {
  try {
    return parseCanonicalList(data, pools);
  } catch (e) {
    if (!(e instanceof LotteryInputError)) throw e;
  }
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const { g, count } = gatherLoose(bytes, pools);
  return parseCanonicalList(joinSorted(g, count), pools);
}
