/**
 * CPU time spent by this process and by the PostgreSQL backends serving the benchmark's
 * database (a local server: their /proc entries are readable). CPU per operation does not
 * depend on what else the machine is running, unlike throughput, so it is reported too.
 */
import { readFileSync } from 'node:fs';
import type { DbHandle } from '../../src/db/client.js';

const TICK_MS = 10; // CLK_TCK = 100 on Linux

/** User + system CPU of this process, ms. */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** utime + stime of a process from /proc/<pid>/stat, ms; null when unreadable. */
export function procCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/**
 * Total CPU of the server backends connected to this database (PostgreSQL only; PGlite runs
 * inside this process and is counted by processCpuMs). Returns per-pid values so a later
 * call can subtract; a backend that ended in between is lost (the pool keeps them open).
 */
export async function pgBackendsCpu(h: DbHandle): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (h.kind !== 'postgres') return out;
  const rows = await h.sql<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
  for (const { pid } of rows) {
    const ms = procCpuMs(pid);
    if (ms !== null) out.set(pid, ms);
  }
  return out;
}

/** CPU the backends used between two snapshots, ms (backends new since `before` count from 0). */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}
