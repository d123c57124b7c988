/**
 * Sorting a million entrant_ids in byte order, for lists handed to a draw out of order. A
 * comparator sort of a million strings takes seconds; instead each id becomes one 64-bit integer
 * sorted natively: the id bytes after the prefix all ids share, read as base-65 digits (the 64
 * id bytes ranked in byte order, 0 for "ended"), as many as fit above the entrant's index (7 for
 * a million entrants). Ids that tie on those digits are then ordered by comparing the rest.
 * Ids use only [A-Za-z0-9_-] (checked before).
 */
import { compareBytes } from './list.js';

const RANK = new Uint8Array(256);
[...'-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'].forEach((c, i) => { RANK[c.charCodeAt(0)] = i + 1; });

/**
 * The permutation that sorts the ids bytes[start[i], start[i]+len[i]) by byte order; equal ids end
 * up next to each other. `maxKeyChars` is lowered by tests to force ties.
 */
export function sortIds(bytes: Uint8Array, start: Uint32Array, len: Uint8Array, maxKeyChars = 8): Uint32Array {
  const n = start.length;
  let lcp = n > 0 ? len[0] : 0;
  for (let i = 1; i < n && lcp > 0; i++) {
    let k = 0;
    while (k < lcp && k < len[i] && bytes[start[i] + k] === bytes[start[0] + k]) k++;
    lcp = k;
  }
  const ib = n <= 1 ? 1 : 32 - Math.clz32(n - 1);
  // key < 65^chars must fit above the index bits and stay an exact double (< 2^53).
  let chars = 0;
  while (chars < maxKeyChars && 65 ** (chars + 1) <= Math.min(2 ** (64 - ib), 2 ** 53)) chars++;
  const loSpan = 2 ** (32 - ib);
  const idxSpan = 2 ** ib;
  const packed = new BigUint64Array(n);
  const words = new Uint32Array(packed.buffer); // little-endian: word 2i is the low half
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (let c = lcp; c < lcp + chars; c++) key = key * 65 + (c < len[i] ? RANK[bytes[start[i] + c]] : 0);
    const hi = Math.floor(key / loSpan);
    words[2 * i + 1] = hi;
    words[2 * i] = (key - hi * loSpan) * idxSpan + i;
  }
  packed.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = words[2 * k] % idxSpan;
  // Within a tie the first lcp + chars bytes are equal (or both ids ended there, equal).
  const off = lcp + chars;
  const cmp = (x: number, y: number) => {
    const ox = Math.min(off, len[x]), oy = Math.min(off, len[y]);
    return compareBytes(bytes, start[x] + ox, len[x] - ox, bytes, start[y] + oy, len[y] - oy);
  };
  for (let a = 0; a < n;) {
    let b = a + 1;
    const keyLo = words[2 * a] - (words[2 * a] % idxSpan);
    while (b < n && words[2 * b + 1] === words[2 * a + 1] && words[2 * b] - (words[2 * b] % idxSpan) === keyLo) b++;
    if (b - a > 1) order.set(Array.from(order.subarray(a, b)).sort(cmp), a);
    a = b;
  }
  return order;
}
