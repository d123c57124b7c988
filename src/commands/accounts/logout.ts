/** Sign-out: the session row is deleted, so the cookie token is worthless from now on. */
import type { Db } from '../../db/client.js';
import { deleteSession } from './session.js';

/** Deletes the session of `token`; idempotent (a second logout is not an error). */
export async function logout(ctx: { db: Db; clock: { now(): Date } }, token: string | undefined): Promise<void> {
  if (token) await deleteSession(ctx, token);
}
