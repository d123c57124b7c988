/**
 * Browser sessions. The cookie carries a random 32-byte token; the database keeps only its
 * SHA-256, so a leaked sessions table cannot be replayed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts, sessions } from '../../db/schema.js';

/** What session functions need: the database and the injected clock. */
export type SessionContext = { db: Db; clock: { now(): Date } };

/** Idle time after which a session ends unless used again (sliding). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** A session never outlives this, however often it is used. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
// Writing last_seen on every request would turn reads into writes; a minute's slack is enough.
const TOUCH_AFTER_MS = 60 * 1000;

/** The account behind a live session, as the server needs it. */
export type SessionAccount = {
  id: string;
  username: string;
  role: string;
  districtCode: string | null;
  displayName: string;
};

/** SHA-256 hex of a cookie token: the session's primary key. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Opens a session for the account (in `db`, which may be the caller's transaction). */
export async function createSession(ctx: SessionContext, accountId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await ctx.db.insert(sessions).values({ id: tokenId(token), accountId, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, expiresAt };
}

/**
 * The account of a live session, sliding its expiry forward; null when the token is unknown,
 * expired, or the account is disabled. An expired row is deleted when met.
 */
export async function resolveSession(ctx: SessionContext, token: string): Promise<SessionAccount | null> {
  if (!token || token.length > 200) return null;
  const id = tokenId(token);
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt,
      id: accounts.id, username: accounts.username, role: accounts.role, districtCode: accounts.districtCode,
      displayName: accounts.displayName, disabledAt: accounts.disabledAt,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  if (row.expiresAt.getTime() <= now.getTime() || row.disabledAt) {
    await ctx.db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    const cap = row.createdAt.getTime() + SESSION_MAX_MS;
    const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap));
    await ctx.db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
  }
  return { id: row.id, username: row.username, role: row.role, districtCode: row.districtCode, displayName: row.displayName };
}

/** Ends the session of this token (logout). Returns whether one existed. */
export async function deleteSession(ctx: SessionContext, token: string): Promise<boolean> {
  const res = await ctx.db.delete(sessions).where(eq(sessions.id, tokenId(token))).returning({ id: sessions.id });
  return res.length > 0;
}

/** Deletes sessions that have expired (housekeeping; safe to run at any time). */
export async function purgeExpiredSessions(ctx: SessionContext): Promise<number> {
  const res = await ctx.db.delete(sessions).where(lt(sessions.expiresAt, ctx.clock.now())).returning({ id: sessions.id });
  return res.length;
}

/** Ends every session of an account (after a password change or when staff are disabled). */
export async function deleteSessionsOf(ctx: SessionContext, accountId: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.accountId, accountId));
}
