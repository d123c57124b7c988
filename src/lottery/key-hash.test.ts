import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyHasher } from './key-hash.js';
import { prng, randomId } from './test-support.js';

describe('QLOT-1 §4 key hash (plain-JavaScript SHA-256)', () => {
  it('equals node:crypto SHA-256(seed ‖ label ‖ 0x00 ‖ id) for labels of 1..32 and ids of 1..64 bytes (one to three blocks)', () => {
    const rnd = prng(1);
    for (let t = 0; t < 40; t++) {
      const seed = Buffer.from(Array.from({ length: 32 }, () => Math.floor(rnd() * 256)));
      const label = Buffer.from(randomId(rnd, 32));
      const h = new KeyHasher(seed, label);
      // Reusing one hasher across lengths checks that no state leaks from a longer message.
      for (let len = 64; len >= 1; len -= 1 + Math.floor(rnd() * 5)) {
        const id = Buffer.from(randomId(rnd, 1).repeat(len).slice(0, len));
        h.hash(id, 0, id.length);
        const want = createHash('sha256').update(Buffer.concat([seed, label, Buffer.from([0]), id])).digest();
        expect(Buffer.from(h.digest()).toString('hex')).toBe(want.toString('hex'));
      }
    }
  });

  it('reads the id at an offset inside a larger buffer', () => {
    const seed = Buffer.alloc(32, 0xab);
    const h = new KeyHasher(seed, Buffer.from('GEN'));
    const src = Buffer.from('xxA-0001yy');
    h.hash(src, 2, 6);
    const want = createHash('sha256').update(Buffer.concat([seed, Buffer.from('GEN\0A-0001')])).digest('hex');
    expect(Buffer.from(h.digest()).toString('hex')).toBe(want);
  });

  it('refuses a seed that is not 32 bytes', () => {
    expect(() => new KeyHasher(Buffer.alloc(31), Buffer.from('GEN'))).toThrow(RangeError);
  });
});
