/**
 * Opens the database: embedded PGlite (default, ./data/pglite) or PostgreSQL via DATABASE_URL.
 * Both are driven through Drizzle's pg-core, so commands see one `Db` type.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql as dsql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';
import { DISTRICTS } from './reference/districts.js';

/** Drizzle database over either driver. A transaction (`Tx`) is also a `Db`. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The transaction handle Drizzle passes to `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** What `openDb` returns. */
export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Plain parameterised SQL ($1, $2 …) on the underlying driver, outside any Drizzle transaction. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** The raw driver (PGlite instance or pg.Pool), for adapters such as pg-boss. */
  raw: PGlite | pg.Pool;
}

export interface OpenDbOptions {
  /** postgres://… ; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; default ./data/pglite. */
  dataDir?: string;
  /** PGlite in memory (tests). */
  memory?: boolean;
  /** pg.Pool size (PostgreSQL only); default 10. */
  poolSize?: number;
}

/** Calendar dates stay 'YYYY-MM-DD' strings (Asia/Shanghai calendar days); never JS Dates. */
const dateAsText = (v: string) => v;

/** Open a database. Does not migrate; call `migrate(handle)`. */
export async function openDb(opts: OpenDbOptions = {}): Promise<DbHandle> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === pg.types.builtins.DATE ? dateAsText : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      raw: pool,
      sql: async (text, params) => (await pool.query(text, params)).rows,
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  const parsers = { [pgliteTypes.DATE]: dateAsText };
  if (opts.memory) {
    client = new PGlite({ parsers });
  } else {
    const dir = opts.dataDir ?? './data/pglite';
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir, { parsers });
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    raw: client,
    sql: async (text, params) => (await client.query(text, params)).rows as never,
    close: () => client.close(),
  };
}

/** Folder of the drizzle-kit migrations. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Apply pending migrations (drizzle's migrator, same SQL on both drivers), then upsert the
 * reference data (districts). Safe to run repeatedly and from several processes.
 */
export async function migrate(handle: DbHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    // Several processes may start at once; serialise migrations on a session advisory lock.
    const client = await (handle.raw as pg.Pool).connect();
    try {
      await client.query('select pg_advisory_lock(7301001)');
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      await client.query('select pg_advisory_unlock(7301001)');
    } finally {
      client.release();
    }
  } else {
    await migratePglite(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  await handle.db
    .insert(schema.districts)
    .values([...DISTRICTS])
    .onConflictDoUpdate({ target: schema.districts.code, set: { name: dsql`excluded.name`, kind: dsql`excluded.kind` } });
}

/** Rows of a Drizzle `sql` query on a Db or Tx (both drivers return `{rows}`). */
export async function queryRows<T = Record<string, unknown>>(db: Db | Tx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
