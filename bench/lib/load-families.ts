/**
 * Bulk-loads admitted families for the re-check benchmark, shaped as the schema and the
 * commands leave them: an account each, the application (admitted, masked name and ID,
 * notice number, two-year deadline), its approved revision with the AES-GCM encrypted form
 * and a stored verdict, the members' blind indexes, and the persons held in active_persons.
 * Rows go in as arrays through `unnest`, one statement per table per batch; encryption and
 * blind indexes are computed here with the platform's own FieldCrypto, so the job reads
 * exactly what production rows would hold.
 */
import { randomUUID } from 'node:crypto';
import { AAD, type FieldCrypto } from '../../src/crypto/index.js';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { DbHandle } from '../../src/db/client.js';
import { memberFacts } from '../../src/commands/applications/form.js';
import { maskId, maskName } from '../../src/rules/core/mask.js';
import { familyForm } from './forms.js';

/** Bumped whenever what is loaded changes (kept loads with another version are reloaded). */
export const LOADER_VERSION = 1;

/** Options of `loadFamilies`. */
export interface LoadOptions {
  /** Families 0..n-1. */
  n: number;
  batch?: number;
  /** The verdict stored with every revision (its size matters for the job's reads). */
  verdict: unknown;
  /** A fixed argon2id hash for every account (hashing a million passwords is not the point). */
  passwordHash: string;
  onProgress?(done: number): void;
}

const DAY = 86_400_000;
// Admissions spread over 2024-01-01 … 2025-05-28 (day of month ≤ 28: the deadline is plain +2 years).
function admittedOn(n: number): string {
  const d = new Date(Date.UTC(2024, 0, 1) + (n % 514) * DAY);
  if (d.getUTCDate() > 28) d.setUTCDate(28);
  return d.toISOString().slice(0, 10);
}

/** Arrays (one per column) for one batch of families. */
function batchRows(crypto: FieldCrypto, from: number, to: number) {
  const c = {
    acc: [] as string[], user: [] as string[], app: [] as string[], reg: [] as string[], district: [] as string[],
    mName: [] as string[], mId: [] as string[], admitted: [] as string[], deadline: [] as string[], notice: [] as string[],
    rev: [] as string[], form: [] as string[],
    mRev: [] as string[], mIdx: [] as number[], mRel: [] as string[], mBlind: [] as string[], mBirth: [] as string[], mSex: [] as string[], mHukou: [] as string[],
    pApp: [] as string[],
  };
  for (let n = from; n < to; n++) {
    const form = familyForm(n);
    const app = randomUUID();
    const rev = randomUUID();
    const on = admittedOn(n);
    c.acc.push(randomUUID());
    c.user.push(`family${n}`);
    c.app.push(app);
    c.reg.push(`JN${on.slice(0, 4)}${String(n + 1).padStart(7, '0')}`);
    c.district.push(form.districtCode);
    c.mName.push(maskName(form.members[0]!.name));
    c.mId.push(maskId(form.members[0]!.idNumber));
    c.admitted.push(on);
    c.deadline.push(`${Number(on.slice(0, 4)) + 2}${on.slice(4)}`);
    c.notice.push(`济住保轮〔${on.slice(0, 4)}〕${String(n + 1).padStart(7, '0')}号`);
    c.rev.push(rev);
    c.form.push(crypto.encryptJson(form, AAD.revisionForm(app)));
    form.members.forEach((m, idx) => {
      const f = memberFacts(m);
      c.mRev.push(rev);
      c.mIdx.push(idx);
      c.mRel.push(m.relation);
      c.mBlind.push(crypto.blindIndex(m.idNumber));
      c.mBirth.push(f.birthDate);
      c.mSex.push(f.sex);
      c.mHukou.push(m.hukou.city);
      c.pApp.push(app);
    });
  }
  return c;
}

type Query = (text: string, params?: unknown[]) => Promise<unknown>;

/** One connection per loader (a pool would spread begin … commit over several). */
async function session<T>(h: DbHandle, f: (q: Query) => Promise<T>): Promise<T> {
  if (h.kind === 'pglite') return f((t, p) => (h.raw as PGlite).query(t, p));
  const client = await (h.raw as pg.Pool).connect();
  try {
    return await f((t, p) => client.query(t, p));
  } finally {
    client.release();
  }
}

/**
 * Inserts families [0, n), each batch in one transaction. On PostgreSQL two connections load
 * at once, so that one batch is being built here while the other is being written.
 */
export async function loadFamilies(h: DbHandle, crypto: FieldCrypto, o: LoadOptions): Promise<void> {
  const batch = o.batch ?? 5_000;
  const verdict = JSON.stringify(o.verdict);
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: h.kind === 'postgres' ? 2 : 1 }, () => session(h, async (q) => {
    while (next < o.n) {
      const from = next;
      const to = Math.min(o.n, from + batch);
      next = to;
      await insertBatch(q, batchRows(crypto, from, to), verdict, o.passwordHash);
      done += to - from;
      o.onProgress?.(done);
      // Let the other loader send its statements before this one builds again.
      await new Promise((r) => setImmediate(r));
    }
  })));
}

async function insertBatch(q: Query, c: ReturnType<typeof batchRows>, verdict: string, passwordHash: string): Promise<void> {
  await q('begin');
  try {
    await q(`insert into accounts (id, username, password_hash, role, display_name)
      select id, u, $3, 'applicant', '轮候家庭' from unnest($1::uuid[], $2::text[]) as t(id, u)`, [c.acc, c.user, passwordHash]);
    await q(`insert into applications (id, reg_code, account_id, district_code, status, category, priority,
        masked_applicant_name, masked_applicant_id, current_revision, submitted_at, admitted_on, confirm_deadline, notice_no)
      select id, reg, acc, d, 'admitted', 'wage_family', '[]'::jsonb, mn, mi, 1, (adm::date - 30)::timestamptz, adm::date, dl::date, notice
      from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
        as t(id, reg, acc, d, mn, mi, adm, dl, notice)`,
    [c.app, c.reg, c.acc, c.district, c.mName, c.mId, c.admitted, c.deadline, c.notice]);
    await q(`insert into application_revisions (id, application_id, seq, kind, status, form_enc, submitted_at, decided_at, verdict)
      select id, app, 1, 'initial', 'approved', f, now(), now(), $4::jsonb from unnest($1::uuid[], $2::uuid[], $3::text[]) as t(id, app, f)`,
    [c.rev, c.app, c.form, verdict]);
    await q(`insert into application_members (revision_id, idx, relation, id_blind, birth_date, sex, hukou_type, hukou_city)
      select r, i, rel, b, bd::date, s, 'urban', hk
      from unnest($1::uuid[], $2::int2[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(r, i, rel, b, bd, s, hk)`,
    [c.mRev, c.mIdx, c.mRel, c.mBlind, c.mBirth, c.mSex, c.mHukou]);
    await q(`insert into active_persons (id_blind, application_id, since)
      select b, a, now() from unnest($1::text[], $2::uuid[]) as t(b, a)`, [c.mBlind, c.pApp]);
    await q('commit');
  } catch (e) {
    await q('rollback');
    throw e;
  }
}
