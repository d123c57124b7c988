/**
 * `quancheng start`: open the database (DATABASE_URL → PostgreSQL, else PGlite in
 * ./data/pglite), migrate, seed the demo on first start, start the jobs, and serve the API and
 * the web app on PORT (default 3000) and HOST (default 0.0.0.0).
 */
import type { Command } from 'commander';
import { migrate, openDb } from '../../db/client.js';
import { loadFieldCrypto } from '../../crypto/index.js';
import { SimulatedProvider } from '../../datachecks/index.js';
import { systemClock } from '../../commands/context.js';
import { buildApp } from '../../server/app.js';

/** Options of `start` (each also read from the environment). */
export type StartOptions = { port?: number; host?: string; dataDir?: string; seed?: boolean };

/** Starts the platform; resolves with a `stop()` once it listens. */
export async function startPlatform(opts: StartOptions = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  const dataDir = opts.dataDir ?? process.env.QC_DATA_DIR ?? './data';
  const handle = await openDb(url ? { url } : { dataDir: `${dataDir}/pglite` });
  await migrate(handle);
  const clock = systemClock;
  const crypto = loadFieldCrypto({ keyFile: `${dataDir}/keys.json` });
  const dataChecks = new SimulatedProvider({}, () => clock.now());

  const app = await buildApp({
    db: handle, clock, dataChecks, crypto,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  const port = opts.port ?? Number(process.env.PORT ?? 3000);
  const host = opts.host ?? process.env.HOST ?? '0.0.0.0';
  await app.listen({ port, host });
  const shown = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}/`;
  app.log.info(`泉城安居 listening on ${shown} (database: ${handle.kind})`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await handle.close();
  };
  return { url: shown, stop };
}

/** Registers `start` on the CLI program. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('启动平台 Start the platform: migrate, seed demo data on first start, jobs, HTTP server')
    .option('-p, --port <port>', 'port (default $PORT or 3000)', (v) => Number(v))
    .option('--host <host>', 'host (default $HOST or 0.0.0.0)')
    .option('--data-dir <dir>', 'PGlite data and key folder (default ./data)')
    .option('--no-seed', 'do not load demo data on first start')
    .action(async (o: { port?: number; host?: string; dataDir?: string; seed?: boolean }) => {
      const running = await startPlatform(o);
      const shutdown = () => {
        running.stop().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
