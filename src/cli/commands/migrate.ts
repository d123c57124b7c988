/**
 * `quancheng migrate`: apply the database migrations (PostgreSQL with DATABASE_URL, else the
 * embedded PGlite in ./data/pglite) and load the reference data (districts).
 */
import type { Command } from 'commander';
import { migrate } from '../../db/client.js';
import { openConfiguredDb } from '../database.js';

/** Registers `migrate`. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移 Apply database migrations and reference data')
    .option('--data-dir <dir>', 'PGlite data folder (default $QC_DATA_DIR or ./data)')
    .action(async (o: { dataDir?: string }) => {
      const h = await openConfiguredDb(o.dataDir);
      try {
        await migrate(h);
        process.stdout.write(`migrated (${h.kind})\n`);
      } finally {
        await h.close();
      }
    });
}
