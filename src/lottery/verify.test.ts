import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LotteryBundle, verifyBundle } from './index.js';

const vector = JSON.parse(readFileSync(new URL('./qlot1.vector.json', import.meta.url), 'utf8')) as LotteryBundle;
const TSV = 'A-0001\tPRIO,GEN\nA-0002\tGEN\nA-0003\tPRIO,GEN\nA-0004\tGEN\nA-0005\tPRIO,GEN\nA-0006\tGEN\n';
const check = (tsv: string, b: unknown) => verifyBundle({ entrantsTsv: Buffer.from(tsv), lotteryJson: JSON.stringify(b) });
const failed = (step: number, pattern: RegExp) => expect.objectContaining({ ok: false, step, message_en: expect.stringMatching(pattern), message_zh: expect.any(String) });

describe('QLOT-1 §6 verification reports the first failure, in order', () => {
  it('step 1: a changed entrants.tsv (a line removed, a label added) does not hash to list_digest', () => {
    expect(check(TSV.replace('A-0006\tGEN\n', ''), vector)).toEqual(failed(1, /SHA-256 of entrants\.tsv .* not the published list_digest/));
    expect(check(TSV.replace('A-0002\tGEN', 'A-0002\tPRIO,GEN'), vector)).toEqual(failed(1, /list_digest/));
  });

  it('step 1: a non-canonical list fails even when list_digest is its hash', () => {
    const unsorted = TSV.replace('A-0001\tPRIO,GEN\nA-0002\tGEN\n', 'A-0002\tGEN\nA-0001\tPRIO,GEN\n');
    const r = check(unsorted, { ...vector, list_digest: createHash('sha256').update(unsorted).digest('hex') });
    expect(r).toEqual(failed(1, /line 2: not sorted by entrant_id bytes: A-0001 comes after A-0002/));
  });

  it('step 2: a secret other than the committed one', () => {
    const other = vector.server_secret.replace(/^00/, '01');
    expect(check(TSV, { ...vector, server_secret: other })).toEqual(failed(2, /revealed secret .* not the commitment/));
    expect(check(TSV, { ...vector, server_secret: vector.server_secret.toUpperCase() })).toEqual(failed(2, /64 lowercase hex/));
  });

  it('step 3: a published seed that the inputs do not give, or a changed beacon, round or project', () => {
    expect(check(TSV, { ...vector, seed: vector.seed.replace(/^1/, '2') })).toEqual(failed(3, /seed recomputed .* not the published seed/));
    expect(check(TSV, { ...vector, beacon: '20250520-381947' })).toEqual(failed(3, /not the published seed/));
    expect(check(TSV, { ...vector, round: 2 })).toEqual(failed(3, /not the published seed/));
    expect(check(TSV, { ...vector, beacon: 'a\nb' })).toEqual(failed(3, /beacon must not contain LF/));
  });

  it('step 4: two swapped ranks, a changed pool, a missing or an extra entry', () => {
    const swapped = vector.results.map((r) => ({ ...r }));
    [swapped[2].entrant_id, swapped[3].entrant_id] = [swapped[3].entrant_id, swapped[2].entrant_id];
    expect(check(TSV, { ...vector, results: swapped })).toEqual(failed(4, /results entry 3 differs: the bundle has "A-0002".*recomputed rank 3 is A-0004 \(pool GEN\)/));
    const repooled = vector.results.map((r, i) => (i === 1 ? { ...r, pool: 'GEN' } : r));
    expect(check(TSV, { ...vector, results: repooled })).toEqual(failed(4, /entry 2 differs/));
    expect(check(TSV, { ...vector, results: vector.results.slice(0, 5) })).toEqual(failed(4, /results has 5 entries for 6 entrants/));
    expect(check(TSV, { ...vector, results: [...vector.results, { rank: 7, entrant_id: 'A-0007', pool: 'GEN' }] })).toEqual(failed(4, /more than the 6 entrants/));
  });

  it('the first failure wins: a bundle with a changed list and a changed seed fails at step 1', () => {
    expect(check(TSV.replace('A-0006\tGEN\n', ''), { ...vector, seed: '0'.repeat(64) })).toEqual(failed(1, /list_digest/));
  });

  it('extra fields are allowed; not JSON, another spec, or a missing field fail with their step', () => {
    expect(check(TSV, { ...vector, notary: '济南市泉城公证处', results: vector.results.map((r) => ({ ...r, masked: '张*' })) })).toMatchObject({ ok: true });
    expect(verifyBundle({ entrantsTsv: Buffer.from(TSV), lotteryJson: '{"spec":' })).toEqual(failed(1, /not valid JSON/));
    expect(check(TSV, { ...vector, spec: 'QLOT-2' })).toEqual(failed(1, /spec is "QLOT-2"/));
    const { commitment: _c, ...noCommitment } = vector;
    expect(check(TSV, noCommitment)).toEqual(failed(2, /commitment must be 64 lowercase hex/));
    const { results: _r, ...noResults } = vector;
    expect(check(TSV, noResults)).toEqual(failed(4, /results must be an array/));
  });
});
