/**
 * The platform side of the intake benchmark: a fresh database with one applicant account per
 * client, and, for HTTP runs, the real server (buildApp) listening on 127.0.0.1 at a random
 * port. For HTTP runs it lives in its own process (`node … bench/intake.ts --phase server`),
 * so that the server's CPU is measured apart from the load generator's; the parent talks to
 * it with one JSON line per command on stdin/stdout.
 */
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/server/app.js';
import { systemClock, type CommandContext } from '../../src/commands/context.js';
import { registerApplicant } from '../../src/commands/accounts/index.js';
import { SimulatedProvider } from '../../src/datachecks/simulated.js';
import { verifyAuditChain } from '../../src/audit/index.js';
import type { DbHandle } from '../../src/db/client.js';
import { benchCrypto } from './bench-keys.js';
import { pgBackendsCpu, processCpuMs } from './cpu.js';
import { openBenchDb, type BenchDbKind } from './db.js';
import { countPgQueries } from './query-counter.js';
import { peakRssMiB } from './machine.js';

export const PASSWORD = 'bench-password-1';

/** A database with `clients` applicant accounts bench0…, and what commands need. */
export async function openPlatform(o: { kind: BenchDbKind; name: string; clients: number; poolSize: number }) {
  const queries = countPgQueries();
  const handle = await openBenchDb({ kind: o.kind, name: o.name, poolSize: o.poolSize });
  const crypto = benchCrypto();
  const dataChecks = new SimulatedProvider();
  const accounts: string[] = [];
  // Created before the clock starts (argon2id is deliberately slow).
  for (let i = 0; i < o.clients; i++) {
    const a = await registerApplicant({ db: handle.db, crypto }, { username: `bench${i}`, password: PASSWORD, displayName: `压测家庭${i}`, phone: `138${String(i).padStart(8, '0')}` });
    accounts.push(a.id);
  }
  const ctxOf = (i: number): CommandContext => ({ db: handle.db, clock: systemClock, dataChecks, crypto, actor: { accountId: accounts[i]!, role: 'applicant' } });
  return { handle, crypto, dataChecks, ctxOf, queries };
}

/** CPU of this process and of its database backends, statements sent so far. */
export async function usage(handle: DbHandle, queries: () => number) {
  const backends = await pgBackendsCpu(handle);
  return { cpuMs: processCpuMs(), queries: queries(), backends: Object.fromEntries(backends) };
}

/** What the commands left behind: each submission with its checks, persons, audit row, and an unbroken chain. */
export async function verifyIntake(handle: DbHandle) {
  const count = async (q: string) => Number((await handle.sql<{ n: string }>(`select count(*)::text as n from ${q}`))[0]!.n);
  const submitted = await count("applications where status = 'submitted'");
  return {
    submittedInDb: submitted,
    dataChecksPerApplication: (await count("data_checks where purpose = 'review'")) / submitted,
    personsHeldPerApplication: (await count('active_persons')) / submitted,
    auditSubmitRows: await count("audit_log where action = 'application.submit'"),
    auditChain: await verifyAuditChain(handle.db),
  };
}

/** Child process: open the platform, listen, print {port}, then answer `usage` and `verify` lines. */
export async function serveForBenchmark(o: { kind: BenchDbKind; clients: number; poolSize: number }): Promise<void> {
  const p = await openPlatform({ ...o, name: 'qc_bench_http' });
  const app = await buildApp({ db: p.handle, clock: systemClock, dataChecks: p.dataChecks, crypto: p.crypto, webDist: '/nonexistent', loginMax: 1_000_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const say = (x: unknown) => process.stdout.write(`${JSON.stringify(x)}\n`);
  say({ port: (app.server.address() as AddressInfo).port, version: p.handle.version, pid: process.pid });
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'usage') say(await usage(p.handle, p.queries));
    else if (line === 'verify') {
      await app.close();
      say({ ...(await verifyIntake(p.handle)), serverPeakRssMiB: peakRssMiB() });
      await p.handle.close();
      process.exit(0);
    }
  }
}
