/**
 * The draw's server secret at rest (QLOT-1 section 3): drawn at freeze, kept AES-256-GCM encrypted
 * with the platform's field key until the draw reveals it in lottery.json. The associated data
 * binds the ciphertext to its draw, so a secret copied onto another draw row fails to decrypt
 * (as src/crypto AAD does for personal fields).
 */
import { randomBytes } from 'node:crypto';
import type { FieldCrypto } from '../../crypto/index.js';
import { generateSecret } from '../../lottery/index.js';

/** Associated data of a draw's secret. */
export const secretAad = (drawId: string) => `draws.secret_enc:${drawId}`;

/** A fresh 32-byte secret from the operating system's CSPRNG, its commitment, and its envelope. */
export function newSecret(crypto: FieldCrypto, drawId: string): { secretEnc: string; commitment: string } {
  const s = generateSecret((n) => randomBytes(n));
  return { secretEnc: crypto.encrypt(s.server_secret, secretAad(drawId)), commitment: s.commitment };
}

/** The secret (lowercase hex) of a frozen draw. */
export function openSecret(crypto: FieldCrypto, drawId: string, secretEnc: string): string {
  return crypto.decrypt(secretEnc, secretAad(drawId));
}
