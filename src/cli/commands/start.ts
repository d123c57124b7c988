/**
 * `quancheng start`: open the database (DATABASE_URL → PostgreSQL, else PGlite in
 * ./data/pglite), migrate, load the demo on first start, start the jobs, and serve the API and
 * the web app on PORT (default 3000) and HOST (default 0.0.0.0).
 */
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { migrate } from '../../db/client.js';
import { openConfiguredDb, resolveDataDir } from '../database.js';
import { loadFieldCrypto } from '../../crypto/index.js';
import { offsetClock, systemClock } from '../../commands/context.js';
import { countAccounts } from '../../commands/accounts/register.js';
import { demoProvider, seedDemo } from '../../demo/seed.js';
import { DEMO_PASSWORD } from '../../demo/accounts.js';
import { startJobs } from '../../jobs/index.js';
import { buildApp } from '../../server/app.js';
import { loadSimBankKey } from '../../payments/index.js';
import { demoBank } from '../../demo/sale.js';

/** Options of `start` (each also read from the environment). */
export type StartOptions = { port?: number; host?: string; dataDir?: string; seed?: boolean; jobs?: boolean };

/** Where the demo accounts are listed. */
export const DEMO_ACCOUNTS_FILE = fileURLToPath(new URL('../../demo/ACCOUNTS.md', import.meta.url));

/** Starts the platform; resolves once it listens, with its URL and a `stop()`. */
export async function startPlatform(opts: StartOptions = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = resolveDataDir(opts.dataDir);
  const handle = await openConfiguredDb(opts.dataDir);
  await migrate(handle);
  // Browser tests move time forward across a registration window (QC_TEST_CLOCK=1); never set in production.
  const testClock = process.env.QC_TEST_CLOCK === '1' ? offsetClock() : undefined;
  const clock = testClock ?? systemClock;
  const crypto = loadFieldCrypto({ keyFile: `${dataDir}/keys.json` });
  // The departments are simulated until real adapters are connected; the demo families are in its book.
  const dataChecks = demoProvider(() => clock.now());
  // 认购金 (第十一条) go through the simulated bank until a bank is contracted; its key stays in the data dir.
  // The demo seed pays earlier days' 认购金 through this same bank, holding its clock meanwhile (src/demo/sale.ts).
  const bank = demoBank(loadSimBankKey({ dataDir }), clock);
  const gateway = bank.gateway;
  const app = await buildApp({
    db: handle, clock, dataChecks, crypto, gateway, ...(testClock ? { clockControl: testClock } : {}), logger: { level: process.env.LOG_LEVEL ?? 'info' },
    ...(process.env.QC_LOGIN_MAX ? { loginMax: Number(process.env.QC_LOGIN_MAX) } : {}),
    // e2e serves a snapshot of web/dist so a rebuild during the run cannot change the pages.
    ...(process.env.QC_WEB_DIST ? { webDist: process.env.QC_WEB_DIST } : {}),
  });
  const log = app.log;

  // "First start" = no account yet; an operator's own data is never overwritten by the demo.
  if (opts.seed !== false && (await countAccounts(handle.db)) === 0) {
    const r = await seedDemo(handle, { crypto, today: clock.today(), now: clock.now(), bank, log: (s) => log.info(s) });
    log.info(`demo data loaded: ${r.accountsCreated} accounts, ${r.applicationsCreated} applications, ${r.saleProjects} sale projects, ${r.closedLoopProjects} closed-loop projects (password ${DEMO_PASSWORD})`);
  }
  const jobs = opts.jobs === false
    ? null
    : await startJobs(handle, { db: handle.db, clock, dataChecks, crypto, gateway, log: (l) => log.info(l) });

  const port = opts.port ?? Number(process.env.PORT ?? 3000);
  const host = opts.host ?? process.env.HOST ?? '0.0.0.0';
  await app.listen({ port, host });
  const shown = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}/`;
  log.info(`泉城安居 listening on ${shown} (database: ${handle.kind})`);
  log.info(`demo accounts: ${DEMO_ACCOUNTS_FILE}`);

  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= (async () => {
    await app.close();
    await jobs?.stop();
    await handle.close();
  })());
  return { url: shown, stop };
}

/** Registers `start` on the CLI program. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('启动平台 Start the platform: migrate, demo data on first start, jobs, HTTP server')
    .option('-p, --port <port>', 'port (default $PORT or 3000)', (v) => Number(v))
    .option('--host <host>', 'host (default $HOST or 0.0.0.0)')
    .option('--data-dir <dir>', 'PGlite data and key folder (default $QC_DATA_DIR or ./data)')
    .option('--no-seed', 'do not load the demo data on first start')
    .option('--no-jobs', 'do not run the scheduled jobs in this process')
    .action(async (o: StartOptions) => {
      const running = await startPlatform(o);
      process.stdout.write(`泉城安居 → ${running.url}\n演示账户 demo accounts: ${DEMO_ACCOUNTS_FILE}\n`);
      const shutdown = () => {
        running.stop().then(() => process.exit(0), (e) => { process.stderr.write(`${String(e)}\n`); process.exit(1); });
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
