/**
 * Lists: the staff review queue (district staff see their district only), the family's own
 * applications, and the public qualification results (第七条: 及时公开资格审核结果) with masked
 * names and ID numbers only.
 */
import { and, asc, count, desc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applicationMembers, applicationRevisions, applications, dataChecks } from '../../db/schema.js';
import { districtName } from '../../db/reference/districts.js';
import { requireRole, staffDistrict } from '../authz.js';
import type { CommandContext } from '../context.js';
import { invalid } from '../errors.js';
import { summary } from './get.js';

const intIn = (v: unknown, field: string, min: number, max: number, dflt: number) => {
  if (v === undefined || v === null || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw invalid(field, `应为 ${min}–${max} 的整数。`, `must be an integer ${min}–${max}.`);
  return n;
};

/** Review queue item: the revision under review with its checks, verdict and trace. */
export interface QueueItem {
  applicationId: string; regCode: string; districtCode: string; districtName: string; applicationStatus: string;
  kind: string; revision: number; submittedAt: Date | null; maskedApplicantName: string | null; maskedApplicantId: string | null;
  verdict: unknown; checks: Array<{ department: string; provider: string; checkedAt: Date; result: unknown }>;
  members: Array<{ idx: number; relation: string; birthDate: string; sex: string; hukouType: string; hukouCity: string }>;
}

/**
 * Revisions awaiting a decision, oldest first (first come, first reviewed). Keyset paging:
 * pass the last item's `submittedAt` and `revisionId`… as `after` (opaque cursor).
 */
export async function listReviewQueue(ctx: CommandContext, input: { district?: string; limit?: number; after?: string } = {}): Promise<{ items: QueueItem[]; next: string | null }> {
  const district = staffDistrict(ctx.actor, input.district);
  const limit = intIn(input.limit, 'limit', 1, 200, 50);
  const conds: SQL[] = [eq(applicationRevisions.status, 'submitted')];
  if (district) conds.push(eq(applications.districtCode, district));
  if (input.after) {
    const [at, id] = Buffer.from(input.after, 'base64url').toString('utf8').split('|');
    const d = new Date(at);
    if (!id || Number.isNaN(d.getTime())) throw invalid('after', '分页游标无效。', 'Invalid cursor.');
    conds.push(or(gt(applicationRevisions.submittedAt, d), and(eq(applicationRevisions.submittedAt, d), gt(applicationRevisions.id, id)))!);
  }
  const rows = await ctx.db.select({ app: applications, rev: applicationRevisions })
    .from(applicationRevisions).innerJoin(applications, eq(applications.id, applicationRevisions.applicationId))
    .where(and(...conds)).orderBy(asc(applicationRevisions.submittedAt), asc(applicationRevisions.id)).limit(limit + 1);
  const page = rows.slice(0, limit);
  const revIds = page.map((r) => r.rev.id);
  const checks = revIds.length ? await ctx.db.select().from(dataChecks).where(inArray(dataChecks.revisionId, revIds)) : [];
  const members = revIds.length ? await ctx.db.select().from(applicationMembers).where(inArray(applicationMembers.revisionId, revIds)).orderBy(asc(applicationMembers.idx)) : [];
  const items = page.map(({ app, rev }) => ({
    applicationId: app.id, regCode: app.regCode, districtCode: app.districtCode, districtName: districtName(app.districtCode) ?? app.districtCode,
    applicationStatus: app.status, kind: rev.kind, revision: rev.seq, submittedAt: rev.submittedAt,
    maskedApplicantName: app.maskedApplicantName, maskedApplicantId: app.maskedApplicantId, verdict: rev.verdict,
    checks: checks.filter((c) => c.revisionId === rev.id).map((c) => ({ department: c.department, provider: c.provider, checkedAt: c.checkedAt, result: (c.response as { result: unknown }).result })),
    members: members.filter((m) => m.revisionId === rev.id).map(({ revisionId: _r, idBlind: _b, ...m }) => m),
  }));
  const last = page[page.length - 1];
  const next = rows.length > limit && last ? Buffer.from(`${last.rev.submittedAt!.toISOString()}|${last.rev.id}`).toString('base64url') : null;
  return { items, next };
}

/** The family's own applications, newest first, each with its 第八条 waitlist view. */
export async function listMyApplications(ctx: CommandContext) {
  requireRole(ctx.actor, ['applicant']);
  const rows = await ctx.db.select().from(applications).where(eq(applications.accountId, ctx.actor.accountId)).orderBy(desc(applications.createdAt));
  const today = ctx.clock.today();
  return rows.map((r) => summary(r, today));
}

/**
 * Staff list of applications by district and status (the 轮候库 view), newest first. Admitted
 * rows carry their 第八条 status, deadline and reminder start on the server's today.
 */
export async function listApplications(ctx: CommandContext, input: { district?: string; status?: string; page?: number; pageSize?: number } = {}) {
  const district = staffDistrict(ctx.actor, input.district);
  const page = intIn(input.page, 'page', 1, 100_000, 1);
  const pageSize = intIn(input.pageSize, 'pageSize', 1, 200, 50);
  const conds: SQL[] = [];
  if (district) conds.push(eq(applications.districtCode, district));
  if (input.status) conds.push(eq(applications.status, input.status));
  const where = conds.length ? and(...conds) : undefined;
  const [{ total }] = await ctx.db.select({ total: count() }).from(applications).where(where);
  const rows = await ctx.db.select().from(applications).where(where).orderBy(desc(applications.updatedAt), asc(applications.id)).limit(pageSize).offset((page - 1) * pageSize);
  const today = ctx.clock.today();
  return { items: rows.map((r) => summary(r, today)), total: Number(total), page, pageSize };
}

/** One row of the public qualification results. */
export interface PublicResult {
  regCode: string; maskedName: string | null; maskedId: string | null; districtCode: string; district: string;
  category: string | null; priority: string[]; admittedOn: string | null;
}

const publicCols = {
  regCode: applications.regCode, maskedName: applications.maskedApplicantName, maskedId: applications.maskedApplicantId,
  districtCode: applications.districtCode, category: applications.category, priority: applications.priority, admittedOn: applications.admittedOn,
};
const toPublic = (r: Omit<PublicResult, 'district'>): PublicResult => ({ ...r, district: districtName(r.districtCode) ?? r.districtCode });

/** Families on the waiting list, as published (第七条). Open to anyone. */
export async function listPublicResults(ctx: Pick<CommandContext, 'db'>, input: { page?: number; pageSize?: number; district?: string; regCode?: string } = {}) {
  const page = intIn(input.page, 'page', 1, 100_000, 1);
  const pageSize = intIn(input.pageSize, 'pageSize', 1, 100, 20);
  const conds: SQL[] = [eq(applications.status, 'admitted')];
  if (input.district) conds.push(eq(applications.districtCode, input.district));
  // the public page looks a family up by its registration code (exact match)
  if (input.regCode) conds.push(eq(applications.regCode, input.regCode.trim().toUpperCase()));
  const [{ total }] = await ctx.db.select({ total: count() }).from(applications).where(and(...conds));
  const rows = await ctx.db.select(publicCols).from(applications).where(and(...conds))
    .orderBy(asc(applications.admittedOn), asc(applications.regCode)).limit(pageSize).offset((page - 1) * pageSize);
  return { items: rows.map(toPublic), total: Number(total), page, pageSize };
}

/** All published results in order, streamed in keyset batches (for the xlsx export). */
export async function* streamPublicResults(db: Db, input: { district?: string; batchSize?: number } = {}): AsyncGenerator<PublicResult> {
  const batch = input.batchSize ?? 1000;
  let after: { on: string; reg: string } | null = null;
  for (;;) {
    const conds: SQL[] = [eq(applications.status, 'admitted')];
    if (input.district) conds.push(eq(applications.districtCode, input.district));
    if (after) conds.push(sql`(${applications.admittedOn}, ${applications.regCode}) > (${after.on}::date, ${after.reg})`);
    const rows = await db.select(publicCols).from(applications).where(and(...conds)).orderBy(asc(applications.admittedOn), asc(applications.regCode)).limit(batch);
    for (const r of rows) yield toPublic(r);
    if (rows.length < batch) return;
    const l = rows[rows.length - 1];
    after = { on: l.admittedOn!, reg: l.regCode };
  }
}
