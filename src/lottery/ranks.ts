/**
 * Keys and ranks (QLOT-1 section 4). For each pool in plan order the eligible, still unplaced
 * entrants are sorted by key = SHA-256(seed ‖ label ‖ 0x00 ‖ id) and the first `quota` take the
 * next ranks. Sorting a million keys as objects or Buffers is slow, so each candidate becomes one
 * 64-bit integer: the key's leading bits above, the entrant's index in the low `indexBits` bits,
 * sorted natively as a BigUint64Array. Candidates whose leading bits tie are re-ordered by their
 * full keys, then by id bytes (section 4's tiebreak), so the order is exactly the spec's.
 */
import { KeyHasher } from './key-hash.js';
import { compareBytes, type EntrantList } from './list.js';

/** Ranks of a draw: entrant index and pool index for rank r at position r - 1. */
export interface Ranking {
  entrant: Uint32Array;
  pool: Uint16Array;
}

/** Progress callback: `done` of `total` keys hashed so far for `pool`. */
export type RankProgress = (pool: string, done: number, total: number) => void;

/** The bits needed to hold an index below n. */
function bitsFor(n: number): number {
  return n <= 1 ? 1 : 32 - Math.clz32(n - 1);
}

/** Orders candidates (entrant indexes) of one pool by full key, then id bytes. */
function sortByFullKey(list: EntrantList, hasher: KeyHasher, run: number[]): number[] {
  const keyed = run.map((i) => {
    hasher.hash(list.bytes, list.idStart[i], list.idLen[i]);
    return { i, key: hasher.digest() };
  });
  keyed.sort((a, b) => compareBytes(a.key, 0, 32, b.key, 0, 32)
    || compareBytes(list.bytes, list.idStart[a.i], list.idLen[a.i], list.bytes, list.idStart[b.i], list.idLen[b.i]));
  return keyed.map((k) => k.i);
}

/**
 * Sorts the candidates of one pool by key. `minIndexBits` widens the index field (fewer key bits
 * in the packed integer); tests raise it to force ties through the full-key path.
 */
export function sortPool(list: EntrantList, hasher: KeyHasher, candidates: Uint32Array, minIndexBits = 0, onHashed?: (done: number) => void): Uint32Array {
  const m = candidates.length;
  const ib = Math.max(bitsFor(list.count), minIndexBits);
  if (ib > 63) throw new RangeError('index bits must be at most 63');
  const packed = new BigUint64Array(m);
  const words = new Uint32Array(packed.buffer); // little-endian: word 2k is the low half of packed[k]
  const h = hasher.h;
  // Masks of the key bits kept in the low and high word.
  const loMask = ib >= 32 ? 0 : (0xffffffff << ib) >>> 0;
  const hiMask = ib <= 32 ? 0xffffffff : ib >= 64 ? 0 : (0xffffffff << (ib - 32)) >>> 0;
  for (let k = 0; k < m; k++) {
    const i = candidates[k];
    hasher.hash(list.bytes, list.idStart[i], list.idLen[i]);
    words[2 * k] = (h[1] & loMask) | i;
    words[2 * k + 1] = h[0] & hiMask;
    if (onHashed !== undefined && (k & 0xffff) === 0xffff) onHashed(k + 1);
  }
  onHashed?.(m);
  packed.sort();
  const idxMask = ib >= 32 ? 0xffffffff : ~loMask >>> 0;
  const out = new Uint32Array(m);
  for (let k = 0; k < m; k++) out[k] = words[2 * k] & idxMask;
  // Runs of equal leading key bits: rare at 44+ bits, certain when a test forces it.
  for (let a = 0; a < m;) {
    let b = a + 1;
    while (b < m && words[2 * b + 1] === words[2 * a + 1] && (words[2 * b] & loMask) === (words[2 * a] & loMask)) b++;
    if (b - a > 1) out.set(sortByFullKey(list, hasher, Array.from(out.subarray(a, b))), a);
    a = b;
  }
  return out;
}

/** Assigns ranks 1..N by section 4 from the 32-byte seed. */
export function rankEntrants(list: EntrantList, seed: Uint8Array, opts: { minIndexBits?: number; onProgress?: RankProgress } = {}): Ranking {
  const { count, pools, labelSet, eligible } = list;
  const P = pools.length;
  const remaining = new Uint8Array(count).fill(1);
  const entrant = new Uint32Array(count);
  const pool = new Uint16Array(count);
  let next = 0;
  for (let p = 0; p < P; p++) {
    let m = 0;
    const candidates = new Uint32Array(count - next);
    for (let i = 0; i < count; i++) if (remaining[i] === 1 && eligible[labelSet[i] * P + p] === 1) candidates[m++] = i;
    const label = pools[p].label;
    const hasher = new KeyHasher(seed, Buffer.from(label, 'latin1'));
    const report = opts.onProgress;
    const sorted = sortPool(list, hasher, candidates.subarray(0, m), opts.minIndexBits, report && ((done) => report(label, done, m)));
    const quota = pools[p].quota;
    const take = quota === 'all' ? m : Math.min(quota, m);
    for (let k = 0; k < take; k++) {
      const i = sorted[k];
      remaining[i] = 0;
      entrant[next] = i;
      pool[next] = p;
      next++;
    }
  }
  if (next !== count) throw new Error(`internal: ${count - next} entrants left unranked`);
  return { entrant, pool };
}
