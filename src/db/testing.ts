/**
 * Fresh, migrated databases for tests: PGlite in memory by default; when DATABASE_URL is
 * set, a new database `qc_test_<random>` on that server, dropped on close.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openDb, type DbHandle } from './client.js';

/** Options for `openTestDb`. */
export interface TestDbOptions {
  /** Force PGlite even when DATABASE_URL is set. */
  pglite?: boolean;
  /** Pool size on PostgreSQL (race tests need more than the default). */
  poolSize?: number;
}

/** A fresh migrated database; `close()` disposes of it. */
export async function openTestDb(opts: TestDbOptions = {}): Promise<DbHandle> {
  const url = opts.pglite ? undefined : process.env.DATABASE_URL;
  if (!url) {
    const h = await openDb({ memory: true });
    await migrate(h);
    return h;
  }
  const name = `qc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  const h = await openDb({ url: u.toString(), poolSize: opts.poolSize });
  await migrate(h);
  const close = h.close;
  return {
    ...h,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      try {
        // pool.end() resolves before the server has seen every backend go; FORCE would kill
        // those backends mid-goodbye and surface as unhandled 57P01 errors, so wait instead.
        for (let i = 0; ; i++) {
          try {
            await a.query(`drop database if exists ${name}`);
            break;
          } catch (e) {
            if ((e as { code?: string }).code !== '55006' || i >= 50) throw e;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await a.end();
      }
    },
  };
}

/**
 * The database kinds the integration tests run on: always PGlite, plus PostgreSQL when DATABASE_URL is
 * set. `QC_TEST_DB_KINDS=postgres` narrows a run to PostgreSQL: .ci/run's second pass uses it, since its
 * first pass has just run every test on PGlite.
 */
export const TEST_DB_KINDS: Array<'pglite' | 'postgres'> = testDbKinds(process.env);

/** The kinds for an environment (exported for its test). */
export function testDbKinds(env: Record<string, string | undefined>): Array<'pglite' | 'postgres'> {
  const all: Array<'pglite' | 'postgres'> = env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const only = env.QC_TEST_DB_KINDS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!only?.length) return all;
  const picked = all.filter((k) => only.includes(k));
  if (!picked.length) throw new Error(`QC_TEST_DB_KINDS=${env.QC_TEST_DB_KINDS} names no available database (available: ${all.join(', ')})`);
  return picked;
}

/** Open a test database of the given kind. */
export function openTestDbOf(kind: 'pglite' | 'postgres', opts: Omit<TestDbOptions, 'pglite'> = {}): Promise<DbHandle> {
  return openTestDb({ ...opts, pglite: kind === 'pglite' });
}
