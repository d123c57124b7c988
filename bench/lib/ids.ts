/**
 * Distinct, valid 公民身份号码 (GB 11643-1999) for benchmark families, one per integer.
 * The mapping n → number is a bijection over its range, so N families never collide and a
 * run can be repeated with the same numbers (the database is fresh each run).
 */
import { idCheckCode } from '../../src/rules/core/id-number.js';

// Jinan division codes: the hukou and birthplace of the synthetic people.
const DIVISIONS = ['370102', '370103', '370104', '370105', '370112', '370113', '370114', '370115', '370116', '370117', '370124', '370126'];
const DAY_MS = 86_400_000;

/** Birth dates are drawn from a window of this many days; the sequence number spreads the rest. */
const SEQ = 999; // sequences 001–999 (000 is not issued)

/** How many distinct numbers `idFor` can produce for a birth window of `days` days. */
export function idCapacity(days: number): number {
  return DIVISIONS.length * days * SEQ;
}

/**
 * The n-th synthetic ID number (n ≥ 0) of a person born in [from, from + days).
 * Bijective for n < idCapacity(days).
 */
export function idFor(n: number, from: string, days: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= idCapacity(days)) throw new RangeError(`id index ${n} out of range`);
  const seq = (n % SEQ) + 1;
  const rest = Math.floor(n / SEQ);
  const division = DIVISIONS[rest % DIVISIONS.length]!;
  const day = Math.floor(rest / DIVISIONS.length);
  const birth = new Date(Date.parse(`${from}T00:00:00Z`) + day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${division}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCode(first17);
}

/** Roles of a benchmark family's members and the birth window each is drawn from. */
export const BIRTH_WINDOWS = {
  applicant: { from: '1970-01-01', days: 9_000 }, // born 1970–1994
  spouse: { from: '1995-01-01', days: 3_000 }, // born 1995–2003 (disjoint: no clash with applicants)
  child: { from: '2010-01-01', days: 5_000 }, // born 2010–2023
} as const;

/** The three members' ID numbers of family n (applicant, spouse, child); distinct across families. */
export function familyIds(n: number): { applicant: string; spouse: string; child: string } {
  const w = BIRTH_WINDOWS;
  return {
    applicant: idFor(n, w.applicant.from, w.applicant.days),
    spouse: idFor(n, w.spouse.from, w.spouse.days),
    child: idFor(n, w.child.from, w.child.days),
  };
}
