/** Shapes a sale plan for the API. */
import type { SalePlan } from '../../../commands/sale-plans/index.js';

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** The plan with the link to its notice PDF. */
export function presentPlan(p: SalePlan & { offered?: number }) {
  return {
    id: p.id, projectId: p.projectId, round: p.round, status: p.status,
    registrationOpensAt: p.registrationOpensAt.toISOString(), registrationClosesAt: p.registrationClosesAt.toISOString(), drawOn: p.drawOn,
    depositFen: p.depositFen, pools: p.pools as Array<{ label: string; share?: string; quota?: number | 'all'; eligibility: string }>,
    batchSize: p.batchSize, windowMinutes: p.windowMinutes, contractDeadlineDays: p.contractDeadlineDays, documents: p.documents,
    submittedAt: isoOrNull(p.submittedAt), approvedAt: isoOrNull(p.approvedAt), rejectedReason: p.rejectedReason,
    noticeNo: p.noticeNo, publishedAt: isoOrNull(p.publishedAt), createdAt: p.createdAt.toISOString(),
    noticePdf: `/api/sale-plans/${p.id}/notice.pdf`,
    ...(p.offered !== undefined ? { offered: p.offered } : {}),
  };
}
