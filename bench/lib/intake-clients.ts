/**
 * The two ways the intake benchmark drives the platform: over HTTP as a family's browser
 * would (log in once, then create a draft and submit it, with the web app's Idempotency-Key
 * on submit), or in process by calling the commands directly (what HTTP costs is the difference).
 */
import { randomUUID } from 'node:crypto';
import { saveDraft, submitApplication } from '../../src/commands/applications/index.js';
import type { CommandContext } from '../../src/commands/context.js';
import { familyForm } from './forms.js';

/** An error carrying the HTTP status and the API's error code. */
export class HttpFailure extends Error {
  constructor(readonly status: number, readonly code: string, body: string) {
    super(`${status} ${code}: ${body.slice(0, 200)}`);
  }
}

async function call(base: string, cookie: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) {
    let code = `HTTP_${res.status}`;
    try { code = (JSON.parse(text) as { code?: string }).code ?? code; } catch { /* not JSON */ }
    throw new HttpFailure(res.status, code, text);
  }
  return { res, json: text ? JSON.parse(text) as Record<string, unknown> : {} };
}

/** A logged-in family client over HTTP (node's fetch keeps connections alive). */
export interface HttpClient {
  base: string;
  cookie: string;
}

/** Logs in; returns the client with its session cookie. */
export async function httpLogin(base: string, username: string, password: string): Promise<HttpClient> {
  const { res } = await call(base, undefined, 'POST', '/api/auth/login', { username, password });
  const set = res.headers.getSetCookie().find((c) => c.startsWith('qc_session='));
  if (!set) throw new Error('login set no qc_session cookie');
  return { base, cookie: set.split(';')[0]! };
}

/** Latencies of the two requests of one application, ms. */
export type IntakeTimings = { createMs: number; submitMs: number };

/** Create the draft of family n and submit it over HTTP. */
export async function httpIntake(c: HttpClient, n: number): Promise<IntakeTimings> {
  const t0 = performance.now();
  const { json: draft } = await call(c.base, c.cookie, 'POST', '/api/my/applications', { form: familyForm(n) });
  const t1 = performance.now();
  const { json: sub } = await call(c.base, c.cookie, 'POST', `/api/my/applications/${draft.id as string}/submit`, undefined, { 'idempotency-key': randomUUID() });
  if (sub.status !== 'submitted') throw new Error(`submit answered status ${String(sub.status)}`);
  return { createMs: t1 - t0, submitMs: performance.now() - t1 };
}

/** The same two commands called directly with the client's context. */
export async function inprocIntake(ctx: CommandContext, n: number): Promise<IntakeTimings> {
  const t0 = performance.now();
  const draft = await saveDraft(ctx, { form: familyForm(n) });
  const t1 = performance.now();
  const sub = await submitApplication(ctx, { applicationId: draft.id });
  if (sub.status !== 'submitted') throw new Error(`submit answered status ${sub.status}`);
  return { createMs: t1 - t0, submitMs: performance.now() - t1 };
}
