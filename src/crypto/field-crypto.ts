/**
 * Personal-data protection at rest: AES-256-GCM field encryption and an HMAC-SHA256 blind
 * index (architecture.md "Personal data"). The index key is separate from the data key so
 * that a leaked index cannot be used to decrypt and a leaked data key does not give the index.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** Thrown when a ciphertext is malformed, tampered with, or encrypted under another key. */
export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

/** Encrypts fields and computes blind indexes. Commands receive one in `ctx.crypto`. */
export interface FieldCrypto {
  /** Envelope string "v1:<iv>:<tag>:<ct>" (base64 parts). `aad` binds the ciphertext to its context. */
  encrypt(plain: string, aad?: string): string;
  /** Inverse of `encrypt`; throws DecryptionError on any tampering. */
  decrypt(envelope: string, aad?: string): string;
  encryptJson(value: unknown, aad?: string): string;
  decryptJson<T>(envelope: string, aad?: string): T;
  /** Keyed HMAC-SHA256 (hex) of a normalised value: equal inputs give equal indexes. */
  blindIndex(value: string): string;
}

/** Raw keys, each 32 bytes. */
export interface KeyMaterial {
  dataKey: Buffer;
  indexKey: Buffer;
}

const VERSION = 'v1';

// ID numbers are compared case-insensitively on the check digit ('x' and 'X' are one person).
const normalise = (v: string) => v.trim().toUpperCase();

/** Build a FieldCrypto over the given keys. */
export function createFieldCrypto(keys: KeyMaterial): FieldCrypto {
  if (keys.dataKey.length !== 32 || keys.indexKey.length !== 32) throw new Error('keys must be 32 bytes');
  if (keys.dataKey.equals(keys.indexKey)) throw new Error('data key and index key must differ');
  const encrypt = (plain: string, aad?: string) => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', keys.dataKey, iv);
    if (aad) c.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return [VERSION, iv.toString('base64'), c.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
  };
  const decrypt = (envelope: string, aad?: string) => {
    const parts = envelope.split(':');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new DecryptionError('unknown envelope format');
    const [, iv, tag, ct] = parts.map((p, i) => (i === 0 ? Buffer.alloc(0) : Buffer.from(p, 'base64')));
    if (iv.length !== 12 || tag.length !== 16) throw new DecryptionError('malformed envelope');
    try {
      const d = createDecipheriv('aes-256-gcm', keys.dataKey, iv);
      if (aad) d.setAAD(Buffer.from(aad, 'utf8'));
      d.setAuthTag(tag);
      return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
    } catch {
      throw new DecryptionError('ciphertext failed authentication');
    }
  };
  return {
    encrypt,
    decrypt,
    encryptJson: (value, aad) => encrypt(JSON.stringify(value), aad),
    decryptJson: <T>(envelope: string, aad?: string) => JSON.parse(decrypt(envelope, aad)) as T,
    blindIndex: (value) => createHmac('sha256', keys.indexKey).update(normalise(value), 'utf8').digest('hex'),
  };
}

/**
 * Associated data binding each ciphertext to its place, so a value copied into another
 * column or row fails to decrypt. Every writer and reader of these fields uses these.
 */
export const AAD = {
  accountPhone: (accountId: string) => `accounts.phone:${accountId}`,
  revisionForm: (applicationId: string) => `application_revision.form:${applicationId}`,
} as const;
