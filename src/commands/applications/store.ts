/**
 * Storage helpers shared by the application commands. All take the caller's transaction.
 */
import { and, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import {
  activePersons, applicationEvents, applicationMembers, applicationRevisions, applications,
} from '../../db/schema.js';
import { DomainError, notFound } from '../errors.js';
import type { CommandContext } from '../context.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type RevisionRow = typeof applicationRevisions.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The application row, locked for the rest of the transaction; 404 when absent or not a uuid. */
export async function lockApplication(tx: Tx, id: string): Promise<ApplicationRow> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

/** Several application rows, locked in id order (so that two batches cannot deadlock); absent ids are left out. */
export async function lockApplications(tx: Tx, ids: string[]): Promise<Map<string, ApplicationRow>> {
  if (!ids.length) return new Map();
  const rows = await tx.select().from(applications).where(inArray(applications.id, ids)).orderBy(applications.id).for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

/** The application row without a lock (reads). */
export async function readApplication(tx: Tx, id: string): Promise<ApplicationRow> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.select().from(applications).where(eq(applications.id, id));
  if (!row) throw notFound();
  return row;
}

/** Revision by sequence number. */
export async function revisionBySeq(tx: Tx, applicationId: string, seq: number): Promise<RevisionRow | undefined> {
  const [r] = await tx.select().from(applicationRevisions)
    .where(and(eq(applicationRevisions.applicationId, applicationId), eq(applicationRevisions.seq, seq)));
  return r;
}

/** The newest revision (the one a family edits, submits, or staff review). */
export async function latestRevision(tx: Tx, applicationId: string): Promise<RevisionRow> {
  const [r] = await tx.select().from(applicationRevisions)
    .where(eq(applicationRevisions.applicationId, applicationId)).orderBy(desc(applicationRevisions.seq)).limit(1);
  if (!r) throw new Error(`application ${applicationId} has no revision`);
  return r;
}

/** The registration code as an SQL expression, so that an INSERT draws it without a round trip of its own. */
export function regCodeSql(today: string): SQL<string> {
  // lpad would cut a 7-digit number to 6; pad only what is shorter, like nextRegCode.
  return sql<string>`(select 'JN' || ${today.slice(0, 4)}::text || case when length(s.n) >= 6 then s.n else lpad(s.n, 6, '0') end
    from (select nextval('application_reg_seq')::text as n) s)`;
}

/** Next registration code: "JN" + year + 6 digits. */
export async function nextRegCode(tx: Tx, today: string): Promise<string> {
  const [{ n }] = await queryRows<{ n: string }>(tx, sql`select nextval('application_reg_seq')::text as n`);
  return `JN${today.slice(0, 4)}${n.padStart(6, '0')}`;
}

type NoticeKind = 'admission' | 'removal' | 'lapse' | 'cancellation';

/** Next notice number, e.g. 济住保轮〔2026〕000123号 (admission) — prefix per notice kind. */
export async function nextNoticeNo(tx: Tx, kind: NoticeKind, today: string): Promise<string> {
  return (await nextNoticeNos(tx, kind, today, 1))[0]!;
}

/** `count` consecutive notice numbers of one kind, in one statement. */
export async function nextNoticeNos(tx: Tx, kind: NoticeKind, today: string, count: number): Promise<string[]> {
  const rows = await queryRows<{ n: string }>(tx, sql`select nextval('notice_seq')::text as n from generate_series(1, ${count}::int)`);
  const prefix = { admission: '济住保轮', removal: '济住保移', lapse: '济住保失', cancellation: '济住保撤' }[kind];
  return rows.map((r) => Number(r.n)).sort((a, b) => a - b).map((n) => `${prefix}〔${today.slice(0, 4)}〕${String(n).padStart(6, '0')}号`);
}

/** One entry of an application's history. */
export type EventInput = { applicationId: string; kind: string; from?: string | null; to?: string | null; reason?: string | null; article?: string | null; evidence?: unknown };

/** Append to the application's own history (every state change, by anyone). */
export async function addEvent(tx: Tx, ctx: CommandContext, e: EventInput): Promise<void> {
  await addEvents(tx, ctx, [e]);
}

/** Append several history entries in one statement. */
export async function addEvents(tx: Tx, ctx: CommandContext, events: EventInput[]): Promise<void> {
  if (!events.length) return;
  const at = ctx.clock.now();
  await tx.insert(applicationEvents).values(events.map((e) => ({
    applicationId: e.applicationId,
    at,
    actorAccountId: ctx.actor.accountId || null,
    kind: e.kind,
    fromStatus: e.from ?? null,
    toStatus: e.to ?? null,
    reason: e.reason ?? null,
    article: e.article ?? null,
    evidence: (e.evidence ?? null) as never,
  })));
}

/** Non-identifying member rows of a revision (replaces any earlier rows of it). */
export async function writeMembers(
  tx: Tx, revisionId: string,
  members: Array<{ relation: string; idBlind: string; birthDate: string; sex: 'M' | 'F'; hukouType: string; hukouCity: string }>,
  opts: { firstWrite?: boolean } = {},
): Promise<void> {
  // A revision never submitted before has no member rows to replace.
  if (!opts.firstWrite) await tx.delete(applicationMembers).where(eq(applicationMembers.revisionId, revisionId));
  if (members.length) await tx.insert(applicationMembers).values(members.map((m, idx) => ({ revisionId, idx, ...m })));
}

/**
 * Hold these persons for the application (adding to what it already holds). The primary key
 * of active_persons is the guarantee; on a clash the whole command rolls back with 409.
 * `internal.otherRegCode` tells staff where the person already is; the applicant's message does not.
 */
export async function holdPersons(tx: Tx, applicationId: string, blinds: string[], since: Date): Promise<void> {
  if (!blinds.length) return;
  const inserted = await tx.insert(activePersons).values(blinds.map((idBlind) => ({ idBlind, applicationId, since })))
    .onConflictDoNothing().returning({ idBlind: activePersons.idBlind });
  const got = new Set(inserted.map((r) => r.idBlind));
  const missing = blinds.filter((b) => !got.has(b));
  if (!missing.length) return;
  const holders = await tx.select({ idBlind: activePersons.idBlind, applicationId: activePersons.applicationId, regCode: applications.regCode })
    .from(activePersons).innerJoin(applications, eq(applications.id, activePersons.applicationId))
    .where(inArray(activePersons.idBlind, missing));
  const clash = holders.find((h) => h.applicationId !== applicationId);
  if (clash) {
    const member = blinds.indexOf(clash.idBlind);
    throw new DomainError(
      'PERSON_IN_ACTIVE_APPLICATION', 409,
      `家庭成员第${member + 1}人已在其他有效的轮候申请中，同一人只能参加一个申请家庭。如有疑问请联系区县住房保障部门。`,
      `Member ${member + 1} is already in another active waiting-list application; a person may be in one family's application only.`,
      `form.members.${member}.idNumber`, { member },
      { otherRegCode: clash.regCode, otherApplicationId: clash.applicationId },
    );
  }
}

/** Release persons of the application: all of them, or all except `keep`. One statement. */
export async function releasePersons(tx: Tx, applicationId: string, keep: string[] = []): Promise<void> {
  await tx.delete(activePersons).where(and(eq(activePersons.applicationId, applicationId), notInArray(activePersons.idBlind, keep)));
}

/** Release every person held by these applications, in one statement. */
export async function releaseAllPersonsOf(tx: Tx, applicationIds: string[]): Promise<void> {
  if (applicationIds.length) await tx.delete(activePersons).where(inArray(activePersons.applicationId, applicationIds));
}

/** Bump version/updated_at and set fields on the application. */
export async function updateApplication(tx: Tx, app: ApplicationRow, now: Date, set: Partial<typeof applications.$inferInsert>): Promise<ApplicationRow> {
  const [row] = await tx.update(applications).set({ ...set, updatedAt: now, version: app.version + 1 })
    .where(eq(applications.id, app.id)).returning();
  return row;
}
