/**
 * Self-registration of an applicant family's account. Staff accounts are never created
 * here (see create-staff.ts): a visitor cannot give itself a staff role.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts } from '../../db/schema.js';
import type { FieldCrypto } from '../../crypto/index.js';
import { DomainError } from '../errors.js';
import { accountView, type AccountView } from './account.js';
import { checkPassword, checkUsername, hashPassword, normalizeUsername } from './password.js';

/** Input of `registerApplicant`. */
export type RegisterInput = { username: string; password: string; displayName: string; phone: string };

const PHONE = /^1[3-9]\d{9}$/;

/** Throws the first problem with the credentials as a 400 naming the field. */
export function assertCredentials(username: string, password: string): void {
  const p = checkUsername(username) ?? checkPassword(password);
  if (p) throw new DomainError(p.code, 400, p.zh, p.en, p.field);
}

/**
 * Creates an applicant account. One transaction (a single insert); a taken username is a
 * 409 naming `username`, decided by the unique constraint so that two racing requests
 * cannot both win.
 */
export async function registerApplicant(
  ctx: { db: Db; crypto: FieldCrypto },
  input: RegisterInput,
): Promise<AccountView> {
  const username = normalizeUsername(input.username);
  assertCredentials(username, input.password);
  const displayName = input.displayName.trim();
  if (displayName.length < 1 || displayName.length > 50) {
    throw new DomainError('BAD_DISPLAY_NAME', 400, '姓名应为 1–50 个字符。', 'The name must be 1–50 characters.', 'displayName');
  }
  const phone = input.phone.trim();
  if (!PHONE.test(phone)) {
    throw new DomainError('BAD_PHONE', 400, '手机号码应为 11 位中国大陆手机号。', 'The phone must be an 11-digit mainland China mobile number.', 'phone');
  }
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const rows = await ctx.db
    .insert(accounts)
    .values({
      id, username, passwordHash, role: 'applicant', displayName,
      phoneEnc: ctx.crypto.encrypt(phone, `accounts.phone:${id}`),
      phoneBlind: ctx.crypto.blindIndex(phone),
    })
    .onConflictDoNothing({ target: accounts.username })
    .returning();
  const row = rows[0];
  if (!row) {
    throw new DomainError('USERNAME_TAKEN', 409, '该用户名已被注册。', 'This username is already registered.', 'username');
  }
  return accountView(row);
}

/** Number of accounts (health of the seed; used by `start` to decide first-run seeding). */
export async function countAccounts(db: Db): Promise<number> {
  const r = await db.select({ n: sql<number>`count(*)::int` }).from(accounts);
  return r[0]?.n ?? 0;
}
