/**
 * Storage helpers of the exit commands (济政发〔2025〕3号 第二十四至二十七条). All take the caller's
 * transaction.
 *
 * Lock order, shared by every exit command so that two never wait on each other in a cycle:
 * unit → exit application → multi-unit obligation.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { applications, buildings, exitApplications, OPEN_EXIT_STATUSES, projects, titles, units } from '../../db/schema.js';
import type { Actor } from '../context.js';
import { requireRole } from '../authz.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { assertProjectAccess, type Project } from '../sale/access.js';

export type ExitRow = typeof exitApplications.$inferSelect;
export type TitleRow = typeof titles.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The unit with its project, building and current title; the unit row locked FOR UPDATE when `lock`. */
export async function unitHolding(tx: Tx, unitId: string, lock = false) {
  if (!UUID.test(unitId)) throw notFound('房屋', 'unit');
  const q = tx.select().from(units).where(eq(units.id, unitId));
  const [unit] = lock ? await q.for('update') : await q;
  if (!unit) throw notFound('房屋', 'unit');
  const [project] = await tx.select().from(projects).where(eq(projects.id, unit.projectId));
  const [building] = await tx.select().from(buildings).where(eq(buildings.id, unit.buildingId));
  const [title] = await tx.select().from(titles).where(and(eq(titles.unitId, unitId), isNull(titles.supersededOn)));
  return { unit, project: project!, building: building!, title };
}

/** The exit application, locked FOR UPDATE when `lock` (take the unit's lock first); 404 when absent. */
export async function loadExit(tx: Tx, exitId: string, lock = false): Promise<ExitRow> {
  if (!UUID.test(exitId)) throw notFound('退出申请', 'exit application');
  const q = tx.select().from(exitApplications).where(eq(exitApplications.id, exitId));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('退出申请', 'exit application');
  return row;
}

/** The exit with its unit locked first (lock order unit → exit), then the exit locked. */
export async function lockExitWithUnit(tx: Tx, exitId: string) {
  const peek = await loadExit(tx, exitId);
  const holding = await unitHolding(tx, peek.unitId, true);
  const exit = await loadExit(tx, exitId, true);
  return { ...holding, exit };
}

/** The open exit application of a unit, if any. */
export async function openExitOf(tx: Tx, unitId: string): Promise<ExitRow | undefined> {
  const [row] = await tx.select().from(exitApplications)
    .where(and(eq(exitApplications.unitId, unitId), inArray(exitApplications.status, [...OPEN_EXIT_STATUSES])));
  return row;
}

/** Next exit number, e.g. 济保退〔2028〕000001号 (exit_no_seq; the year of submission). */
export async function nextExitNo(tx: Tx, today: string): Promise<string> {
  const [r] = await queryRows<{ n: string }>(tx, sql`select nextval('exit_no_seq')::text as n`);
  return `济保退〔${today.slice(0, 4)}〕${r!.n.padStart(6, '0')}号`;
}

/** The account of the family (application) behind a title, or undefined for a person or the government. */
export async function holderAccount(tx: Tx, title: TitleRow | undefined): Promise<string | undefined> {
  if (!title?.holderApplicationId) return undefined;
  const [app] = await tx.select({ accountId: applications.accountId }).from(applications).where(eq(applications.id, title.holderApplicationId));
  return app?.accountId;
}

/** The holder as lists show it: the title's masked name, else the family's masked applicant. */
export async function maskedHolder(tx: Tx, title: TitleRow | undefined): Promise<string | null> {
  if (!title) return null;
  if (title.holderMaskedName) return title.holderMaskedName;
  if (!title.holderApplicationId) return null;
  const [app] = await tx.select({ m: applications.maskedApplicantName }).from(applications).where(eq(applications.id, title.holderApplicationId));
  return app?.m ?? null;
}

/**
 * 第二十四、二十六条 (由市、区县住房城乡建设部门…组织实施): staff who decide an exit are those of the
 * project's level. Reading: a city-level project is the city bureau's alone; a district-level project
 * is its district's, and the city bureau, which leads the closed loop city-wide, may act on it too.
 */
export function assertExitStaff(actor: Actor, project: Project): void {
  assertProjectAccess(actor, project, 'staff');
  if (project.level === 'city' && actor.role !== 'city_staff') {
    throw forbidden('市级项目的退出由市住房城乡建设部门办理（第二十六条）。', 'Exits from a city-level project are handled by the city bureau (第二十六条).');
  }
}

/**
 * Read access to an exit: the project's staff, the auditor, the implementer of its own project. The
 * staff are those of its level, as for acting (titles/access.ts assertUnitAccess): district staff read
 * a city-level project's exits no more than they decide them.
 */
export function assertExitRead(actor: Actor, project: Project): void {
  assertProjectAccess(actor, project, 'read');
  if (project.level === 'city' && actor.role === 'district_staff') {
    throw forbidden('市级项目的退出由市住房城乡建设部门办理（第二十六条）。', 'Exits from a city-level project are handled by the city bureau (第二十六条).');
  }
}

/** Read access for a family: its own holding (404 for anyone else's). */
export async function assertExitFamily(tx: Tx, actor: Actor, exit: ExitRow): Promise<void> {
  requireRole(actor, ['applicant']);
  if (!exit.applicationId) throw notFound('退出申请', 'exit application');
  const [app] = await tx.select({ accountId: applications.accountId }).from(applications).where(eq(applications.id, exit.applicationId));
  if (app?.accountId !== actor.accountId) throw notFound('退出申请', 'exit application');
}

/** The applications (families) of an applicant account. */
export async function myApplicationIds(tx: Tx, accountId: string): Promise<string[]> {
  const rows = await tx.select({ id: applications.id }).from(applications).where(eq(applications.accountId, accountId)).orderBy(desc(applications.createdAt));
  return rows.map((r) => r.id);
}

const STATUS_ZH: Record<string, string> = {
  submitted: '已提交', accepted: '已受理', refused: '不予受理', withdrawn: '已撤回', contracted: '已签回购合同',
  offered: '内部流转中', matched: '已匹配受让家庭', completed: '已完成',
};

/** 409: the exit is not at a stage where the step applies. */
export const exitStage = (e: ExitRow, zh: string, en: string) =>
  new DomainError('INVALID_STATE', 409, `退出申请当前为“${STATUS_ZH[e.status] ?? e.status}”，${zh}`, `The exit application is ${e.status}; ${en}`, undefined, { status: e.status });

/** 409: the unit already has an open exit application (exit_applications_unit_open_uq). */
export const exitOpen = (exitNo?: string) => new DomainError('EXIT_OPEN', 409,
  `该房屋已有未办结的退出申请${exitNo ? `（${exitNo}）` : ''}，同一套房屋同时只能有一个退出申请。`,
  `The unit already has an open exit application${exitNo ? ` (${exitNo})` : ''}; a unit has one at a time.`, 'unitId', exitNo ? { exitNo } : undefined);
