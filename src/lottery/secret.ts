/**
 * The server secret (QLOT-1 section 3): 32 bytes from a cryptographic random source, drawn when
 * the list is frozen. The source is injected (node:crypto randomBytes in the platform) so the
 * rest of the lottery stays free of randomness.
 */
import { commitment } from './seed.js';

/** A source of n cryptographically random bytes, e.g. node:crypto randomBytes. */
export type RandomSource = (n: number) => Uint8Array;

/** A fresh server secret (lowercase hex) and its commitment, to publish with list_digest. */
export function generateSecret(random: RandomSource): { server_secret: string; commitment: string } {
  const bytes = random(32);
  if (bytes.length !== 32) throw new RangeError('the random source must return 32 bytes');
  const server_secret = Buffer.from(bytes).toString('hex');
  return { server_secret, commitment: commitment(server_secret) };
}
