/**
 * Browser test runner: starts the real server (`node bin/quancheng.js start`) on a
 * free port with a throw-away data directory, drives Debian's Chromium through
 * playwright-core, runs e2e/*.e2e.ts in name order, and ends with the line
 * "N passed, M failed". Exits non-zero on any failure; always stops the server.
 *
 * Env: E2E_ONLY=<substring> runs only matching files; CHROMIUM=<path> overrides
 * /usr/bin/chromium; DATABASE_URL, when set, puts the server on PostgreSQL, in a
 * fresh database qc_e2e_<random> on that server, dropped at the end;
 * E2E_BASE_URL=http://host:port tests a server that is already running instead;
 * E2E_ARTIFACTS=<dir> puts screenshots elsewhere than e2e/artifacts (emptied at start).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { E2E, type Step } from './harness.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const E2E_DIR = join(ROOT, 'e2e');
const ARTIFACTS = resolve(process.env.E2E_ARTIFACTS ?? join(E2E_DIR, 'artifacts'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 180_000;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

function ensureWebBuilt(): void {
  if (existsSync(join(ROOT, 'web', 'dist', 'index.html'))) return;
  console.log('e2e: web/dist missing, running npm run build:web');
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:web failed');
}

/** Runs one statement on the server of `url` (connected to its own database). */
async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database beside the one DATABASE_URL names, so runs never meet each other's data. */
async function freshDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `qc_e2e_${randomBytes(6).toString('hex')}`;
  await admin(url, `create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(url, `drop database if exists ${name} with (force)`) };
}

async function startServer(port: number, dataDir: string, databaseUrl: string | undefined): Promise<ChildProcess> {
  // A snapshot of the built UI: a `npm run build:web` elsewhere during the run
  // (several people share one work tree) must not swap the pages under the test.
  const webDist = join(dataDir, 'web-dist');
  cpSync(join(ROOT, 'web', 'dist'), webDist, { recursive: true });
  const log = createWriteStream(join(ARTIFACTS, 'server.log'));
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'quancheng.js'), 'start'], {
    cwd: ROOT,
    detached: true, // own process group, so stopServer ends its children too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      QC_DATA_DIR: dataDir,
      QC_WEB_DIST: webDist,
      // Lets e2e steps move the server's clock across windows that last days (src/server/routes/testing-clock).
      QC_TEST_CLOCK: '1',
      QC_DATA_KEY: randomBytes(32).toString('base64'),
      QC_INDEX_KEY: randomBytes(32).toString('base64'),
      NODE_ENV: 'test',
    },
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const url = `http://127.0.0.1:${port}/api/health`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(url);
      if (res.ok) {
        console.log(`e2e: server up on port ${port}: ${await res.text()}`);
        return child;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopServer(child);
  const tail = readFileSync(join(ARTIFACTS, 'server.log'), 'utf8').split('\n').slice(-40).join('\n');
  throw new Error(`server did not answer ${url} (exit code ${child.exitCode}); log tail:\n${tail}`);
}

/** Ends the server's process group (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${what}: timed out after ${ms / 1000} s`)), ms);
    }),
  ]);
}

async function runFile(file: string, baseUrl: string, browser: Browser): Promise<{ passed: number; failed: number; skipped: number }> {
  const prefix = basename(file, '.e2e.ts');
  const mod = (await import(pathToFileURL(file).href)) as { default: Step[] };
  const steps = mod.default;
  const t = new E2E(baseUrl, browser, ARTIFACTS, prefix);
  const tally = { passed: 0, failed: 0, skipped: 0 };
  console.log(`\n${prefix}`);
  try {
    for (const s of steps) {
      if (tally.failed) {
        console.log(`  - ${s.name} (skipped: an earlier step failed)`);
        tally.skipped += 1;
        continue;
      }
      const started = Date.now();
      t.pageErrors.length = 0;
      try {
        await withTimeout(s.run(t), STEP_TIMEOUT_MS, s.name);
        if (t.pageErrors.length) throw new Error(`uncaught error in the page:\n${t.pageErrors.join('\n')}`);
        console.log(`  ✓ ${s.name} (${Date.now() - started} ms)`);
        tally.passed += 1;
      } catch (e) {
        tally.failed += 1;
        console.log(`  ✗ ${s.name} (${Date.now() - started} ms)\n${indent(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
        for (const [i, p] of t.pages().entries()) {
          await p.screenshot({ path: join(ARTIFACTS, `${prefix}-FAILED-${i}.png`), fullPage: true }).catch(() => undefined);
        }
      }
    }
  } finally {
    await t.close();
  }
  return tally;
}

function indent(s: string): string {
  return s.split('\n').map((l) => `      ${l}`).join('\n');
}

async function main(): Promise<number> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const only = process.env.E2E_ONLY;
  const files = readdirSync(E2E_DIR)
    .filter((f) => f.endsWith('.e2e.ts') && (!only || f.includes(only)))
    .sort()
    .map((f) => join(E2E_DIR, f));
  if (!files.length) throw new Error('no e2e/*.e2e.ts files');
  const external = process.env.E2E_BASE_URL;
  if (!external) ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'qc-e2e-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  const onSignal = (): void => {
    void stopServer(server).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  const total = { passed: 0, failed: 0, skipped: 0 };
  try {
    let baseUrl = external?.replace(/\/$/, '');
    if (!baseUrl) {
      const port = await freePort();
      if (process.env.DATABASE_URL) database = await freshDatabase(process.env.DATABASE_URL);
      server = await startServer(port, dataDir, database?.url);
      baseUrl = `http://127.0.0.1:${port}`;
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Playwright gives every launch a new empty --user-data-dir of its own.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    for (const f of files) {
      const r = await runFile(f, baseUrl, browser);
      total.passed += r.passed;
      total.failed += r.failed;
      total.skipped += r.skipped;
    }
  } catch (e) {
    total.failed += 1;
    console.log(`e2e: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await stopServer(server);
    await database?.drop().catch((e: unknown) => console.log(`e2e: could not drop the e2e database: ${String(e)}`));
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\nscreenshots and server.log in ${ARTIFACTS}`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  return total.failed ? 1 : 0;
}

process.exitCode = await main();
