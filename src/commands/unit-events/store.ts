/**
 * Storage helpers of unit events, cases and multi-unit obligations (济政发〔2025〕3号 第二十、二十二、
 * 二十三条). All take the caller's transaction.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { accounts, applications, buildings, projects, titles, units } from '../../db/schema.js';
import { enqueueMany, type EnqueueInput } from '../../notify/index.js';
import { DomainError, notFound } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Evidence of an event or a fraud finding: at least one item, each a document, a department's data check or an inspection. */
export const EvidenceSchema = z.array(z.object({
  kind: z.enum(['document', 'data_check', 'inspection'], '证据类型须为 document、data_check 或 inspection / kind must be document, data_check or inspection'),
  ref: z.string('请填写证据编号 / ref is required').trim().min(1, '请填写证据编号 / ref is required').max(200, '证据编号过长 / ref too long'),
  note: z.string().trim().max(1000, '说明过长 / note too long').optional(),
}), '至少提供一项证据 / at least one piece of evidence is required')
  .min(1, '至少提供一项证据 / at least one piece of evidence is required').max(20, '证据最多20项 / at most 20 items');
export type Evidence = z.infer<typeof EvidenceSchema>;

export type UnitScope = { unit: typeof units.$inferSelect; project: typeof projects.$inferSelect; label: string };

/** The unit with its project and a label "项目 1号楼101室"; 404 when absent. */
export async function unitScope(tx: Tx, unitId: string): Promise<UnitScope> {
  if (!UUID.test(unitId)) throw notFound('房屋', 'unit');
  const [row] = await tx.select({ unit: units, project: projects, building: buildings.name }).from(units)
    .innerJoin(projects, eq(projects.id, units.projectId)).innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(eq(units.id, unitId));
  if (!row) throw notFound('房屋', 'unit');
  return { unit: row.unit, project: row.project, label: `${row.project.name} ${row.building}${row.unit.number}室` };
}

export type TitleRow = typeof titles.$inferSelect;

/** The unit's current title, locked; 409 when the unit has none (not titled, or bought back). */
export async function lockCurrentTitle(tx: Tx, unitId: string): Promise<TitleRow> {
  const [t] = await tx.select().from(titles).where(and(eq(titles.unitId, unitId), isNull(titles.supersededOn))).for('update');
  if (!t) throw new DomainError('NO_CURRENT_TITLE', 409, '该房屋尚未登记不动产权证书，不能登记此事项。', 'The unit has no registered title; nothing can be recorded on it yet.');
  return t;
}

/** The family (application) holding a title, with its account and registration code; null for a person or the government. */
export async function holderFamily(tx: Tx, t: Pick<TitleRow, 'holderApplicationId'>) {
  if (!t.holderApplicationId) return null;
  const [a] = await tx.select({ id: applications.id, accountId: applications.accountId, regCode: applications.regCode, districtCode: applications.districtCode, maskedName: applications.maskedApplicantName })
    .from(applications).where(eq(applications.id, t.holderApplicationId));
  return a ?? null;
}

/** The next number of a sequence formatted with the year, e.g. 案〔2026〕3号. */
export async function nextYearNo(tx: Tx, seq: 'case_no_seq', prefix: string, today: string): Promise<string> {
  const [{ n }] = await queryRows<{ n: string }>(tx, sql`select nextval(${seq})::text as n`);
  return `${prefix}〔${today.slice(0, 4)}〕${n}号`;
}

/** Accounts of the district's staff (who hear of overdue deadlines and of holders the platform cannot reach). */
export async function districtStaffAccounts(tx: Tx, districtCode: string): Promise<string[]> {
  const rows = await tx.select({ id: accounts.id }).from(accounts)
    .where(and(eq(accounts.role, 'district_staff'), eq(accounts.districtCode, districtCode), isNull(accounts.disabledAt)));
  return rows.map((r) => r.id);
}

/** One notice to each of the accounts. */
export async function notifyAll(tx: Tx, accountIds: string[], n: Omit<EnqueueInput, 'accountId'>, now: Date): Promise<void> {
  await enqueueMany(tx, accountIds.map((accountId) => ({ ...n, accountId })), now);
}

/** Labels of event kinds in notices and views. */
export const KIND_LABEL: Record<string, string> = {
  inheritance: '继承', divorce_division: '离婚析产', lease: '出租', use_change: '改变房屋用途', extra_mortgage: '违规抵押或用于清偿债务',
  structure_alteration: '拆改房屋结构', legal_dispute: '法律纠纷',
};

/** The article each kind rests on. */
export const KIND_ARTICLE: Record<string, string> = {
  inheritance: '第二十二条', divorce_division: '第二十二条', lease: '第二十条、第二十五条', use_change: '第二十条、第二十五条',
  extra_mortgage: '第二十三条、第二十五条', structure_alteration: '第二十五条', legal_dispute: '第二十五条',
};
