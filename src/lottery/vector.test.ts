import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commitment, draw, listDigest, parseCanonicalList, rankEntrants, seedBytes, seedText, verifyBundle } from './index.js';

const VECTOR_PATH = new URL('./qlot1.vector.json', import.meta.url);
const SHARED = new URL('../../../shared/specs/lottery-qlot1.vector.json', import.meta.url);
const vector = JSON.parse(readFileSync(VECTOR_PATH, 'utf8'));
/** Section 7's entrants, as the spec prints them. */
const TSV = Buffer.from('A-0001\tPRIO,GEN\nA-0002\tGEN\nA-0003\tPRIO,GEN\nA-0004\tGEN\nA-0005\tPRIO,GEN\nA-0006\tGEN\n');

describe('QLOT-1 §7 test vector', () => {
  it.skipIf(!existsSync(SHARED))('the repository copy equals the shared spec vector byte for byte', () => {
    expect(readFileSync(VECTOR_PATH).equals(readFileSync(SHARED))).toBe(true);
  });

  it('§2 list_digest of the six entrants', () => {
    expect(listDigest(TSV)).toBe(vector.list_digest);
  });

  it('§3 commitment of the secret 0x00..0x1f', () => {
    expect(commitment(vector.server_secret)).toBe(vector.commitment);
  });

  it('§3 seed from the exact byte layout', () => {
    const input = { project_code: 'JN-2025-001', round: 1, list_digest: vector.list_digest, server_secret: vector.server_secret, beacon: '20250520-381946' };
    expect(seedText(input)).toBe(`QLOT-1\nJN-2025-001\n1\n${vector.list_digest}\n${vector.server_secret}\n20250520-381946\n`);
    expect(seedBytes(input).toString('hex')).toBe(vector.seed);
  });

  it('§4 every rank and pool', () => {
    const list = parseCanonicalList(TSV, vector.pools);
    const ranking = rankEntrants(list, Buffer.from(vector.seed, 'hex'));
    const got = Array.from(ranking.entrant, (i, r) => ({ rank: r + 1, entrant_id: `A-000${i + 1}`, pool: vector.pools[ranking.pool[r]].label }));
    expect(got).toEqual(vector.results);
  });

  it('§5 draw gives the vector bundle, field for field, from the list bytes, unsorted records or a parsed list', () => {
    const input = { project_code: 'JN-2025-001', round: 1, pools: vector.pools, server_secret: vector.server_secret, beacon: '20250520-381946' };
    expect(draw({ ...input, entrants: TSV })).toEqual(vector);
    const records = [6, 3, 1, 5, 2, 4].map((n) => ({ entrant_id: `A-000${n}`, pools: n % 2 === 1 ? ['GEN', 'PRIO'] : ['GEN'] }));
    expect(draw({ ...input, entrants: records })).toEqual(vector);
    expect(draw({ ...input, entrants: parseCanonicalList(TSV, vector.pools) })).toEqual(vector);
    // A list parsed under another plan is parsed again under this one.
    const other = parseCanonicalList(TSV, [{ label: 'PRIO', quota: 1 }, { label: 'GEN', quota: 'all' }]);
    expect(draw({ ...input, entrants: other })).toEqual(vector);
  });

  it('§6 the vector bundle verifies', () => {
    expect(verifyBundle({ entrantsTsv: TSV, lotteryJson: readFileSync(VECTOR_PATH) })).toEqual({ ok: true, entrants: 6, seed: vector.seed });
  });
});
