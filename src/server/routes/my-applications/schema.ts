/**
 * Schemas of /api/my/applications. The form schemas are the commands' own
 * (src/commands/applications/form.ts), so the route refuses what the command would, naming
 * the same field, before any transaction starts.
 */
import { z } from 'zod';
import { ApplicationFormSchema, DraftFormSchema } from '../../../commands/applications/form.js';

export const IdParams = z.object({ id: z.uuid().describe('application id') });
export const DraftBody = z.object({ form: DraftFormSchema });
export const ChangeBody = z.object({ form: ApplicationFormSchema, reason: z.string().max(1000) });
export const ReasonBody = z.object({ reason: z.string().max(1000) });
export const NoticeQuery = z.object({ noticeNo: z.string().max(64).optional().describe('a removal notice; default: the admission notice') });

const iso = z.string().nullable();
const Verdict = z.object({
  eligible: z.boolean(), category: z.enum(['wage_family', 'talent']).nullable(), priority: z.array(z.string()),
  reasons: z.array(z.object({ code: z.string(), article: z.string(), passed: z.boolean(), message_zh: z.string() })),
  trace: z.array(z.unknown()), citations: z.array(z.unknown()),
  asOf: z.string(), overrides: z.array(z.unknown()), checked: z.unknown(),
}).nullable();

/** 第八条 on the server's today (rule housing.waitlist-status); null unless admitted. */
export const WaitlistView = z.object({
  status: z.enum(['active', 'must_confirm', 'lapsed']),
  deadline: z.string().nullable().describe('the two-year anniversary; confirming on it still counts'),
  remindFrom: z.string().nullable().describe('from this day the family is asked to confirm'),
}).nullable();

/** One application in a list. */
export const ApplicationSummary = z.object({
  id: z.string(), regCode: z.string(), status: z.string(), districtCode: z.string(), districtName: z.string(),
  category: z.string().nullable(), priority: z.array(z.string()),
  maskedName: z.string().nullable(), maskedId: z.string().nullable(),
  submittedAt: iso, admittedOn: iso, lastConfirmedOn: iso, confirmDeadline: iso, noticeNo: iso,
  closedOn: iso, closedReason: iso, createdAt: z.string(), updatedAt: z.string(),
  waitlist: WaitlistView,
});

const Revision = z.object({
  revision: z.number(), kind: z.string(), status: z.string(), form: z.unknown(), verdict: Verdict,
  changeReason: iso, submittedAt: iso, decidedAt: iso, decisionReason: iso,
});

/** One application in full, as its family sees it. Staff views add `checks` and `members`. */
export const ApplicationDetail = ApplicationSummary.extend({
  form: z.unknown(), verdict: Verdict, revision: z.number(), revisionKind: z.string(), revisionStatus: z.string(),
  decisionReason: iso, changeReason: iso, pendingChange: z.boolean(),
  current: Revision.nullable(),
  revisions: z.array(z.object({ revision: z.number(), kind: z.string(), status: z.string(), submittedAt: iso, decidedAt: iso, decisionReason: iso })),
  events: z.array(z.object({
    at: z.string(), kind: z.string(), fromStatus: iso, toStatus: iso, reason: iso, article: iso, byStaff: z.boolean(), evidence: z.unknown(),
  })),
  notices: z.array(z.object({ noticeNo: z.string(), kind: z.string(), issuedOn: z.string(), reason: iso, pdf: z.string() })),
  checks: z.array(z.object({ department: z.string(), provider: z.string(), checkedAt: z.string(), purpose: z.string(), result: z.unknown() })).optional(),
  members: z.array(z.object({
    idx: z.number(), relation: z.string(), birthDate: z.string(), sex: z.string(), hukouType: z.string(), hukouCity: z.string(),
  })).optional(),
});

export const ApplicationList = z.object({ items: z.array(ApplicationSummary) });
export const DraftSaved = z.object({ id: z.string(), regCode: z.string(), status: z.string(), revision: z.number() });
export const Submitted = z.object({ id: z.string(), regCode: z.string(), status: z.string(), revision: z.number(), verdict: Verdict });
export const ChangeFiled = z.object({ id: z.string(), status: z.string(), revision: z.number(), verdict: Verdict });
export const Withdrawn = z.object({ id: z.string(), status: z.string() });
export const Confirmed = z.object({ id: z.string(), lastConfirmedOn: z.string(), confirmDeadline: z.string() });
