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

/** The account id recorded for actions of the platform itself (jobs); null in foreign keys. */
export const SYSTEM_ACTOR: Actor = { accountId: '', role: 'system' };
