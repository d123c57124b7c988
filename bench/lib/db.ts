/**
 * Databases for benchmarks: a dedicated PostgreSQL database (created fresh, dropped after)
 * or PGlite (in memory, or in a temporary directory for runs larger than memory allows).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openDb, type DbHandle } from '../../src/db/client.js';

export type BenchDbKind = 'pg' | 'pglite';

/** Default server URL (trust auth, database `test`), as in the project's PostgreSQL runs. */
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function admin<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** Run statements on the server's maintenance connection (database of the server URL). */
export function onServer<T>(f: (c: pg.Client) => Promise<T>, url = process.env.DATABASE_URL ?? DEFAULT_PG_URL): Promise<T> {
  return admin(url, f);
}

/** URL of database `name` on the server of `url`. */
export function databaseUrl(name: string, url = process.env.DATABASE_URL ?? DEFAULT_PG_URL): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drop the database, waiting for the pool's backends to go (no FORCE, see src/db/testing.ts). */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await admin(url, async (c) => {
    for (let i = 0; ; i++) {
      try {
        await c.query(`drop database if exists ${name}`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '55006' || i >= 100) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
}

/** Options of `openBenchDb`. */
export interface BenchDbOptions {
  kind: BenchDbKind;
  /** PostgreSQL server URL; default DATABASE_URL or DEFAULT_PG_URL. */
  url?: string;
  /** PostgreSQL database name, created fresh and dropped on close; default qc_bench. */
  name?: string;
  poolSize?: number;
  /** PGlite on disk in a temp dir instead of memory. */
  pgliteOnDisk?: boolean;
  /** PGlite on disk in this directory (kept on close; the caller removes it). */
  pgliteDir?: string;
  /** Open what is there instead of starting fresh (PGlite directory only). */
  reuse?: boolean;
  /** Keep the PostgreSQL database after close (inspection). */
  keep?: boolean;
}

/** A fresh migrated database plus its server version. */
export async function openBenchDb(o: BenchDbOptions): Promise<DbHandle & { version: string; label: string; url?: string }> {
  if (o.kind === 'pglite') {
    const temp = o.pgliteOnDisk && !o.pgliteDir ? mkdtempSync(join(tmpdir(), 'qc-bench-')) : undefined;
    const dir = o.pgliteDir ?? temp;
    const h = await openDb(dir ? { dataDir: dir } : { memory: true });
    if (!o.reuse) await migrate(h);
    const [{ v }] = await h.sql<{ v: string }>("select current_setting('server_version') as v");
    const close = h.close;
    return {
      ...h, version: `PGlite (PostgreSQL ${v})`, label: dir ? 'pglite-disk' : 'pglite-memory',
      close: async () => { await close(); if (temp) rmSync(temp, { recursive: true, force: true }); },
    };
  }
  const server = o.url ?? process.env.DATABASE_URL ?? DEFAULT_PG_URL;
  const name = o.name ?? 'qc_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  await dropDatabase(server, name);
  await admin(server, (c) => c.query(`create database ${name}`));
  const u = new URL(server);
  u.pathname = `/${name}`;
  const h = await openDb({ url: u.toString(), poolSize: o.poolSize });
  await migrate(h);
  const [{ v }] = await h.sql<{ v: string }>("select current_setting('server_version') as v");
  const close = h.close;
  return {
    ...h, version: `PostgreSQL ${v}`, label: 'postgres', url: u.toString(),
    close: async () => { await close(); if (!o.keep) await dropDatabase(server, name); },
  };
}
