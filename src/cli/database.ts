/**
 * The database every CLI command opens: PostgreSQL when DATABASE_URL is set, else PGlite in
 * `<dataDir>/pglite`, where dataDir is the --data-dir option, $QC_DATA_DIR, or ./data.
 */
import { openDb } from '../db/client.js';

/** Where the embedded database and the field-encryption keys live. */
export function resolveDataDir(option?: string): string {
  return option ?? process.env.QC_DATA_DIR ?? './data';
}

/** Opens the configured database (not yet migrated). */
export function openConfiguredDb(dataDirOption?: string) {
  const url = process.env.DATABASE_URL;
  return openDb(url ? { url } : { dataDir: `${resolveDataDir(dataDirOption)}/pglite` });
}
