/**
 * How an exit application (济政发〔2025〕3号 第二十四至二十七条) is shown: the row's named fields, the
 * unit by its labels, the holder masked. Used by the commands' answers, the board (in short: {@link exitBoardRows}) and the family's pages.
 */
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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

/** What the board shows of the eligibility (第二十四条): the verdict and the earliest exit day, no trace. */
export interface BoardEligibility { eligible: boolean; earliestDate: string }

/** One row of the board (第二十六条): the exit in short with the eligibility's verdict only. */
export type ExitBoardRow = Omit<ExitView, 'eligibility'> & { eligibility: BoardEligibility };

const FINAL = new Set(['refused', 'withdrawn', 'completed']);

// Every column the views name, never the valuation JSON (the detail reads it from the row itself).
const e = exitApplications;
const COLUMNS = {
  id: e.id, exitNo: e.exitNo, unitId: e.unitId, projectId: e.projectId, titleId: e.titleId, route: e.route, origin: e.origin,
  status: e.status, obligationId: e.obligationId, submittedOn: e.submittedOn, acceptedOn: e.acceptedOn, dueOn: e.dueOn,
  decisionReason: e.decisionReason, valuedOn: e.valuedOn, priceFen: e.priceFen, completedOn: e.completedOn,
  projectCode: projects.code, projectName: projects.name, level: projects.level, districtCode: projects.districtCode,
  building: buildings.name, number: units.number, certificateNo: titles.certificateNo, titleMasked: titles.holderMaskedName,
  appMasked: applications.maskedApplicantName,
};

async function selectExits<X extends Record<string, SQL | SQL.Aliased | AnyPgColumn>>(tx: Tx, extra: X, where: SQL | undefined) {
  return tx.select({ ...COLUMNS, ...extra }).from(exitApplications)
    .innerJoin(projects, eq(projects.id, exitApplications.projectId)).innerJoin(units, eq(units.id, exitApplications.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId)).innerJoin(titles, eq(titles.id, exitApplications.titleId))
    .leftJoin(applications, eq(applications.id, exitApplications.applicationId))
    .where(where);
}

type Row = Awaited<ReturnType<typeof selectExits<Record<never, never>>>>[number];

function shape(r: Row, today: string): Omit<ExitView, 'eligibility'> {
  const daysLeft = r.dueOn && !FINAL.has(r.status) ? daysBetween(today, r.dueOn) : null;
  return {
    id: r.id, exitNo: r.exitNo, unitId: r.unitId, unitLabel: `${r.projectName} ${r.building}${r.number}室`,
    project: { id: r.projectId, code: r.projectCode, name: r.projectName, level: r.level, districtCode: r.districtCode },
    titleId: r.titleId, certificateNo: r.certificateNo, holderMaskedName: r.titleMasked ?? r.appMasked ?? null,
    route: r.route as ExitRoute, origin: r.origin as ExitOrigin, status: r.status as ExitStatus, obligationId: r.obligationId,
    submittedOn: r.submittedOn, acceptedOn: r.acceptedOn, dueOn: r.dueOn, daysLeft, overdue: daysLeft !== null && daysLeft < 0,
    decisionReason: r.decisionReason, valuedOn: r.valuedOn, priceFen: r.priceFen, completedOn: r.completedOn,
  };
}

/** Exits matching `where`, as views on `today`, with the stored eligibility in full (trace and citations). */
export async function exitViews(tx: Tx, where: SQL | undefined, today: string): Promise<ExitView[]> {
  const rows = await selectExits(tx, { eligibility: exitApplications.eligibility }, where);
  return rows.map((r) => ({ ...shape(r, today), eligibility: r.eligibility as Eligibility }));
}

/**
 * Board rows matching `where` on `today`: the eligibility's verdict is read out of the JSON by the
 * database, so neither the trace nor the valuation leaves it.
 */
export async function exitBoardRows(tx: Tx, where: SQL | undefined, today: string): Promise<ExitBoardRow[]> {
  const rows = await selectExits(tx, {
    eligible: sql<string>`(${exitApplications.eligibility} #>> '{value,eligible}')`,
    earliestDate: sql<string>`(${exitApplications.eligibility} #>> '{value,earliestDate}')`,
  }, where);
  return rows.map((r) => ({
    ...shape(r, today),
    eligibility: { eligible: r.eligible === 'true', earliestDate: r.earliestDate },
  }));
}

/** One exit's view. */
export async function exitView(tx: Tx, id: string, today: string): Promise<ExitView> {
  const [v] = await exitViews(tx, inArray(exitApplications.id, [id]), today);
  if (!v) throw new Error(`exit ${id} missing`);
  return v;
}

export const ROUTE_ZH: Record<ExitRoute, string> = { buyback: '政府回购', internal_transfer: '轮候家庭内部流转' };
