import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listDigest } from './index.js';

const BIN = fileURLToPath(new URL('../../bin/quancheng.js', import.meta.url));
const VECTOR = readFileSync(new URL('./qlot1.vector.json', import.meta.url));
const vector = JSON.parse(VECTOR.toString('utf8'));
const TSV = 'A-0001\tPRIO,GEN\nA-0002\tGEN\nA-0003\tPRIO,GEN\nA-0004\tGEN\nA-0005\tPRIO,GEN\nA-0006\tGEN\n';
/** The spec's entrants, shuffled, labels in another order, CRLF: what an export might look like. */
const LOOSE = 'A-0006\tGEN\r\nA-0003\tGEN,PRIO\r\nA-0001\tPRIO,GEN\r\nA-0002\tGEN\r\nA-0005\tPRIO,GEN\r\nA-0004\tGEN\r\n';
const POOLS = JSON.stringify(vector.pools);

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, 'lottery', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'qlot-'));
const bundleDir = (tsv: string, json: unknown) => {
  const dir = tmp();
  writeFileSync(join(dir, 'entrants.tsv'), tsv);
  writeFileSync(join(dir, 'lottery.json'), typeof json === 'string' || Buffer.isBuffer(json) ? json : JSON.stringify(json));
  return dir;
};
const drawArgs = (entrants: string, out: string, pools = POOLS) =>
  ['draw', '--entrants', entrants, '--pools', pools, '--project', 'JN-2025-001', '--round', '1', '--secret', vector.server_secret, '--beacon', vector.beacon, '--out', out];

describe('quancheng lottery (the QLOT-1 verification kit)', () => {
  it('draw reproduces the spec vector from a shuffled CRLF list, then verify accepts the bundle (exit 0)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.tsv'), LOOSE);
    const out = join(dir, 'bundle');
    const d = cli(...drawArgs(join(dir, 'in.tsv'), out));
    expect(d.err).toBe('');
    expect(d.code).toBe(0);
    expect(d.out).toContain(`seed ${vector.seed}`);
    expect(readFileSync(join(out, 'entrants.tsv'), 'utf8')).toBe(TSV);
    expect(JSON.parse(readFileSync(join(out, 'lottery.json'), 'utf8'))).toEqual(vector);
    const v = cli('verify', out);
    expect(v).toMatchObject({ code: 0, out: expect.stringContaining('verified: the ranks of all 6 entrants are as published') });
  }, 30_000);

  it('draw takes --pools as a file path as well as inline JSON', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.tsv'), TSV);
    writeFileSync(join(dir, 'pools.json'), POOLS);
    expect(cli(...drawArgs(join(dir, 'in.tsv'), join(dir, 'b'), join(dir, 'pools.json'))).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'b', 'lottery.json'), 'utf8')).results).toEqual(vector.results);
  }, 30_000);

  it('verify accepts the shared vector bundle as published beside the spec', () => {
    expect(cli('verify', bundleDir(TSV, VECTOR))).toMatchObject({ code: 0 });
  }, 30_000);

  it('verify exits 1 and says which step failed, in Chinese and English', () => {
    const tampered = cli('verify', bundleDir(TSV.replace('A-0002\tGEN', 'A-0002\tPRIO,GEN'), VECTOR));
    expect(tampered).toMatchObject({ code: 1, out: expect.stringMatching(/^第 1 步未通过：.*\nstep 1 failed: the SHA-256 of entrants\.tsv/) });
    const swapped = { ...vector, results: [vector.results[1], vector.results[0], ...vector.results.slice(2)] };
    expect(cli('verify', bundleDir(TSV, swapped))).toMatchObject({ code: 1, out: expect.stringContaining('step 4 failed: results entry 1 differs') });
    const json = cli('verify', '--json', bundleDir(TSV, { ...vector, beacon: 'other' }));
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, step: 3 });
    const partial = tmp();
    writeFileSync(join(partial, 'entrants.tsv'), TSV);
    expect(cli('verify', partial)).toMatchObject({ code: 1, out: expect.stringContaining('lottery.json missing') });
  }, 30_000);

  it('exits 2 on usage errors: no such directory, duplicates in the list, a bad secret, bad --pools JSON', () => {
    expect(cli('verify', join(tmp(), 'nope')).code).toBe(2);
    const dir = tmp();
    writeFileSync(join(dir, 'dup.tsv'), `${TSV}A-0001\tGEN\n`);
    const dup = cli(...drawArgs(join(dir, 'dup.tsv'), join(dir, 'b')));
    expect(dup).toMatchObject({ code: 2, err: expect.stringContaining('entrant_id A-0001 appears twice (lines 1 and 7)') });
    expect(existsSync(join(dir, 'b'))).toBe(false);
    writeFileSync(join(dir, 'in.tsv'), TSV);
    const badSecret = cli(...drawArgs(join(dir, 'in.tsv'), join(dir, 'b')).map((a) => (a === vector.server_secret ? 'abc' : a)));
    expect(badSecret).toMatchObject({ code: 2, err: expect.stringContaining('server_secret must be 64 lowercase hex digits') });
    expect(cli(...drawArgs(join(dir, 'in.tsv'), join(dir, 'b'), '[{"label"'))).toMatchObject({ code: 2, err: expect.stringContaining('--pools is not valid JSON') });
  }, 30_000);

  it('freeze prints list_digest and a fresh commitment, writes the secret once, never over an existing file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.tsv'), LOOSE);
    const secret = join(dir, 'secret.hex');
    const f = cli('freeze', '--entrants', join(dir, 'in.tsv'), '--pools', POOLS, '--secret-out', secret);
    expect(f.code).toBe(0);
    expect(f.out).toContain(`list_digest ${listDigest(Buffer.from(TSV))}`);
    const hex = readFileSync(secret, 'utf8').trim();
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    expect(f.out).toContain(`commitment ${listDigest(Buffer.from(hex, 'hex'))}`);
    expect(cli('freeze', '--entrants', join(dir, 'in.tsv'), '--pools', POOLS, '--secret-out', secret).code).toBe(2);
    expect(readFileSync(secret, 'utf8').trim()).toBe(hex);
  }, 30_000);
});
