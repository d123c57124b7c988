/** Shapes a price approval for the API: who approved is in the audit log; here the stages and dates. */
import type { PriceApproval, PriceApprovalView, ScheduleLine } from '../../../commands/pricing/index.js';

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** The approval with its schedule (named lines when the view has them). */
export function presentApproval(a: PriceApproval | PriceApprovalView) {
  return {
    id: a.id, projectId: a.projectId, status: a.status, basePricePerM2Fen: a.basePricePerM2Fen, floatRange: a.floatRange, scheduleSha256: a.scheduleSha256,
    submittedAt: a.submittedAt.toISOString(), districtApprovedAt: isoOrNull(a.districtApprovedAt), cityApprovedAt: isoOrNull(a.cityApprovedAt),
    rejectedReason: a.rejectedReason, approvalNo: a.approvalNo,
    lines: 'lines' in a ? a.lines : (a.schedule as ScheduleLine[]),
  };
}
