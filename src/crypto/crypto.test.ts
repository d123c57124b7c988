import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto, DecryptionError, loadKeys, randomFieldCrypto } from './index.js';

const ID = '370102199001011234';

describe('field encryption (AES-256-GCM)', () => {
  it('round-trips Chinese text in a v1 envelope and never shows the plaintext', () => {
    const c = randomFieldCrypto();
    const env = c.encrypt('张三 ' + ID);
    expect(env).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(env).not.toContain(ID);
    expect(c.decrypt(env)).toBe('张三 ' + ID);
    expect(c.encrypt('x')).not.toBe(c.encrypt('x'));
  });

  it('detects a tampered ciphertext, tag, wrong context (AAD) or wrong key', () => {
    const c = randomFieldCrypto();
    const env = c.encrypt('{"name":"张三"}', 'revision:1');
    const [v, iv, tag, ct] = env.split(':');
    const flipped = Buffer.from(ct, 'base64');
    flipped[0] ^= 1;
    expect(() => c.decrypt([v, iv, tag, flipped.toString('base64')].join(':'), 'revision:1')).toThrow(DecryptionError);
    const badTag = Buffer.from(tag, 'base64');
    badTag[3] ^= 0x80;
    expect(() => c.decrypt([v, iv, badTag.toString('base64'), ct].join(':'), 'revision:1')).toThrow(DecryptionError);
    expect(() => c.decrypt(env, 'revision:2')).toThrow(DecryptionError);
    expect(() => randomFieldCrypto().decrypt(env, 'revision:1')).toThrow(DecryptionError);
    expect(() => c.decrypt('v2:' + env.slice(3), 'revision:1')).toThrow(DecryptionError);
    expect(c.decryptJson<{ name: string }>(env, 'revision:1').name).toBe('张三');
  });
});

describe('blind index (HMAC-SHA256)', () => {
  it('gives the same index for the same ID (check digit x/X alike) and differs from a plain hash', () => {
    const keys = { dataKey: randomBytes(32), indexKey: randomBytes(32) };
    const c = createFieldCrypto(keys);
    expect(c.blindIndex('11010519491231002x')).toBe(createFieldCrypto(keys).blindIndex('11010519491231002X'));
    expect(c.blindIndex(ID)).not.toBe(c.blindIndex('370102199001011242'));
    expect(c.blindIndex(ID)).not.toBe(createHash('sha256').update(ID).digest('hex'));
    expect(c.blindIndex(ID)).not.toBe(randomFieldCrypto().blindIndex(ID));
  });

  it('refuses equal data and index keys', () => {
    const k = randomBytes(32);
    expect(() => createFieldCrypto({ dataKey: k, indexKey: k })).toThrow(/differ/);
  });
});

describe('key loading', () => {
  it('generates ./data/keys.json once with mode 0600 and reuses it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qc-keys-')), 'data', 'keys.json');
    const a = loadKeys({ env: {}, keyFile: file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const b = loadKeys({ env: {}, keyFile: file });
    expect(b.dataKey.equals(a.dataKey)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).indexKey).toBe(a.indexKey.toString('base64'));
  });

  it('reads QC_DATA_KEY / QC_INDEX_KEY and rejects a short key naming the variable', () => {
    const d = randomBytes(32).toString('base64');
    const i = randomBytes(32).toString('base64');
    expect(loadKeys({ env: { QC_DATA_KEY: d, QC_INDEX_KEY: i } }).dataKey.toString('base64')).toBe(d);
    expect(() => loadKeys({ env: { QC_DATA_KEY: 'c2hvcnQ=', QC_INDEX_KEY: i } })).toThrow(/QC_DATA_KEY/);
    expect(() => loadKeys({ env: { QC_DATA_KEY: d } })).toThrow(/both/);
  });
});
