/**
 * Writing a draw's ranks (draw_ranks) inside the transaction that marks it drawn. A million
 * single-row INSERTs would take minutes; instead each chunk is one INSERT … SELECT over
 * unnest() of two array parameters (entrant ids and pool labels in rank order), the rank being
 * the chunk's offset plus the element's ordinality. The same SQL runs on PGlite and PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

/** Rows per INSERT: large enough to amortise the round trip, small enough to keep parameters a few MB. */
export const RANK_CHUNK = 100_000;

/**
 * A PostgreSQL array literal of strings. Every element is quoted: an unquoted NULL would be read
 * as a null. Ids and labels match [A-Za-z0-9_-] (QLOT-1 section 1), so nothing needs escaping.
 */
function textArray(values: readonly string[], from: number, to: number): string {
  const parts = new Array<string>(to - from);
  for (let i = from; i < to; i++) parts[i - from] = values[i];
  return `{"${parts.join('","')}"}`;
}

/**
 * Inserts rank r + 1 = (entrantIds[r], pools[r]) for every r. Chunks run one after another in the
 * caller's transaction: if one fails, the transaction and every chunk before it are rolled back.
 */
export async function storeRanks(tx: Tx, drawId: string, entrantIds: readonly string[], pools: readonly string[], chunk = RANK_CHUNK): Promise<number> {
  if (entrantIds.length !== pools.length) throw new Error('storeRanks: ids and pools differ in length');
  for (let from = 0; from < entrantIds.length; from += chunk) {
    const to = Math.min(from + chunk, entrantIds.length);
    await tx.execute(sql`
      insert into draw_ranks (draw_id, rank, entrant_id, pool)
      select ${drawId}::uuid, ${from}::int + t.ord::int, t.id, t.pool
      from unnest(${textArray(entrantIds, from, to)}::text[], ${textArray(pools, from, to)}::text[]) with ordinality as t(id, pool, ord)`);
  }
  return entrantIds.length;
}
