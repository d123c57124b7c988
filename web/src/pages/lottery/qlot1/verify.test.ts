import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runDraw, verifyBundle } from '../../../../../src/lottery/index.js';
import { sha256, toHex } from './sha256';
import { verifyQlot1 } from './verify';

// The spec's own vector (../shared/specs/lottery-qlot1.md section 7), as copied into the repo beside src/lottery
// (src/lottery/vector.test.ts checks the copy against the spec's file when that file is present).
const vector = JSON.parse(readFileSync(new URL('../../../../../src/lottery/qlot1.vector.json', import.meta.url), 'utf8'));
const vectorTsv = new TextEncoder().encode(['A-0001\tPRIO,GEN', 'A-0002\tGEN', 'A-0003\tPRIO,GEN', 'A-0004\tGEN', 'A-0005\tPRIO,GEN', 'A-0006\tGEN', ''].join('\n'));
const states = (r: ReturnType<typeof verifyQlot1>) => r.checks.map((c) => c.state);

describe('QLOT-1 section 6 in the browser: the spec vector', () => {
  it('SHA-256 agrees with node:crypto on lengths around the block boundaries', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
      const b = randomBytes(n);
      expect(toHex(sha256(b))).toBe(createHash('sha256').update(b).digest('hex'));
    }
  });

  it('the vector verifies: all four checks pass, 6 entrants, seed 190614cb…', () => {
    const r = verifyQlot1(vectorTsv, JSON.stringify(vector));
    expect(states(r)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(r).toMatchObject({ ok: true, entrants: 6, seed: vector.seed });
  });

  it('a changed list fails check 1 and the rest are not checked', () => {
    const changed = new TextEncoder().encode(new TextDecoder().decode(vectorTsv).replace('A-0002\tGEN', 'A-0002\tPRIO,GEN'));
    const r = verifyQlot1(changed, vector);
    expect(states(r)).toEqual(['fail', 'skipped', 'skipped', 'skipped']);
    expect(r.checks[0].message_zh).toContain('名单被改动过');
  });

  it('a swapped secret fails check 2; a different beacon fails check 3', () => {
    const secret = verifyQlot1(vectorTsv, { ...vector, server_secret: 'ff'.repeat(32) });
    expect(states(secret)).toEqual(['pass', 'fail', 'skipped', 'skipped']);
    expect(secret.checks[1].message_zh).toContain('密钥被更换过');
    expect(states(verifyQlot1(vectorTsv, { ...vector, beacon: '20250520-381947' }))).toEqual(['pass', 'pass', 'fail', 'skipped']);
  });

  it('two ranks swapped fail check 4, naming the first entry that differs', () => {
    const results = vector.results.map((x: object) => ({ ...x }));
    [results[2].entrant_id, results[3].entrant_id] = [results[3].entrant_id, results[2].entrant_id];
    const r = verifyQlot1(vectorTsv, { ...vector, results });
    expect(states(r)).toEqual(['pass', 'pass', 'pass', 'fail']);
    expect(r.checks[3].message_zh).toContain('第 3 项不符');
  });

  it('not JSON, or not QLOT-1, fails check 1 in words', () => {
    expect(verifyQlot1(vectorTsv, '{"spec":').checks[0]).toMatchObject({ state: 'fail', message_zh: expect.stringContaining('不是合法的 JSON') });
    expect(verifyQlot1(vectorTsv, { ...vector, spec: 'QLOT-2' }).checks[0].state).toBe('fail');
  });
});

describe('the browser port agrees with the platform (src/lottery) on random bundles', () => {
  const pools = [{ label: 'PRIO', quota: 40 }, { label: 'YOUTH', quota: 25 }, { label: 'GEN', quota: 'all' as const }];
  it.each([1, 2, 3])('bundle %i: 3,000 entrants, three pools', (n) => {
    const entrants = Array.from({ length: 3000 }, (_, i) => {
      const r = (i * 7919 + n * 104729) % 10;
      return { entrant_id: `R${n}${String(i).padStart(6, '0')}`, pools: r < 2 ? ['PRIO', 'GEN'] : r < 4 ? ['YOUTH', 'GEN'] : r < 5 ? ['PRIO', 'YOUTH', 'GEN'] : ['GEN'] };
    });
    const d = runDraw({ project_code: `JN-2026-00${n}`, round: n, pools, entrants, server_secret: randomBytes(32).toString('hex'), beacon: `beacon-${n}-开奖` });
    const json = d.json();
    const progress: string[] = [];
    const mine = verifyQlot1(d.entrantsTsv, json, (p) => progress.push(`${p.step}:${p.label}`));
    expect(mine).toMatchObject({ ok: true, entrants: 3000 });
    expect(verifyBundle({ entrantsTsv: d.entrantsTsv, lotteryJson: json })).toMatchObject({ ok: true, seed: mine.seed });
    expect(progress).toEqual(expect.arrayContaining(['4:PRIO', '4:YOUTH', '4:GEN']));
    // Move one entrant of the general pool one place down: both verifiers refuse at check 4.
    const bundle = d.bundle();
    const k = bundle.results.length - 2;
    [bundle.results[k].entrant_id, bundle.results[k + 1].entrant_id] = [bundle.results[k + 1].entrant_id, bundle.results[k].entrant_id];
    expect(verifyQlot1(d.entrantsTsv, bundle).checks[3].state).toBe('fail');
    expect(verifyBundle({ entrantsTsv: d.entrantsTsv, lotteryJson: bundle })).toMatchObject({ ok: false, step: 4 });
  });
});
