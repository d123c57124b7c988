/**
 * `quancheng migrate`: apply the database migrations (PostgreSQL with DATABASE_URL, else the
 * embedded PGlite in ./data/pglite) and load the reference data (districts).
 */
import type { Command } from 'commander';
import { migrate, openDb } from '../../db/client.js';

/** Registers `migrate`. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移 Apply database migrations and reference data')
    .option('--data-dir <dir>', 'PGlite data folder (default $QC_DATA_DIR or ./data)')
    .action(async (o: { dataDir?: string }) => {
      const url = process.env.DATABASE_URL;
      const dataDir = o.dataDir ?? process.env.QC_DATA_DIR ?? './data';
      const h = await openDb(url ? { url } : { dataDir: `${dataDir}/pglite` });
      try {
        await migrate(h);
        process.stdout.write(`migrated (${h.kind})\n`);
      } finally {
        await h.close();
      }
    });
}
