/**
 * Building the canonical list (QLOT-1 section 2) from entrant records, or from a list written
 * loosely (any line order, labels in any order, CRLF, a BOM, blank lines): the platform's export
 * and the CLI's `--entrants` file. Duplicates, unknown labels and entrants missing the general
 * pool are refused, never repaired: eligibility is decided before the list is frozen.
 */
import { ID_BYTE, labelSetPools, parseCanonicalList, type EntrantList } from './list.js';
import { type Pool } from './pools.js';
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

/**
 * Canonical bytes of entrant records: ids checked, labels put in plan order, lines sorted by id.
 * `lines` (optional, same length) names the input line of each record in error messages.
 */
export function canonicalList(entrants: readonly Entrant[], pools: Pool[], lines?: readonly number[]): Buffer {
  if (entrants.length === 0) refuse('entrants', 'list_empty', '名单为空', 'the list is empty');
  const ids: string[] = new Array(entrants.length);
  const fields: string[] = new Array(entrants.length);
  const fieldOf = new Map<string, string>();
  entrants.forEach((e, i) => {
    const line = lines?.[i];
    ids[i] = checkId(e?.entrant_id, line);
    if (!Array.isArray(e.pools) || e.pools.some((l) => typeof l !== 'string' || l.includes(','))) refuse('entrants', 'labels_invalid', `${ids[i]} 的池标签须为数组`, `${ids[i]}: pools must be an array of labels`, line);
    const key = e.pools.join(',');
    let field = fieldOf.get(key);
    if (field === undefined) {
      field = labelSetPools(key, pools, line, true).map((p) => pools[p].label).join(',');
      fieldOf.set(key, field);
    }
    fields[i] = field;
  });
  const order = Uint32Array.from(ids.keys());
  // Ids are ASCII (checked above), so UTF-16 order is byte order.
  order.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const out: string[] = new Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (k > 0 && ids[order[k - 1]] === ids[i]) {
      const a = lines?.[order[k - 1]], b = lines?.[i];
      const where = a !== undefined && b !== undefined ? { zh: `（第 ${Math.min(a, b)} 行与第 ${Math.max(a, b)} 行）`, en: ` (lines ${Math.min(a, b)} and ${Math.max(a, b)})` } : { zh: '', en: '' };
      refuse('entrants', 'duplicate', `entrant_id ${ids[i]} 重复${where.zh}`, `entrant_id ${ids[i]} appears twice${where.en}`);
    }
    out[k] = `${ids[i]}\t${fields[i]}\n`;
  }
  return Buffer.from(out.join(''), 'latin1');
}

/** Reads a loosely written list: `<id> TAB <labels>` per line, any order; returns the records and their line numbers. */
export function parseLooseList(text: string): { entrants: Entrant[]; lines: number[] } {
  const rows = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const entrants: Entrant[] = [];
  const lines: number[] = [];
  rows.forEach((raw, i) => {
    const row = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (row.trim() === '') return;
    const tab = row.indexOf('\t');
    if (tab < 0) refuse('entrants', 'no_tab', '缺少 entrant_id 与池标签之间的 TAB', 'no TAB between entrant_id and the pool labels', i + 1);
    if (row.indexOf('\t', tab + 1) >= 0) refuse('entrants', 'extra_tab', '一行只能有一个 TAB', 'a line holds one TAB only', i + 1);
    entrants.push({ entrant_id: row.slice(0, tab), pools: row.slice(tab + 1).split(',') });
    lines.push(i + 1);
  });
  return { entrants, lines };
}

/**
 * The canonical list for a draw from whatever list file was given: canonical bytes are taken as
 * they are, anything else is read loosely and canonicalised. Errors name the input's lines.
 */
export function canonicaliseList(data: Uint8Array, pools: Pool[]): EntrantList {
  try {
    return parseCanonicalList(data, pools);
  } catch (e) {
    if (!(e instanceof LotteryInputError)) throw e;
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
  const { entrants, lines } = parseLooseList(text);
  return parseCanonicalList(canonicalList(entrants, pools, lines), pools);
}
