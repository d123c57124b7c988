/**
 * The key the simulated bank signs callbacks with: QC_SIMBANK_KEY (base64, at least 32 bytes)
 * from the environment, else generated once into <dataDir>/simbank.key (mode 0600) like the
 * field keys (src/crypto/keys.ts). Tests use a fresh random key.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Reads or creates the key. */
export function loadSimBankKey(opts: { env?: NodeJS.ProcessEnv; dataDir?: string } = {}): Buffer {
  const env = opts.env ?? process.env;
  if (env.QC_SIMBANK_KEY) return decode('QC_SIMBANK_KEY', env.QC_SIMBANK_KEY);
  const file = join(opts.dataDir ?? './data', 'simbank.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  chmodSync(file, 0o600);
  return decode(file, readFileSync(file, 'utf8').trim());
}

function decode(name: string, b64: string): Buffer {
  const key = Buffer.from(b64, 'base64');
  if (key.length < 32) throw new Error(`${name} must be at least 32 bytes, base64-encoded (got ${key.length} bytes)`);
  return key;
}

/** A fresh random key (tests). */
export const randomSimBankKey = (): Buffer => randomBytes(32);
