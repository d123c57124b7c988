/**
 * Calendar dates as YYYY-MM-DD strings in Asia/Shanghai. Pure except todayInShanghai,
 * which takes the instant from the caller's clock.
 */
import { z } from 'zod';
import { bilingual } from './errors.js';

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date split into its parts. */
export type YMD = { y: number; m: number; d: number };

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** True for a real calendar date written YYYY-MM-DD (no 2025-02-29, no 2025-4-1). */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** @throws RangeError unless `s` is a calendar date YYYY-MM-DD. */
export function parseIsoDate(s: string): YMD {
  if (!isIsoDate(s)) throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(s)}`);
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** Writes parts back as YYYY-MM-DD. */
export function formatIsoDate({ y, m, d }: YMD): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const toDayNumber = (s: string) => {
  const { y, m, d } = parseIsoDate(s);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** `date` moved by `n` days (negative goes back). */
export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * The date `n` years after `date`. 《民法典》第二百零二条: a period counted in years ends on
 * the corresponding day of the last year; without one (29 February in a common year) it
 * ends on the last day of that month. So 2024-02-29 + 1 year = 2025-02-28.
 */
export function addYears(date: string, n: number): string {
  const { y, m, d } = parseIsoDate(date);
  return formatIsoDate({ y: y + n, m, d: Math.min(d, daysInMonth(y + n, m)) });
}

/** Same as {@link addYears}, for months (2025-01-31 + 1 month = 2025-02-28). */
export function addMonths(date: string, n: number): string {
  const { y, m, d } = parseIsoDate(date);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return formatIsoDate({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/**
 * Age in 周岁 (full years) on `on`: a person born 1965-05-20 is 60 on 2025-05-20 and 59 the
 * day before. Interpretation: a birthday of 29 February is reached on 28 February in a common
 * year, by the same month-end rule as {@link addYears} (《民法典》第二百零二条).
 */
export function ageOn(birthDate: string, on: string): number {
  const years = parseIsoDate(on).y - parseIsoDate(birthDate).y;
  return addYears(birthDate, years) <= on ? years : years - 1;
}

// Building an Intl.DateTimeFormat costs about as much as a database round trip; build it once.
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Asia/Shanghai for the instant `now` (from the injected clock). */
export function todayInShanghai(now: Date): string {
  return SHANGHAI_DAY.format(now);
}

/** zod schema for a YYYY-MM-DD calendar date, with a bilingual message. */
export const isoDate = z.string().refine(isIsoDate, bilingual('日期须为有效的 YYYY-MM-DD', 'must be a calendar date YYYY-MM-DD'));
