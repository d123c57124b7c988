/**
 * Calibration: CPU that one trivial statement (`select $1`) costs this machine on each side,
 * over TCP and over the Unix socket. Every statement a command sends pays at least this, so
 * it bounds what any number of statements per application can reach on this machine.
 *
 *   node --import tsx bench/roundtrip.ts [--n 5000]
 */
import pg from 'pg';
import { procCpuMs, processCpuMs } from './lib/cpu.js';
import { DEFAULT_PG_URL } from './lib/db.js';
import { writeResult } from './lib/results.js';
import { machineInfo } from './lib/machine.js';

const n = Number(process.argv[process.argv.indexOf('--n') + 1]) || 5000;
const tcp = process.env.DATABASE_URL ?? DEFAULT_PG_URL;
const unix = `postgresql://${new URL(tcp).username}@/${new URL(tcp).pathname.slice(1)}?host=/var/run/postgresql`;
const out: Record<string, unknown> = {};
for (const [label, url] of [['tcp', tcp], ['unix', unix]] as const) {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
  } catch (e) {
    out[label] = { error: (e as Error).message };
    continue;
  }
  const { rows: [{ pid }] } = await c.query<{ pid: number }>('select pg_backend_pid() as pid');
  for (let i = 0; i < 500; i++) await c.query('select $1::int', [i]);
  const b0 = procCpuMs(pid)!;
  const n0 = processCpuMs();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await c.query('select $1::int', [i]);
  const wall = performance.now() - t0;
  const r = (x: number) => Math.round(x * 10) / 10;
  out[label] = { statements: n, wallUsPer: r((wall / n) * 1000), nodeCpuUsPer: r(((processCpuMs() - n0) / n) * 1000), backendCpuUsPer: r(((procCpuMs(pid)! - b0) / n) * 1000) };
  await c.end();
}
console.log(JSON.stringify(out, null, 2));
if (!process.argv.includes('--no-write')) console.error(`wrote ${writeResult('roundtrip-pg', { what: 'one trivial statement, client and server CPU', ...out, machine: machineInfo() })}`);
