/**
 * /api/auth: applicant self-registration, login (rate-limited per IP and username), logout, me.
 * Staff accounts are created by seed/CLI only (src/commands/accounts/create-staff.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { login } from '../../../commands/accounts/login.js';
import { logout } from '../../../commands/accounts/logout.js';
import { registerApplicant } from '../../../commands/accounts/register.js';
import { createSession } from '../../../commands/accounts/session.js';
import { normalizeUsername } from '../../../commands/accounts/password.js';
import type { AppDeps } from '../../deps.js';
import { HttpError } from '../../errors.js';
import { guard } from '../../pipeline.js';
import { clearSessionCookie, setSessionCookie } from '../../plugins/auth.js';
import { presentAccount } from './presenter.js';
import { AccountEnvelope, LoginBody, RegisterBody } from './schema.js';

const tooManyLogins = (_req: FastifyRequest, ctx: { ttl: number }) =>
  new HttpError(429, 'RATE_LIMITED',
    `登录尝试过于频繁，请 ${Math.ceil(ctx.ttl / 60000)} 分钟后再试。`,
    `Too many sign-in attempts; try again in ${Math.ceil(ctx.ttl / 60000)} minute(s).`,
    { field: 'username' });

/** Registers the auth routes. */
export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const sessionCtx = { db: deps.db.db, clock: deps.clock };

  r.post('/api/auth/register', {
    schema: {
      tags: ['auth'], summary: '申请人注册 Register an applicant account (signs in)',
      body: RegisterBody, response: { 201: AccountEnvelope },
    },
  }, async (req, reply) => {
    const account = await registerApplicant({ db: deps.db.db, crypto: deps.crypto }, req.body);
    // A new family goes straight on to its application, so registration also signs in.
    const s = await createSession(sessionCtx, account.id);
    setSessionCookie(reply, s.token);
    return reply.code(201).send(presentAccount(account));
  });

  r.post('/api/auth/login', {
    schema: { tags: ['auth'], summary: '登录 Sign in (sets the qc_session cookie)', body: LoginBody, response: { 200: AccountEnvelope } },
    config: {
      rateLimit: {
        max: deps.loginMax ?? 10,
        timeWindow: deps.loginWindowMs ?? 15 * 60 * 1000,
        // After body parsing, so the key can include the username being tried.
        hook: 'preHandler',
        keyGenerator: (req: FastifyRequest) => {
          const u = (req.body as { username?: unknown } | undefined)?.username;
          return `${req.ip}|${typeof u === 'string' ? normalizeUsername(u) : ''}`;
        },
        errorResponseBuilder: tooManyLogins,
      },
    },
  }, async (req, reply) => {
    const res = await login(sessionCtx, req.body);
    setSessionCookie(reply, res.token);
    return presentAccount(res.account);
  });

  r.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: '退出登录 Sign out' },
  }, async (req, reply) => {
    await logout(sessionCtx, req.sessionToken);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  r.get('/api/auth/me', {
    preValidation: guard('auth.me'),
    schema: { tags: ['auth'], summary: '当前账户 The signed-in account', response: { 200: AccountEnvelope } },
  }, async (req) => presentAccount(req.account!));
}
