/**
 * The published bundle (QLOT-1 section 5): lottery.json's fields, named exactly as the spec names
 * them, and its text. The text puts one result per line so that a million results stay readable
 * in a pager and are written without building a million objects.
 */
import { entrantId, type EntrantList } from './list.js';
import { type Pool } from './pools.js';
import { type Ranking } from './ranks.js';

/** One rank of `results`. */
export interface LotteryResult {
  rank: number;
  entrant_id: string;
  pool: string;
}

/** lottery.json (section 5). Extra fields are allowed by the spec; these may not be renamed. */
export interface LotteryBundle {
  spec: 'QLOT-1';
  project_code: string;
  round: number;
  pools: Pool[];
  list_digest: string;
  commitment: string;
  server_secret: string;
  beacon: string;
  seed: string;
  results: LotteryResult[];
}

/** The bundle's fields other than results. */
export type BundleHeader = Omit<LotteryBundle, 'results'>;

/** The results array of a ranking. */
export function resultsOf(list: EntrantList, ranking: Ranking): LotteryResult[] {
  const out: LotteryResult[] = new Array(list.count);
  for (let r = 0; r < list.count; r++) {
    out[r] = { rank: r + 1, entrant_id: entrantId(list, ranking.entrant[r]), pool: list.pools[ranking.pool[r]].label };
  }
  return out;
}

/** lottery.json's bytes: the header fields indented, then one result per line, LF at the end. */
export function bundleJson(header: BundleHeader, list: EntrantList, ranking: Ranking): Buffer {
  const head = Buffer.from(JSON.stringify({ ...header, results: [] }, null, 1).replace(/\[\]\n\}$/, '[\n'), 'utf8');
  // Ids and labels match [A-Za-z0-9_-]+ (checked when the list was parsed): nothing to escape.
  const enc = (t: string) => Uint8Array.from(t, (c) => c.charCodeAt(0));
  const open = enc('{"rank":');
  const mid = enc(',"entrant_id":"');
  const tails = list.pools.map((p) => enc(`","pool":"${p.label}"}`));
  const { idStart, idLen, count } = list;
  const bytes = new Uint8Array(list.bytes.buffer, list.bytes.byteOffset, list.bytes.byteLength);
  // Exact size, summed in list order (reading ids in rank order is random access, and slow).
  let size = head.length + 8;
  for (let i = 0; i < count; i++) size += idLen[i];
  for (let r = 0, digitsOf = 1, nextPow = 10; r < count; r++) {
    if (r + 1 === nextPow) { digitsOf++; nextPow *= 10; }
    size += open.length + digitsOf + mid.length + tails[ranking.pool[r]].length + 2;
  }
  const buf = Buffer.allocUnsafeSlow(size);
  const out = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  out.set(head, 0);
  let o = head.length;
  const digits = new Uint8Array(16);
  for (let r = 0; r < count; r++) {
    for (let k = 0; k < open.length; k++) out[o++] = open[k];
    let n = r + 1, d = 0;
    while (n > 0) { const q = (n / 10) | 0; digits[d++] = 48 + n - q * 10; n = q; }
    while (d > 0) out[o++] = digits[--d];
    for (let k = 0; k < mid.length; k++) out[o++] = mid[k];
    const i = ranking.entrant[r], s = idStart[i], e = s + idLen[i];
    for (let k = s; k < e; k++) out[o++] = bytes[k];
    const tail = tails[ranking.pool[r]];
    for (let k = 0; k < tail.length; k++) out[o++] = tail[k];
    if (r + 1 < count) out[o++] = 0x2c;
    out[o++] = 0x0a;
  }
  o += buf.write(' ]\n}\n', o, 'latin1');
  return buf.subarray(0, o);
}
