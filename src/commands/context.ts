/**
 * CommandContext (docs/CONTRACT.md "Commands"): everything a command may touch, injected.
 */
import type { Db } from '../db/client.js';
import type { DataCheckProvider } from '../datachecks/index.js';
import type { FieldCrypto } from '../crypto/index.js';
import { todayInShanghai } from '../rules/core/dates.js';

/** The party acting. Jobs act as role "system". */
export type Actor = {
  accountId: string;
  role: 'applicant' | 'implementer' | 'district_staff' | 'city_staff' | 'auditor' | 'public' | 'system';
  districtCode?: string;
};

/** "today" is an Asia/Shanghai calendar date, YYYY-MM-DD. */
export type Clock = { today(): string; now(): Date };

export type CommandContext = {
  db: Db;
  clock: Clock;
  actor: Actor;
  dataChecks: DataCheckProvider;
  crypto: FieldCrypto;
  requestId?: string;
};


/** The real clock. */
export const systemClock: Clock = { now: () => new Date(), today: () => todayInShanghai(new Date()) };

/** A clock fixed at a date (tests, demo). `now()` is 10:00 Shanghai time of that day unless moved. */
export function fixedClock(today: string): Clock & { set(day: string): void } {
  let day = today;
  return {
    today: () => day,
    now: () => new Date(`${day}T02:00:00.000Z`),
    set: (d: string) => { day = d; },
  };
}

/**
 * The real clock moved forward by an offset that only grows: browser tests run processes that span
 * days on a running server (QC_TEST_CLOCK=1, src/server/routes/testing-clock). Never in production.
 */
export function offsetClock(): Clock & { advance(ms: number): void; offsetMs(): number } {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  return {
    now,
    today: () => todayInShanghai(now()),
    advance: (ms: number) => { if (ms > 0) offset += ms; },
    offsetMs: () => offset,
  };
}

/** The account id recorded for actions of the platform itself (jobs); null in foreign keys. */
export const SYSTEM_ACTOR: Actor = { accountId: '', role: 'system' };
