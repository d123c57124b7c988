/**
 * Session cookie → `request.actor`. Runs first on every request; a missing or dead cookie
 * leaves the visitor anonymous (role "public"), and routes decide whether that is enough.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { resolveSession, SESSION_MAX_MS } from '../../commands/accounts/session.js';
import type { Actor, Role } from '../authz/policies.js';
import type { AppDeps } from '../deps.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'qc_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, or the anonymous public actor. */
    actor: Actor;
    /** Raw cookie token when a live session was found (logout needs it). */
    sessionToken?: string;
    /** Display data of the signed-in account. */
    account?: { id: string; username: string; role: string; districtCode: string | null; displayName: string };
  }
}

const ANONYMOUS: Actor = Object.freeze({ accountId: '', role: 'public' }) as Actor;

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure in production. */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production',
    path: '/',
    // The browser may keep it as long as the server would ever accept it; the server decides.
    maxAge: Math.floor(SESSION_MAX_MS / 1000),
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: process.env.NODE_ENV === 'production' });
}

/** Registers the onRequest hook that resolves the session. Requires @fastify/cookie. */
export function installAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (req) => {
    req.actor = ANONYMOUS;
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const acc = await resolveSession({ db: deps.db.db, clock: deps.clock }, token);
    if (!acc) return;
    req.sessionToken = token;
    req.account = acc;
    req.actor = { accountId: acc.id, role: acc.role as Role, ...(acc.districtCode ? { districtCode: acc.districtCode } : {}) };
  });
}
