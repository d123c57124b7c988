/**
 * Counts the statements this process sends to PostgreSQL (every pg.Client query, including
 * BEGIN and COMMIT), so a benchmark can report statements per operation: the figure that
 * decides the CPU both sides spend, whatever the machine's load. Measurement only: the wrapped
 * method calls the original unchanged.
 */
import pg from 'pg';

let count = 0;
let installed = false;

/** Start counting (idempotent); returns a reader of the running total. */
export function countPgQueries(): () => number {
  if (!installed) {
    installed = true;
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      count++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  }
  return () => count;
}
