/** Writing a benchmark's result as JSON to bench/results/<name>-<date>.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Folder of committed results. */
export const RESULTS_DIR = fileURLToPath(new URL('../results', import.meta.url));

/** Shanghai calendar date of an instant (result file names use the local date of the run). */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Writes the result; returns the path. `name` e.g. "intake-pg-c50". */
export function writeResult(name: string, result: Record<string, unknown>, at = new Date(), dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}-${shanghaiDate(at)}.json`);
  writeFileSync(path, `${JSON.stringify({ name, ranAt: at.toISOString(), ...result }, null, 2)}\n`);
  return path;
}
