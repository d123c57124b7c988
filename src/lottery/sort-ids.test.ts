import { describe, expect, it } from 'vitest';
import { sortIds } from './sort-ids.js';
import { prng, randomId } from './test-support.js';

/** Ids as one buffer with offsets, the form sortIds reads. */
function asBytes(ids: string[]): [Buffer, Uint32Array, Uint8Array] {
  const start = new Uint32Array(ids.length), len = new Uint8Array(ids.length);
  let at = 0;
  ids.forEach((id, i) => { start[i] = at; len[i] = id.length; at += id.length; });
  return [Buffer.from(ids.join(''), 'latin1'), start, len];
}
const plain = (ids: string[]) => [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe('sorting entrant_ids in byte order (QLOT-1 §2 line order)', () => {
  it('equals a plain byte sort for random ids: varying lengths, shared prefixes, ids that prefix others', () => {
    const rnd = prng(42);
    for (let t = 0; t < 60; t++) {
      const prefix = rnd() < 0.5 ? randomId(rnd, 12) : '';
      const ids = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 400) }, () => prefix + randomId(rnd, rnd() < 0.7 ? 4 : 20)))];
      if (ids.length > 2) ids.push(ids[0].slice(0, Math.max(1, ids[0].length - 1)));
      const order = sortIds(...asBytes(ids));
      expect(Array.from(order, (i) => ids[i])).toEqual(plain(ids));
    }
  });

  it('orders ties on the packed characters by the rest of the id (one packed character forced)', () => {
    const rnd = prng(3);
    const ids = [...new Set(Array.from({ length: 500 }, () => `RG2025001-${randomId(rnd, 8)}`))];
    expect(Array.from(sortIds(...asBytes(ids), 1), (i) => ids[i])).toEqual(plain(ids));
  });

  it('keeps equal ids next to each other (duplicates are found by the caller)', () => {
    const ids = ['b', 'a', 'b', 'A'];
    expect(Array.from(sortIds(...asBytes(ids)), (i) => ids[i])).toEqual(['A', 'a', 'b', 'b']);
  });
});
