/** Sign-in with username and password (argon2id). */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts } from '../../db/schema.js';
import { DomainError } from '../errors.js';
import { accountView, type AccountView } from './account.js';
import { burnVerify, normalizeUsername, verifyPassword } from './password.js';
import { createSession } from './session.js';

/** Input of `login`. */
export type LoginInput = { username: string; password: string };

// One message for "no such user" and "wrong password": the answer must not tell which.
const BAD_CREDENTIALS = () =>
  new DomainError('BAD_CREDENTIALS', 401, '用户名或密码错误。', 'Wrong username or password.', 'password');

/**
 * Verifies the password and opens a session. Returns the cookie token (the caller sets it;
 * only its hash is stored). Disabled accounts are refused like a wrong password.
 */
export async function login(
  ctx: { db: Db; clock: { now(): Date } },
  input: LoginInput,
): Promise<{ account: AccountView; token: string; expiresAt: Date }> {
  const username = normalizeUsername(input.username);
  const rows = await ctx.db.select().from(accounts).where(eq(accounts.username, username)).limit(1);
  const row = rows[0];
  if (!row) {
    await burnVerify(input.password);
    throw BAD_CREDENTIALS();
  }
  const ok = await verifyPassword(row.passwordHash, input.password);
  if (!ok || row.disabledAt) throw BAD_CREDENTIALS();
  const session = await createSession(ctx, row.id);
  return { account: accountView(row), ...session };
}
