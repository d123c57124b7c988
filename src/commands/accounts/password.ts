/**
 * Account credentials: username and password policy, argon2id hashing.
 *
 * These are security settings of the platform, not policy numbers of the gazette, so they
 * live here rather than in params/.
 */
import { hash, verify } from '@node-rs/argon2';

/** A refusal naming the field, in Chinese and English. */
export type CredentialProblem = { field: 'username' | 'password'; code: string; zh: string; en: string };

const MIN_PASSWORD = 8;
const MAX_PASSWORD = 128;

/**
 * Password policy: 8–128 characters with at least one letter and one digit.
 * Length is counted in code points so that a Chinese pass-phrase counts as a person reads it.
 */
export function checkPassword(password: string): CredentialProblem | null {
  const len = [...password].length;
  if (len < MIN_PASSWORD || len > MAX_PASSWORD) {
    return {
      field: 'password', code: 'WEAK_PASSWORD',
      zh: `密码长度应为 ${MIN_PASSWORD}–${MAX_PASSWORD} 个字符。`,
      en: `The password must be ${MIN_PASSWORD}–${MAX_PASSWORD} characters long.`,
    };
  }
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) {
    return {
      field: 'password', code: 'WEAK_PASSWORD',
      zh: '密码须同时包含字母和数字。',
      en: 'The password must contain both letters and digits.',
    };
  }
  return null;
}

/** Usernames: 3–32 of a-z, 0-9, "_", ".", "-", starting with a letter or digit (a phone number works). */
export function checkUsername(username: string): CredentialProblem | null {
  if (!/^[a-z0-9][a-z0-9_.-]{2,31}$/.test(username)) {
    return {
      field: 'username', code: 'BAD_USERNAME',
      zh: '用户名应为 3–32 位小写字母、数字或 _ . -，并以字母或数字开头。',
      en: 'The username must be 3–32 lower-case letters, digits, "_", "." or "-", starting with a letter or digit.',
    };
  }
  return null;
}

/** Usernames compare case-insensitively: stored lower-case, trimmed. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

// OWASP's argon2id floor (19 MiB, 2 passes, 1 lane); @node-rs/argon2 defaults to argon2id.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** argon2id PHC string of the password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** True when the password matches the stored PHC string; false (never throws) on a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Spends the same work as a real verification when the username does not exist, so that the
 * response time does not tell which usernames are registered.
 */
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-0');
  await verifyPassword(await dummy, password);
}
