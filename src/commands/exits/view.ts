/**
 * How an exit application (济政发〔2025〕3号 第二十四至二十七条) is shown: the row's named fields, the
 * unit by its labels, the holder masked. Used by the commands' answers, the board and the family's pages.
 */
import { eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applications, buildings, EXIT_STATUSES, exitApplications, projects, titles, units } from '../../db/schema.js';
import { daysBetween } from '../../rules/core/dates.js';
import type { Eligibility } from './eligibility.js';

export type ExitRoute = 'buyback' | 'internal_transfer';
export type ExitOrigin = 'family' | 'multi_unit' | 'fraud';
export type ExitStatus = (typeof EXIT_STATUSES)[number];

/** One exit application in short. */
export interface ExitView {
  id: string;
  exitNo: string;
  unitId: string;
  unitLabel: string;
  project: { id: string; code: string; name: string; level: string; districtCode: string };
  titleId: string;
  certificateNo: string;
  holderMaskedName: string | null;
  route: ExitRoute;
  origin: ExitOrigin;
  status: ExitStatus;
  obligationId: string | null;
  submittedOn: string;
  acceptedOn: string | null;
  dueOn: string | null;
  /** Whole days from today to dueOn; negative once overdue (第二十六条: 原则上半年内完成). */
  daysLeft: number | null;
  overdue: boolean;
  decisionReason: string | null;
  valuedOn: string | null;
  priceFen: number | null;
  completedOn: string | null;
  eligibility: Eligibility;
}

const FINAL = new Set(['refused', 'withdrawn', 'completed']);

/** Exits matching `where`, as views on `today`. */
export async function exitViews(tx: Tx, where: SQL | undefined, today: string): Promise<ExitView[]> {
  const rows = await tx.select({
    e: exitApplications, projectCode: projects.code, projectName: projects.name, level: projects.level, districtCode: projects.districtCode,
    building: buildings.name, number: units.number, certificateNo: titles.certificateNo, titleMasked: titles.holderMaskedName,
    appMasked: applications.maskedApplicantName,
  }).from(exitApplications)
    .innerJoin(projects, eq(projects.id, exitApplications.projectId)).innerJoin(units, eq(units.id, exitApplications.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId)).innerJoin(titles, eq(titles.id, exitApplications.titleId))
    .leftJoin(applications, eq(applications.id, exitApplications.applicationId))
    .where(where);
  return rows.map((r) => {
    const e = r.e;
    const daysLeft = e.dueOn && !FINAL.has(e.status) ? daysBetween(today, e.dueOn) : null;
    return {
      id: e.id, exitNo: e.exitNo, unitId: e.unitId, unitLabel: `${r.projectName} ${r.building}${r.number}室`,
      project: { id: e.projectId, code: r.projectCode, name: r.projectName, level: r.level, districtCode: r.districtCode },
      titleId: e.titleId, certificateNo: r.certificateNo, holderMaskedName: r.titleMasked ?? r.appMasked ?? null,
      route: e.route as ExitRoute, origin: e.origin as ExitOrigin, status: e.status as ExitStatus, obligationId: e.obligationId,
      submittedOn: e.submittedOn, acceptedOn: e.acceptedOn, dueOn: e.dueOn, daysLeft, overdue: daysLeft !== null && daysLeft < 0,
      decisionReason: e.decisionReason, valuedOn: e.valuedOn, priceFen: e.priceFen, completedOn: e.completedOn,
      eligibility: e.eligibility as Eligibility,
    };
  });
}

/** One exit's view. */
export async function exitView(tx: Tx, id: string, today: string): Promise<ExitView> {
  const [v] = await exitViews(tx, inArray(exitApplications.id, [id]), today);
  if (!v) throw new Error(`exit ${id} missing`);
  return v;
}

export const ROUTE_ZH: Record<ExitRoute, string> = { buyback: '政府回购', internal_transfer: '轮候家庭内部流转' };
