/**
 * getApplication: the family reads its own application in full; staff and auditors read any
 * application in their scope, and every such read of a full record is written to the audit
 * log (architecture.md "Personal data").
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applicationEvents, applicationMembers, applicationRevisions, dataChecks, notices } from '../../db/schema.js';
import { AAD } from '../../crypto/index.js';
import { appendAudit } from '../../audit/index.js';
import { districtName } from '../../db/reference/districts.js';
import { assertOwner, assertStaff } from '../authz.js';
import type { CommandContext } from '../context.js';
import { waitlistView } from './confirm.js';
import { readApplication, type ApplicationRow, type RevisionRow } from './store.js';

/** One revision as shown to the family or staff. */
export interface RevisionView {
  seq: number;
  kind: string;
  status: string;
  form: unknown;
  verdict: unknown;
  changeReason: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  /** Staff only: the department answers stored with this revision. */
  checks?: Array<{ department: string; provider: string; checkedAt: Date; purpose: string; result: unknown }>;
  /** Staff only: the non-identifying member facts. */
  members?: Array<{ idx: number; relation: string; birthDate: string; sex: string; hukouType: string; hukouCity: string }>;
}

/**
 * Public-safe summary of an application row, with its 第八条 waitlist view on `today`
 * (ctx.clock.today(); null for a family that is not admitted).
 */
export function summary(app: ApplicationRow, today: string) {
  return {
    id: app.id, regCode: app.regCode, status: app.status, districtCode: app.districtCode, districtName: districtName(app.districtCode) ?? app.districtCode,
    category: app.category, priority: app.priority, maskedApplicantName: app.maskedApplicantName, maskedApplicantId: app.maskedApplicantId,
    currentRevision: app.currentRevision, submittedAt: app.submittedAt, admittedOn: app.admittedOn, lastConfirmedOn: app.lastConfirmedOn,
    confirmDeadline: app.confirmDeadline, noticeNo: app.noticeNo, closedOn: app.closedOn, closedReason: app.closedReason,
    createdAt: app.createdAt, updatedAt: app.updatedAt, version: app.version,
    waitlist: waitlistView(app, today),
  };
}

async function view(tx: Tx, ctx: CommandContext, app: ApplicationRow, rev: RevisionRow, staff: boolean): Promise<RevisionView> {
  const v: RevisionView = {
    seq: rev.seq, kind: rev.kind, status: rev.status, form: ctx.crypto.decryptJson(rev.formEnc, AAD.revisionForm(app.id)),
    verdict: rev.verdict, changeReason: rev.changeReason, submittedAt: rev.submittedAt, decidedAt: rev.decidedAt, decisionReason: rev.decisionReason,
  };
  if (staff) {
    const checks = await tx.select().from(dataChecks).where(eq(dataChecks.revisionId, rev.id)).orderBy(asc(dataChecks.checkedAt));
    v.checks = checks.map((c) => ({ department: c.department, provider: c.provider, checkedAt: c.checkedAt, purpose: c.purpose, result: (c.response as { result: unknown }).result }));
    const members = await tx.select().from(applicationMembers).where(eq(applicationMembers.revisionId, rev.id)).orderBy(asc(applicationMembers.idx));
    v.members = members.map(({ revisionId: _r, idBlind: _b, ...m }) => m);
  }
  return v;
}

/** Read one application. */
export async function getApplication(ctx: CommandContext, input: { applicationId: string }) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const app = await readApplication(tx, input.applicationId);
    const staff = ctx.actor.role !== 'applicant';
    if (staff) assertStaff(ctx.actor, app, 'read');
    else assertOwner(ctx.actor, app);
    const revs = await tx.select().from(applicationRevisions).where(eq(applicationRevisions.applicationId, app.id)).orderBy(desc(applicationRevisions.seq));
    const latest = revs[0];
    const current = app.status === 'admitted' || app.admittedOn ? revs.find((r) => r.seq === app.currentRevision) : undefined;
    const events = await tx.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id)).orderBy(asc(applicationEvents.id));
    const ns = await tx.select().from(notices).where(eq(notices.applicationId, app.id)).orderBy(asc(notices.issuedOn));
    const out = {
      application: summary(app, ctx.clock.today()),
      latest: await view(tx, ctx, app, latest, staff),
      current: current && current.seq !== latest.seq ? await view(tx, ctx, app, current, staff) : null,
      revisions: revs.map((r) => ({ seq: r.seq, kind: r.kind, status: r.status, submittedAt: r.submittedAt, decidedAt: r.decidedAt, decisionReason: r.decisionReason })),
      events: events.map((e) => ({ at: e.at, kind: e.kind, from: e.fromStatus, to: e.toStatus, reason: e.reason, article: e.article, evidence: e.evidence, byStaff: !!e.actorAccountId && e.actorAccountId !== app.accountId })),
      notices: ns.map((n) => ({ noticeNo: n.noticeNo, kind: n.kind, issuedOn: n.issuedOn, payload: n.payload })),
    };
    if (staff) {
      await appendAudit(tx, { actor: ctx.actor, action: 'application.read_full', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, requestId: ctx.requestId } });
    }
    return out;
  });
}

/** Current forms of several applications (for documents such as the admission notice): owner or staff scope checked by the caller. */
export async function currentForms(tx: Tx, ctx: CommandContext, apps: ApplicationRow[]): Promise<Map<string, unknown>> {
  if (!apps.length) return new Map();
  const revs = await tx.select().from(applicationRevisions).where(inArray(applicationRevisions.applicationId, apps.map((a) => a.id)));
  const m = new Map<string, unknown>();
  for (const a of apps) {
    const r = revs.find((x) => x.applicationId === a.id && x.seq === a.currentRevision);
    if (r) m.set(a.id, ctx.crypto.decryptJson(r.formEnc, AAD.revisionForm(a.id)));
  }
  return m;
}
