/**
 * Test helpers for the lottery: a seeded PRNG, random lists, and a reference implementation of
 * QLOT-1 section 4 written the plain way (node:crypto, Buffer.compare), to hold the fast one to.
 */
import { createHash } from 'node:crypto';
import { type Entrant } from './entrants.js';
import { type Pool } from './pools.js';

/** mulberry32: a small seeded PRNG giving floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A random id of 1..maxLen id characters. */
export function randomId(rnd: () => number, maxLen = 64): string {
  const n = 1 + Math.floor(rnd() * maxLen);
  let s = '';
  for (let i = 0; i < n; i++) s += ID_CHARS[Math.floor(rnd() * ID_CHARS.length)];
  return s;
}

/** A random plan (1..4 pools, the last "all") and list (1..n entrants, unique ids, unsorted). */
export function randomDraw(rnd: () => number, maxEntrants = 300): { pools: Pool[]; entrants: Entrant[] } {
  const P = 1 + Math.floor(rnd() * 4);
  const labels = new Set<string>();
  while (labels.size < P) labels.add(randomId(rnd, 32));
  const pools: Pool[] = [...labels].map((label, i) => ({
    label,
    quota: i === P - 1 || rnd() < 0.1 ? 'all' : 1 + Math.floor(rnd() * maxEntrants * 0.5),
  }));
  const n = 1 + Math.floor(rnd() * maxEntrants);
  const ids = new Set<string>();
  // Short ids share prefixes; long ones reach three SHA-256 blocks.
  while (ids.size < n) ids.add(randomId(rnd, rnd() < 0.8 ? 6 : 64));
  const entrants = [...ids].map((entrant_id) => ({
    entrant_id,
    pools: pools.filter((p, i) => i === P - 1 || rnd() < 0.4).map((p) => p.label),
  }));
  return { pools, entrants };
}

/** Section 4, literally: keys as Buffers, candidates re-filtered and re-sorted per pool. */
export function referenceRanks(entrants: Entrant[], pools: Pool[], seed: Buffer): { rank: number; entrant_id: string; pool: string }[] {
  let remaining = [...entrants];
  const out: { rank: number; entrant_id: string; pool: string }[] = [];
  for (const p of pools) {
    const key = (id: string) => createHash('sha256').update(Buffer.concat([seed, Buffer.from(p.label), Buffer.from([0]), Buffer.from(id)])).digest();
    const cands = remaining.filter((e) => e.pools.includes(p.label)).map((e) => ({ e, k: key(e.entrant_id) }));
    cands.sort((a, b) => Buffer.compare(a.k, b.k) || Buffer.compare(Buffer.from(a.e.entrant_id), Buffer.from(b.e.entrant_id)));
    const taken = cands.slice(0, p.quota === 'all' ? cands.length : p.quota).map((c) => c.e);
    for (const e of taken) out.push({ rank: out.length + 1, entrant_id: e.entrant_id, pool: p.label });
    const gone = new Set(taken);
    remaining = remaining.filter((e) => !gone.has(e));
  }
  return out;
}

/** The canonical text of records, built the plain way. */
export function referenceTsv(entrants: Entrant[], pools: Pool[]): string {
  const sorted = [...entrants].sort((a, b) => Buffer.compare(Buffer.from(a.entrant_id), Buffer.from(b.entrant_id)));
  return sorted.map((e) => `${e.entrant_id}\t${pools.filter((p) => e.pools.includes(p.label)).map((p) => p.label).join(',')}\n`).join('');
}
