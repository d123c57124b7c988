import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commitment, generateSecret } from './index.js';

describe('QLOT-1 §3 server secret', () => {
  it('is 32 bytes from the injected source, as lowercase hex, with its commitment', () => {
    const s = generateSecret(() => Uint8Array.from({ length: 32 }, (_, i) => i));
    expect(s).toEqual({ server_secret: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', commitment: '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd' });
  });
  it('differs draw to draw with node:crypto randomBytes', () => {
    const a = generateSecret(randomBytes), b = generateSecret(randomBytes);
    expect(a.server_secret).not.toBe(b.server_secret);
    expect(commitment(a.server_secret)).toBe(a.commitment);
  });
  it('refuses a source that returns the wrong length', () => {
    expect(() => generateSecret(() => new Uint8Array(16))).toThrow(RangeError);
  });
});
