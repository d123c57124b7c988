/** Shapes staff views: the review queue items (verdict with trace, department answers, member facts). */
import type { QueueItem } from '../../../commands/applications/lists.js';
import { presentVerdict } from '../my-applications/presenter.js';

const iso = (d: Date | string | null) => (d == null ? null : d instanceof Date ? d.toISOString() : d);

/** One item of the review queue. Member facts carry no name, ID number or blind index. */
export function presentQueueItem(q: QueueItem) {
  return {
    id: q.applicationId, regCode: q.regCode, districtCode: q.districtCode, districtName: q.districtName,
    status: q.applicationStatus, kind: q.kind as 'initial' | 'change', revision: q.revision, submittedAt: iso(q.submittedAt),
    maskedName: q.maskedApplicantName, maskedId: q.maskedApplicantId,
    verdict: presentVerdict(q.verdict),
    checks: q.checks.map((c) => ({ department: c.department, provider: c.provider, checkedAt: iso(c.checkedAt)!, result: c.result })),
    members: q.members.map((m) => ({ idx: m.idx, relation: m.relation, birthDate: m.birthDate, sex: m.sex, hukouType: m.hukouType, hukouCity: m.hukouCity })),
  };
}

/** A decision's answer: the command's output with dates as strings. */
export function presentDecision<T extends { id: string; status: string }>(out: T) {
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, (v as unknown) instanceof Date ? (v as unknown as Date).toISOString() : v])) as T;
}
