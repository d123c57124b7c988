/**
 * QLOT-1 section 2 and 3: list_digest, commitment, seed. The exact bytes hashed for the seed are
 * "QLOT-1" LF project_code LF round LF list_digest LF server_secret_hex LF beacon LF (UTF-8).
 */
import { createHash } from 'node:crypto';
import { refuse } from './problem.js';

/** `^[A-Za-z0-9_-]{1,64}$` (section 3). */
export const PROJECT_CODE_RE = /^[A-Za-z0-9_-]{1,64}$/;
/** Lowercase hex of 32 bytes: digests, the secret, the seed. */
export const HEX32_RE = /^[0-9a-f]{64}$/;

/** The inputs of the seed, named as in lottery.json. */
export interface SeedInput {
  project_code: string;
  round: number;
  list_digest: string;
  server_secret: string;
  beacon: string;
}

/** Lowercase hex SHA-256 of bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** list_digest: lowercase hex SHA-256 of the canonical list bytes. */
export function listDigest(canonical: Uint8Array): string {
  return sha256Hex(canonical);
}

/** Throws unless `hex` is 64 lowercase hex digits; returns it. */
export function checkHex32(field: string, hex: unknown, zhName: string): string {
  if (typeof hex !== 'string' || !HEX32_RE.test(hex)) {
    refuse(field, 'hex_invalid', `${zhName}须为 64 位小写十六进制`, `${field} must be 64 lowercase hex digits`);
  }
  return hex;
}

/** commitment: lowercase hex SHA-256 of the 32 secret bytes (not of the hex text). */
export function commitment(serverSecretHex: string): string {
  return sha256Hex(Buffer.from(checkHex32('server_secret', serverSecretHex, '服务器密钥'), 'hex'));
}

/** Throws unless the beacon is 1..256 UTF-8 bytes, without LF, and well formed. */
export function checkBeacon(beacon: unknown): string {
  if (typeof beacon !== 'string' || Buffer.from(beacon, 'utf8').toString('utf8') !== beacon) refuse('beacon', 'beacon_invalid', '信标须为字符串', 'beacon must be a (well-formed) string');
  const n = Buffer.byteLength(beacon, 'utf8');
  if (n < 1 || n > 256) refuse('beacon', 'beacon_length', `信标须为 1 至 256 字节（现为 ${n}）`, `beacon must be 1 to 256 UTF-8 bytes (it is ${n})`);
  if (beacon.includes('\n')) refuse('beacon', 'beacon_lf', '信标不得含换行符 LF', 'beacon must not contain LF');
  return beacon;
}

/** Throws unless project_code matches section 3 and round is a positive integer. */
export function checkProjectRound(projectCode: unknown, round: unknown): void {
  if (typeof projectCode !== 'string' || !PROJECT_CODE_RE.test(projectCode)) {
    refuse('project_code', 'project_code_invalid', '项目编号须匹配 ^[A-Za-z0-9_-]{1,64}$', 'project_code must match ^[A-Za-z0-9_-]{1,64}$');
  }
  if (typeof round !== 'number' || !Number.isSafeInteger(round) || round < 1) {
    refuse('round', 'round_invalid', '轮次须为正整数', 'round must be a positive integer');
  }
}

/** The exact text hashed into the seed (section 3), after checking every part. */
export function seedText(s: SeedInput): string {
  checkProjectRound(s.project_code, s.round);
  checkHex32('list_digest', s.list_digest, '名单摘要');
  checkHex32('server_secret', s.server_secret, '服务器密钥');
  checkBeacon(s.beacon);
  return `QLOT-1\n${s.project_code}\n${s.round}\n${s.list_digest}\n${s.server_secret}\n${s.beacon}\n`;
}

/** seed: SHA-256 of seedText, as 32 bytes. */
export function seedBytes(s: SeedInput): Buffer {
  return createHash('sha256').update(seedText(s), 'utf8').digest();
}
