/**
 * Idempotency-Key for submit-like POSTs: the same key from the same account gets the same
 * answer and the command runs once.
 *
 * A key is first reserved (a row without a status), then the command runs in its own
 * transaction, then the answer is stored. Two requests with one key race on the primary key
 * (key, account_id): the loser sees the reservation and is told to retry (409). Only
 * successful answers are stored; after a failure the reservation is dropped, because the
 * failed command changed nothing and the client may try again. A reservation left behind by
 * a crashed process is taken over after `STALE_MS`.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { idempotencyKeys } from '../db/schema.js';
import type { AppDeps } from './deps.js';
import { HttpError } from './errors.js';

const STALE_MS = 60_000;
const KEY = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The header name (case-insensitive on the wire). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

function requestHash(req: FastifyRequest): string {
  return createHash('sha256').update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
}

/**
 * Runs `fn` at most once per (Idempotency-Key, account). Without the header, just runs it.
 * `fn` returns the status and body to send; the replay answers the same status and body.
 * The caller returns the body from its handler, so the route's response schema applies to both.
 */
export async function idempotent<T>(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  fn: () => Promise<{ status: number; body: T }>,
): Promise<T> {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined || !req.actor.accountId) {
    const r = await fn();
    reply.code(r.status);
    return r.body;
  }
  if (!KEY.test(key)) {
    throw new HttpError(400, 'VALIDATION', '幂等键 (Idempotency-Key) 应为 1–100 位字母、数字或 _ . : -。',
      'Idempotency-Key must be 1–100 letters, digits or _ . : -.', { field: IDEMPOTENCY_HEADER, in: 'headers' });
  }
  const db = deps.db.db;
  const accountId = req.actor.accountId;
  const route = `${req.method} ${req.routeOptions.url ?? req.url}`;
  const hash = requestHash(req);
  const now = deps.clock.now();
  const where = and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.accountId, accountId));

  const reserved = await db.insert(idempotencyKeys)
    .values({ key, accountId, route, requestHash: hash, createdAt: now })
    .onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (reserved.length === 0) {
    const prior = (await db.select().from(idempotencyKeys).where(where))[0];
    if (prior && (prior.requestHash !== hash || prior.route !== route)) {
      throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一个请求。',
        'This Idempotency-Key was already used for a different request.', { field: IDEMPOTENCY_HEADER });
    }
    if (prior && prior.statusCode !== null) {
      reply.code(prior.statusCode).header('idempotent-replayed', 'true');
      return prior.response as T;
    }
    // In progress elsewhere, unless stale: then take it over atomically.
    const taken = await db.update(idempotencyKeys).set({ createdAt: now })
      .where(and(where, isNull(idempotencyKeys.statusCode), lt(idempotencyKeys.createdAt, new Date(now.getTime() - STALE_MS))))
      .returning({ key: idempotencyKeys.key });
    if (taken.length === 0) {
      throw new HttpError(409, 'IDEMPOTENCY_IN_PROGRESS', '相同请求正在处理中，请稍后重试。',
        'The same request is still being processed; retry shortly.', { field: IDEMPOTENCY_HEADER });
    }
  }
  let result: { status: number; body: T };
  try {
    result = await fn();
  } catch (err) {
    await db.delete(idempotencyKeys).where(and(where, isNull(idempotencyKeys.statusCode)));
    throw err;
  }
  await db.update(idempotencyKeys)
    .set({ statusCode: result.status, response: result.body as object })
    .where(and(where, or(isNull(idempotencyKeys.statusCode))));
  reply.code(result.status);
  return result.body;
}
