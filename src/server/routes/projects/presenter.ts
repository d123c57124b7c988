/** Shapes catalogue rows for the API: instants as ISO strings, named fields only. */
import type { ProjectDetail, ProjectSummary } from '../../../commands/projects/index.js';
import type { Project } from '../../../commands/sale/access.js';
import { districtName } from '../../../db/reference/districts.js';

type Dateish = Date | string | null | undefined;
const isoOrNull = (d: Dateish): string | null => (d == null ? null : d instanceof Date ? d.toISOString() : d);
const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : d);

/** One project. */
export function presentProject(p: Project & { districtName?: string }) {
  return {
    id: p.id, code: p.code, name: p.name, level: p.level, districtCode: p.districtCode, districtName: p.districtName ?? districtName(p.districtCode) ?? p.districtCode,
    saleMode: p.saleMode, address: p.address, status: p.status, implementerAccountId: p.implementerAccountId,
    deliveryOn: p.deliveryOn, propertyService: p.propertyService, saleEndedOn: p.saleEndedOn,
    createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt), version: p.version,
  };
}

/** A project in a list, with its unit counts. */
export const presentListItem = (p: ProjectSummary) => ({ ...presentProject(p), counts: p.counts });

/** The project page: buildings, counts, approvals (schedules are read one by one), plans and draws. */
export function presentDetail(d: ProjectDetail) {
  return {
    project: presentProject(d.project),
    buildings: d.buildings.map((b) => ({ id: b.id, projectId: b.projectId, name: b.name, floors: b.floors, completedOn: b.completedOn, counts: b.counts })),
    counts: d.counts,
    priceApprovals: d.priceApprovals.map((a) => ({
      ...a, submittedAt: iso(a.submittedAt), districtApprovedAt: isoOrNull(a.districtApprovedAt), cityApprovedAt: isoOrNull(a.cityApprovedAt),
    })),
    plans: d.plans.map((p) => ({
      id: p.id, round: p.round, status: p.status, registrationOpensAt: iso(p.registrationOpensAt), registrationClosesAt: iso(p.registrationClosesAt),
      drawOn: p.drawOn, depositFen: p.depositFen, noticeNo: p.noticeNo, publishedAt: isoOrNull(p.publishedAt), rejectedReason: p.rejectedReason,
    })),
    draws: d.draws.map((x) => ({ ...x, frozenAt: iso(x.frozenAt), drawnAt: isoOrNull(x.drawnAt) })),
  };
}
