import { describe, expect, it } from 'vitest';
import { canonicalList, draw, listDigest, parseCanonicalList, rankEntrants, seedBytes } from './index.js';
import { prng, randomDraw, referenceRanks, referenceTsv } from './test-support.js';

const SECRET = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const base = { project_code: 'JN-2025-001', round: 1, server_secret: SECRET, beacon: '20250520-381946' };

describe('QLOT-1 §4 ranks, on many random lists (seeded)', () => {
  const rnd = prng(20250520);
  const cases = Array.from({ length: 150 }, () => randomDraw(rnd));

  it('are a permutation 1..N, each pool takes min(quota, eligible remaining), and no one lands in a pool they are not eligible for', () => {
    for (const { pools, entrants } of cases) {
      const { results } = draw({ ...base, pools, entrants });
      expect(results.map((r) => r.rank)).toEqual(entrants.map((_, i) => i + 1));
      expect(new Set(results.map((r) => r.entrant_id)).size).toBe(entrants.length);
      const eligibleFor = new Map(entrants.map((e) => [e.entrant_id, e.pools]));
      for (const r of results) expect(eligibleFor.get(r.entrant_id)).toContain(r.pool);
      const placed = new Set<string>();
      let at = 0;
      for (const p of pools) {
        const eligibleLeft = entrants.filter((e) => !placed.has(e.entrant_id) && e.pools.includes(p.label)).length;
        const taken = results.filter((r) => r.pool === p.label);
        expect(taken.length).toBe(p.quota === 'all' ? eligibleLeft : Math.min(p.quota, eligibleLeft));
        // A pool's ranks are one consecutive block, in plan order.
        expect(taken.map((r) => r.rank)).toEqual(taken.map((_, k) => at + k + 1));
        at += taken.length;
        for (const r of taken) placed.add(r.entrant_id);
      }
    }
  });

  it('equal the plain reference implementation (Buffer keys, Buffer.compare) entry by entry', () => {
    for (const { pools, entrants } of cases) {
      const bundle = draw({ ...base, pools, entrants });
      expect(bundle.results).toEqual(referenceRanks(entrants, pools, Buffer.from(bundle.seed, 'hex')));
      expect(listDigest(canonicalList(entrants, pools))).toBe(listDigest(Buffer.from(referenceTsv(entrants, pools))));
    }
  });

  it('resolve keys whose leading bits tie by the full key, then id bytes (ties forced by a 60-bit index field)', () => {
    for (const { pools, entrants } of cases.slice(0, 40)) {
      const list = parseCanonicalList(canonicalList(entrants, pools), pools);
      const seed = Buffer.alloc(32, 9);
      const forced = rankEntrants(list, seed, { minIndexBits: 60 });
      const got = Array.from(forced.entrant, (i, r) => ({ rank: r + 1, entrant_id: list.bytes.toString('latin1', list.idStart[i], list.idStart[i] + list.idLen[i]), pool: pools[forced.pool[r]].label }));
      expect(got).toEqual(referenceRanks(entrants, pools, seed));
    }
  });

  it('a priority pool with no one eligible takes no ranks and everyone is ranked in the general pool', () => {
    const pools = [{ label: 'PRIO', quota: 5 }, { label: 'GEN', quota: 'all' as const }];
    const entrants = ['a', 'b', 'c'].map((id) => ({ entrant_id: id, pools: ['GEN'] }));
    const { results } = draw({ ...base, pools, entrants });
    expect(results.map((r) => r.pool)).toEqual(['GEN', 'GEN', 'GEN']);
  });
});

describe('QLOT-1 §3 seed: any change to list, secret, beacon, project or round changes it', () => {
  it('on random lists, each one-part change gives a different seed', () => {
    const rnd = prng(7);
    for (let t = 0; t < 60; t++) {
      const { pools, entrants } = randomDraw(rnd, 40);
      const seedOf = (over: Partial<typeof base>, es = entrants) =>
        seedBytes({ ...base, ...over, list_digest: listDigest(canonicalList(es, pools)) }).toString('hex');
      const s0 = seedOf({});
      const e = entrants[Math.floor(rnd() * entrants.length)];
      const changes = [
        seedOf({}, entrants.map((x) => (x === e ? { ...x, entrant_id: `${x.entrant_id.slice(0, 63)}${x.entrant_id.endsWith('Z') ? 'Y' : 'Z'}` } : x))),
        seedOf({}, [...entrants, { entrant_id: 'zzzz-new', pools: [pools[pools.length - 1].label] }]),
        seedOf({ server_secret: SECRET.slice(0, 63) + (SECRET.endsWith('f') ? 'e' : 'f') }),
        seedOf({ beacon: `${base.beacon}0` }),
        seedOf({ project_code: 'JN-2025-002' }),
        seedOf({ round: 2 }),
      ];
      if (entrants.length > 1) changes.push(seedOf({}, entrants.filter((x) => x !== e)));
      if (pools.length > 1) changes.push(seedOf({}, entrants.map((x) => (x === e ? { ...x, pools: x.pools.length > 1 ? x.pools.slice(-1) : pools.map((p) => p.label) } : x))));
      for (const c of changes) expect(c).not.toBe(s0);
    }
  });
});
