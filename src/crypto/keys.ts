/**
 * Key loading: QC_DATA_KEY / QC_INDEX_KEY (base64, 32 bytes each) from the environment, or,
 * for the embedded development setup only, generated once into ./data/keys.json (mode 0600).
 * Losing that file makes the stored personal data unreadable: back it up with ./data.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createFieldCrypto, type FieldCrypto, type KeyMaterial } from './field-crypto.js';

function decodeKey(name: string, b64: string): Buffer {
  const key = Buffer.from(b64, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded (got ${key.length} bytes)`);
  return key;
}

/** Options for `loadKeys`. */
export interface LoadKeysOptions {
  env?: NodeJS.ProcessEnv;
  /** Where to keep generated keys when the environment has none; default ./data/keys.json. */
  keyFile?: string;
}

/** Read keys from the environment, else from (or newly into) the key file. */
export function loadKeys(opts: LoadKeysOptions = {}): KeyMaterial {
  const env = opts.env ?? process.env;
  if (env.QC_DATA_KEY || env.QC_INDEX_KEY) {
    if (!env.QC_DATA_KEY || !env.QC_INDEX_KEY) throw new Error('set both QC_DATA_KEY and QC_INDEX_KEY, or neither');
    return { dataKey: decodeKey('QC_DATA_KEY', env.QC_DATA_KEY), indexKey: decodeKey('QC_INDEX_KEY', env.QC_INDEX_KEY) };
  }
  const file = opts.keyFile ?? './data/keys.json';
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const fresh = { dataKey: randomBytes(32).toString('base64'), indexKey: randomBytes(32).toString('base64') };
    // 'wx' fails if another process created the file meanwhile; then we read theirs.
    try {
      writeFileSync(file, JSON.stringify(fresh, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  chmodSync(file, 0o600);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { dataKey: string; indexKey: string };
  return { dataKey: decodeKey('dataKey', stored.dataKey), indexKey: decodeKey('indexKey', stored.indexKey) };
}

/** FieldCrypto from `loadKeys`. */
export function loadFieldCrypto(opts: LoadKeysOptions = {}): FieldCrypto {
  return createFieldCrypto(loadKeys(opts));
}

/** Fresh random keys (tests and benchmarks). */
export function randomFieldCrypto(): FieldCrypto {
  return createFieldCrypto({ dataKey: randomBytes(32), indexKey: randomBytes(32) });
}
