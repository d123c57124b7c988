/**
 * Shapes applications for the API. Takes what the commands return and passes on only named
 * fields: never an encrypted form envelope, never a blind index, dates as ISO strings.
 */
import type { WaitlistView } from '../../../commands/applications/confirm.js';
import type { Verdict } from '../../../commands/applications/verdict.js';

type Dateish = Date | string | null | undefined;
const isoOrNull = (d: Dateish): string | null => (d == null ? null : d instanceof Date ? d.toISOString() : d);
const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : d);

/** The summary row the commands produce (src/commands/applications/get.ts `summary`). */
export type SummaryIn = {
  id: string; regCode: string; status: string; districtCode: string; districtName: string; category: string | null;
  priority: string[]; maskedApplicantName: string | null; maskedApplicantId: string | null; submittedAt: Dateish;
  admittedOn: string | null; lastConfirmedOn: string | null; confirmDeadline: string | null; noticeNo: string | null;
  closedOn: string | null; closedReason: string | null; createdAt: Date | string; updatedAt: Date | string;
  waitlist?: WaitlistView | null;
};

/** One application in a list; `waitlist` is the server's 第八条 view (rule housing.waitlist-status on its today). */
export function presentSummary(a: SummaryIn) {
  return {
    id: a.id, regCode: a.regCode, status: a.status, districtCode: a.districtCode, districtName: a.districtName,
    category: a.category, priority: a.priority ?? [], maskedName: a.maskedApplicantName, maskedId: a.maskedApplicantId,
    submittedAt: isoOrNull(a.submittedAt), admittedOn: a.admittedOn, lastConfirmedOn: a.lastConfirmedOn,
    confirmDeadline: a.confirmDeadline, noticeNo: a.noticeNo, closedOn: a.closedOn, closedReason: a.closedReason,
    createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt),
    waitlist: a.waitlist ?? null,
  };
}

/** The stored verdict, flattened: the rule's value with its trace and citations beside it. */
export function presentVerdict(v: unknown) {
  if (!v) return null;
  const x = v as Verdict;
  return {
    eligible: x.value.eligible, category: x.value.category, priority: x.value.priority, reasons: x.value.reasons,
    trace: x.trace, citations: x.citations, asOf: x.asOf, overrides: x.overrides ?? [], checked: x.checked ?? null,
  };
}

type RevisionIn = {
  seq: number; kind: string; status: string; form: unknown; verdict: unknown; changeReason: string | null;
  submittedAt: Dateish; decidedAt: Dateish; decisionReason: string | null;
  checks?: Array<{ department: string; provider: string; checkedAt: Date | string; purpose: string; result: unknown }>;
  members?: Array<{ idx: number; relation: string; birthDate: string; sex: string; hukouType: string; hukouCity: string }>;
};

/** What `getApplication` returns. */
export type DetailIn = {
  application: SummaryIn;
  latest: RevisionIn;
  current: RevisionIn | null;
  revisions: Array<{ seq: number; kind: string; status: string; submittedAt: Dateish; decidedAt: Dateish; decisionReason: string | null }>;
  events: Array<{ at: Date | string; kind: string; from: string | null; to: string | null; reason: string | null; article: string | null; evidence: unknown; byStaff: boolean }>;
  notices: Array<{ noticeNo: string; kind: string; issuedOn: string; payload: unknown }>;
};

function presentRevision(r: RevisionIn) {
  return {
    revision: r.seq, kind: r.kind, status: r.status, form: r.form, verdict: presentVerdict(r.verdict),
    changeReason: r.changeReason, submittedAt: isoOrNull(r.submittedAt), decidedAt: isoOrNull(r.decidedAt), decisionReason: r.decisionReason,
  };
}

/**
 * One application in full. `pdfBase` is the URL the notices are fetched from (the family's or
 * staff's route). With `staff`, the department answers and member facts of the latest revision
 * are included (they are in the command output only for staff reads).
 */
export function presentDetail(d: DetailIn, opts: { pdfBase: string; staff: boolean }) {
  const latest = presentRevision(d.latest);
  const out = {
    ...presentSummary(d.application),
    form: latest.form, verdict: latest.verdict, revision: latest.revision, revisionKind: latest.kind, revisionStatus: latest.status,
    decisionReason: latest.decisionReason, changeReason: latest.changeReason,
    pendingChange: d.latest.kind === 'change' && d.latest.status === 'submitted',
    current: d.current ? presentRevision(d.current) : null,
    revisions: d.revisions.map((r) => ({ revision: r.seq, kind: r.kind, status: r.status, submittedAt: isoOrNull(r.submittedAt), decidedAt: isoOrNull(r.decidedAt), decisionReason: r.decisionReason })),
    events: d.events.map((e) => ({ at: iso(e.at), kind: e.kind, fromStatus: e.from, toStatus: e.to, reason: e.reason, article: e.article, byStaff: e.byStaff, evidence: e.evidence ?? null })),
    notices: d.notices.map((n) => ({
      noticeNo: n.noticeNo, kind: n.kind, issuedOn: n.issuedOn,
      reason: ((n.payload ?? {}) as { reason?: string }).reason ?? null,
      pdf: `${opts.pdfBase}?noticeNo=${encodeURIComponent(n.noticeNo)}`,
    })),
  };
  if (!opts.staff) return out;
  return {
    ...out,
    checks: (d.latest.checks ?? []).map((c) => ({ department: c.department, provider: c.provider, checkedAt: iso(c.checkedAt), purpose: c.purpose, result: c.result })),
    members: (d.latest.members ?? []).map((m) => ({ idx: m.idx, relation: m.relation, birthDate: m.birthDate, sex: m.sex, hukouType: m.hukouType, hukouCity: m.hukouCity })),
  };
}
