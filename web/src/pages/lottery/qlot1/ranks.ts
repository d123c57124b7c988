/**
 * QLOT-1 section 4 for the browser verifier: for each pool in plan order, the eligible entrants
 * not yet placed are sorted by key = SHA-256(seed ‖ label ‖ 0x00 ‖ entrant_id) (bytes compared from
 * the first; equal keys by id bytes) and the first `quota` take the next ranks.
 *
 * A million keys are sorted as 64-bit integers (the key's leading bits above the entrant's index,
 * a native BigUint64Array sort); candidates whose leading bits tie are re-ordered by full key and
 * id, so the order is exactly the spec's.
 */
import { type EntrantList, compareBytes } from './list';
import { digestInto } from './sha256';

/** Progress: keys hashed so far in a pool. */
export type RankProgress = (pool: string, done: number, total: number) => void;

/** Entrant index and pool index of each rank, rank r + 1 at position r. */
export interface Ranking { entrant: Uint32Array; pool: Uint16Array }

const bitsFor = (n: number) => (n <= 1 ? 1 : 32 - Math.clz32(n - 1));

/** Hashes keys of one pool: message buffer prefilled with seed ‖ label ‖ 0x00. */
class Keyer {
  readonly h = new Int32Array(8);
  private readonly msg = new Uint8Array(32 + 32 + 1 + 64);
  private readonly prefix: number;
  constructor(seed: Uint8Array, label: string, private readonly list: EntrantList) {
    this.msg.set(seed, 0);
    for (let i = 0; i < label.length; i++) this.msg[32 + i] = label.charCodeAt(i);
    this.msg[32 + label.length] = 0;
    this.prefix = 33 + label.length;
  }
  key(i: number): Int32Array {
    const { bytes, idStart, idLen } = this.list;
    const s = idStart[i], n = idLen[i];
    for (let k = 0; k < n; k++) this.msg[this.prefix + k] = bytes[s + k];
    digestInto(this.h, this.msg, this.prefix + n);
    return this.h;
  }
  /** Full key as 32 bytes (ties only). */
  keyBytes(i: number): Uint8Array {
    const h = this.key(i), out = new Uint8Array(32);
    for (let w = 0; w < 8; w++) { out[w * 4] = h[w] >>> 24; out[w * 4 + 1] = h[w] >>> 16; out[w * 4 + 2] = h[w] >>> 8; out[w * 4 + 3] = h[w]; }
    return out;
  }
}

function sortPool(list: EntrantList, keyer: Keyer, cand: Uint32Array, onHashed?: (done: number) => void): Uint32Array {
  const m = cand.length;
  const ib = bitsFor(list.count);
  const loMask = ib >= 32 ? 0 : (0xffffffff << ib) >>> 0;
  const packed = new BigUint64Array(m);
  const words = new Uint32Array(packed.buffer);
  for (let k = 0; k < m; k++) {
    const i = cand[k];
    const h = keyer.key(i);
    words[2 * k] = ((h[1] & loMask) | i) >>> 0;
    words[2 * k + 1] = h[0] >>> 0;
    if (onHashed !== undefined && (k & 0xffff) === 0xffff) onHashed(k + 1);
  }
  onHashed?.(m);
  packed.sort();
  const out = new Uint32Array(m);
  const idxMask = ~loMask >>> 0;
  for (let k = 0; k < m; k++) out[k] = words[2 * k] & idxMask;
  for (let a = 0; a < m;) {
    let b = a + 1;
    while (b < m && words[2 * b + 1] === words[2 * a + 1] && (words[2 * b] & loMask) === (words[2 * a] & loMask)) b++;
    if (b - a > 1) {
      const run = Array.from(out.subarray(a, b), (i) => ({ i, key: keyer.keyBytes(i) }));
      run.sort((x, y) => compareBytes(x.key, 0, 32, y.key, 0, 32)
        || compareBytes(list.bytes, list.idStart[x.i], list.idLen[x.i], list.bytes, list.idStart[y.i], list.idLen[y.i]));
      out.set(run.map((r) => r.i), a);
    }
    a = b;
  }
  return out;
}

/** Ranks 1..N from the 32-byte seed (section 4). */
export function rankEntrants(list: EntrantList, seed: Uint8Array, onProgress?: RankProgress): Ranking {
  const { count, pools, eligible } = list;
  const P = pools.length;
  const placed = new Uint8Array(count);
  const entrant = new Uint32Array(count), pool = new Uint16Array(count);
  let next = 0;
  for (let p = 0; p < P; p++) {
    const cand = new Uint32Array(count - next);
    let m = 0;
    for (let i = 0; i < count; i++) if (placed[i] === 0 && eligible[i * P + p] === 1) cand[m++] = i;
    const label = pools[p].label;
    const sorted = sortPool(list, new Keyer(seed, label, list), cand.subarray(0, m), onProgress && ((d) => onProgress(label, d, m)));
    const quota = pools[p].quota;
    const take = quota === 'all' ? m : Math.min(quota, m);
    for (let k = 0; k < take; k++) {
      placed[sorted[k]] = 1;
      entrant[next] = sorted[k];
      pool[next] = p;
      next++;
    }
  }
  return { entrant, pool };
}
