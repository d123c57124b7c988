/**
 * Scheduling with pg-boss 10 on both databases. On PostgreSQL pg-boss shares the app's pool;
 * on the embedded PGlite it runs through a small `db.executeSql` adapter (PGlite runs one
 * statement at a time, which is all pg-boss needs; multi-statement scripts without
 * parameters go through `exec`). pg-boss keeps its own schema `pgboss` in the same database.
 *
 * Cron times are Asia/Shanghai. The defaults below are operational choices of the platform,
 * not policy: 第九条 says only "定期核查", so the bureau may change the re-check cadence here.
 */
import PgBoss from 'pg-boss';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { DbHandle } from '../db/client.js';
import { dispatchOutbox, logAdapter, type Channel, type ChannelAdapter } from '../notify/index.js';
import { recheckHoldings } from './recheck.js';
import { lapseUnconfirmed, remindReconfirm } from './reconfirm.js';
import { lapseContracts } from './contracts.js';
import { settleRefunds } from './refunds.js';
import { watchMultiUnitDeadlines } from './multi-unit.js';
import type { PaymentGateway } from '../payments/gateway.js';
import type { JobDeps } from './deps.js';

export const JOBS = {
  'waitlist-recheck': { cron: '0 2 1 * *', run: (d: JobDeps) => recheckHoldings(d) },
  'waitlist-reminders': { cron: '0 8 * * *', run: (d: JobDeps) => remindReconfirm(d) },
  'waitlist-lapse': { cron: '10 0 * * *', run: (d: JobDeps) => lapseUnconfirmed(d) },
  // 第十一条: just after midnight, so the last signing day (inclusive) has fully passed.
  'contracts-lapse': { cron: '20 0 * * *', run: (d: JobDeps) => lapseContracts(d) },
  // 第十一条: booked refunds go to the bank every five minutes (the refund number is the bank's idempotency key).
  'deposit-refunds': { cron: '*/5 * * * *', run: (d: JobDeps & { gateway?: PaymentGateway }) => settleRefunds(d) },
  // 第二十二条: multi-unit reminders and the overdue mark, once a day in office hours.
  'multi-unit-deadlines': { cron: '0 8 * * *', run: (d: JobDeps) => watchMultiUnitDeadlines(d) },
  'outbox-dispatch': { cron: '* * * * *', run: (d: JobDeps & { adapters?: Partial<Record<Channel, ChannelAdapter>> }) => dispatchOutbox(d.db, { adapters: d.adapters ?? devAdapters(d.log), crypto: d.crypto, now: () => d.clock.now() }) },
} as const;

export type JobName = keyof typeof JOBS;

/** The development gateways: SMS and e-mail written to the log. */
export function devAdapters(log?: (l: Record<string, unknown>) => void): Partial<Record<Channel, ChannelAdapter>> {
  return { sms: logAdapter('sms', log), email: logAdapter('email', log) };
}

/** pg-boss `db` adapter over either driver. */
export function bossDb(handle: DbHandle) {
  if (handle.kind === 'postgres') {
    const pool = handle.raw as pg.Pool;
    return { executeSql: (text: string, values: unknown[] = []) => pool.query(text, values) };
  }
  const lite = handle.raw as PGlite;
  return {
    async executeSql(text: string, values: unknown[] = []) {
      if (values.length) return lite.query(text, values);
      const results = await lite.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

export interface SchedulerOptions {
  /** Override cron lines; `false` disables a job's schedule (it can still be sent by hand). */
  crons?: Partial<Record<JobName, string | false>>;
  adapters?: Partial<Record<Channel, ChannelAdapter>>;
  /** Extra outbox sweep interval in ms (notifications go out within this); default 5000, 0 = off. */
  dispatchEveryMs?: number;
}

export interface Scheduler {
  boss: PgBoss;
  /** Queue a job now; returns the pg-boss job id. */
  send(name: JobName): Promise<string | null>;
  stop(): Promise<void>;
}

/** Start pg-boss, create the queues, register the workers and the schedules. */
export async function startJobs(handle: DbHandle, deps: JobDeps & { gateway?: PaymentGateway }, opts: SchedulerOptions = {}): Promise<Scheduler> {
  const boss = new PgBoss({ db: bossDb(handle) as never, schema: 'pgboss', supervise: true, schedule: true, migrate: true });
  boss.on('error', (e: Error) => deps.log?.({ msg: 'jobs.error', error: e.message }));
  await boss.start();
  const full = { ...deps, adapters: opts.adapters ?? devAdapters(deps.log) };
  for (const [name, job] of Object.entries(JOBS) as Array<[JobName, (typeof JOBS)[JobName]]>) {
    await boss.createQueue(name);
    await boss.work(name, async (jobs) => {
      const results = [];
      for (const _ of jobs) results.push(await job.run(full as never));
      deps.log?.({ msg: 'jobs.done', job: name, result: results.at(-1) });
      return results.at(-1);
    });
    const cron = opts.crons?.[name] ?? job.cron;
    if (cron) await boss.schedule(name, cron, {}, { tz: 'Asia/Shanghai' });
    else await boss.unschedule(name);
  }
  let timer: NodeJS.Timeout | undefined;
  const every = opts.dispatchEveryMs ?? 5000;
  if (every > 0) {
    let busy = false;
    timer = setInterval(() => {
      if (busy) return;
      busy = true;
      JOBS['outbox-dispatch'].run(full).catch((e: Error) => deps.log?.({ msg: 'outbox.error', error: e.message })).finally(() => { busy = false; });
    }, every);
    timer.unref();
  }
  return {
    boss,
    send: (name) => boss.send(name, {}),
    stop: async () => {
      if (timer) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 } as never);
    },
  };
}
