/**
 * SHA-256 of QLOT-1 keys (section 4) in plain JavaScript: seed ‖ label ‖ 0x00 ‖ entrant_id.
 * A draw hashes about a million short messages; node:crypto costs a native call and a Buffer
 * per message (≈2 µs), this costs ≈0.5 µs, and needs nothing from Node (it can run in a browser).
 * The seed fills the first 8 message words of block 0, so the first 8 rounds are done once per
 * pool. Checked against node:crypto in key-hash.test.ts.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** Runs rounds `from`..63 on the words in `w` (schedule already expanded) from state `s`, adding into `h`. */
function rounds(w: Int32Array, s: Int32Array, h: Int32Array, from: number): void {
  let a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], hh = s[7];
  for (let i = from; i < 64; i++) {
    const t1 = (hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
}

/** Loads 16 big-endian words of `blk` at `off` into w[from..15] and expands the schedule. */
function schedule(w: Int32Array, blk: Uint8Array, off: number, from: number): void {
  for (let i = from; i < 16; i++) {
    const j = off + i * 4;
    w[i] = (blk[j] << 24) | (blk[j + 1] << 16) | (blk[j + 2] << 8) | blk[j + 3];
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15], y = w[i - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
}

/** Hashes seed ‖ label ‖ 0x00 ‖ id for one pool; the digest words are left in `h`. */
export class KeyHasher {
  /** The last digest as eight big-endian 32-bit words (signed); h[0] is the most significant. */
  readonly h = new Int32Array(8);
  private readonly blk = new Uint8Array(192);
  /** Block 0's schedule; words 0..7 hold the seed and are never overwritten. */
  private readonly w0 = new Int32Array(64);
  private readonly w = new Int32Array(64);
  private readonly mid = new Int32Array(8);
  private readonly prefixLen: number;

  /** `seed`: 32 bytes; `label`: the pool label's UTF-8 bytes (at most 32 by the spec). */
  constructor(seed: Uint8Array, label: Uint8Array) {
    if (seed.length !== 32) throw new RangeError('seed must be 32 bytes');
    this.blk.set(seed, 0);
    this.blk.set(label, 32);
    this.blk[32 + label.length] = 0;
    this.prefixLen = 33 + label.length;
    // State after rounds 0..7 of block 0, which read only the seed's words.
    const s = IV.slice();
    for (let i = 0; i < 8; i++) {
      const j = i * 4;
      this.w0[i] = (seed[j] << 24) | (seed[j + 1] << 16) | (seed[j + 2] << 8) | seed[j + 3];
    }
    let a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], hh = s[7];
    for (let i = 0; i < 8; i++) {
      const t1 = (hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i] + this.w0[i]) | 0;
      const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    this.mid.set([a, b, c, d, e, f, g, hh]);
  }

  /** Hashes the key of the id held in src[start, start+len) (len ≤ 64). */
  hash(src: Uint8Array, start: number, len: number): void {
    const { blk, w0, w, h } = this;
    const total = this.prefixLen + len;
    for (let i = 0; i < len; i++) blk[this.prefixLen + i] = src[start + i];
    const blocks = (total + 72) >>> 6;
    const end = blocks << 6;
    blk[total] = 0x80;
    blk.fill(0, total + 1, end - 4);
    const bits = total * 8;
    blk[end - 4] = bits >>> 24; blk[end - 3] = bits >>> 16; blk[end - 2] = bits >>> 8; blk[end - 1] = bits;
    h.set(IV);
    schedule(w0, blk, 0, 8);
    rounds(w0, this.mid, h, 8);
    for (let k = 1; k < blocks; k++) {
      schedule(w, blk, k << 6, 0);
      rounds(w, h, h, 0);
    }
  }

  /** The last digest as 32 bytes. */
  digest(): Uint8Array {
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
      const v = this.h[i];
      out[i * 4] = v >>> 24; out[i * 4 + 1] = v >>> 16; out[i * 4 + 2] = v >>> 8; out[i * 4 + 3] = v;
    }
    return out;
  }
}
