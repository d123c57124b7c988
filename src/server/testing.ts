/**
 * Test harness for the server: a real migrated database (PGlite, or PostgreSQL when
 * DATABASE_URL is set), the simulated departments, fresh random keys and a settable clock.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openTestDbOf } from '../db/testing.js';
import type { DbHandle } from '../db/client.js';
import { randomFieldCrypto, type FieldCrypto } from '../crypto/index.js';
import { SimulatedProvider } from '../datachecks/simulated.js';
import { buildApp } from './app.js';
import type { AppDeps, Clock } from './deps.js';

/** A clock the test moves by hand. `today` is derived in Asia/Shanghai (UTC+8, no DST). */
export class TestClock implements Clock {
  constructor(public current: Date = new Date('2025-06-02T02:00:00Z')) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  today(): string {
    return new Date(this.current.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type TestApp = {
  app: FastifyInstance;
  handle: DbHandle;
  clock: TestClock;
  sim: SimulatedProvider;
  crypto: FieldCrypto;
  close(): Promise<void>;
};

/** Builds the app on a fresh database of the given kind. */
export async function buildTestApp(
  kind: 'pglite' | 'postgres' = 'pglite',
  overrides: Partial<AppDeps> = {},
): Promise<TestApp> {
  const handle = await openTestDbOf(kind, { poolSize: 20 });
  const clock = new TestClock();
  const sim = new SimulatedProvider({}, () => clock.now());
  const crypto = randomFieldCrypto();
  const app = await buildApp({ db: handle, clock, dataChecks: sim, crypto, webDist: '/nonexistent', ...overrides });
  return {
    app, handle, clock, sim, crypto,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** The `qc_session` cookie value set by a response, if any. */
export function sessionCookie(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === 'qc_session')?.value;
}

/** A small client that keeps the session cookie between requests, like a browser. */
export class Agent {
  cookie?: string;
  constructor(private readonly app: FastifyInstance) {}
  async req(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
    if (this.cookie) headers.cookie = `qc_session=${this.cookie}`;
    const res = await this.app.inject({ ...opts, headers });
    const set = res.cookies.find((c) => c.name === 'qc_session');
    if (set) this.cookie = set.value || undefined;
    return res;
  }
  get(url: string) {
    return this.req({ method: 'GET', url });
  }
  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.req({ method: 'POST', url, payload: payload as never, headers });
  }
  put(url: string, payload?: unknown) {
    return this.req({ method: 'PUT', url, payload: payload as never });
  }
}
