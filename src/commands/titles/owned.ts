/**
 * The post-sale console's list (第十八、十九、二十一条): units with a current title in the reader's
 * scope — district staff the district-level projects of their district, city staff and the auditor
 * all, the implementer its own projects — with the holder masked, the certificate, the first day
 * an exit may be applied for (第二十四条, rule housing.exit-eligibility), the maintenance-fund
 * balance, open cases and the open exit application.
 */
import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { applications, buildings, projects, titles, units } from '../../db/schema.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { notFound } from '../errors.js';
import { isUuid } from './access.js';
import { earliestExitOn } from './dossier.js';

/** One owned unit of the list. */
export type OwnedUnit = {
  unitId: string; unitLabel: string; projectId: string; projectCode: string; projectName: string; building: string; number: string;
  titleId: string; certificateNo: string; holderKind: string; holderMaskedName: string | null; holderRegCode: string | null;
  issuedOn: string; earliestExitOn: string | null; fundBalanceFen: number | null; openCases: number;
  openExit: { id: string; exitNo: string; status: string; route: string } | null;
};

const LIMIT = 500;

/** The owned units the actor may see, filtered by project and a search text. */
export async function listOwnedUnits(ctx: CommandContext, input: { projectId?: string; q?: string } = {}): Promise<OwnedUnit[]> {
  const a = ctx.actor;
  requireRole(a, ['implementer', 'district_staff', 'city_staff', 'auditor']);
  if (input.projectId && !isUuid(input.projectId)) throw notFound('项目', 'project');
  const where: SQL[] = [isNull(titles.supersededOn)];
  if (a.role === 'implementer') where.push(eq(projects.implementerAccountId, a.accountId));
  if (a.role === 'district_staff') where.push(eq(projects.districtCode, a.districtCode ?? ''), eq(projects.level, 'district'));
  if (input.projectId) where.push(eq(projects.id, input.projectId));
  const q = input.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(titles.certificateNo, like), ilike(projects.name, like), ilike(projects.code, like), ilike(units.number, like),
      ilike(titles.holderMaskedName, like), ilike(applications.regCode, like))!);
  }
  const rows = await ctx.db.select({
    t: titles, projectId: projects.id, projectCode: projects.code, projectName: projects.name, building: buildings.name, number: units.number,
    regCode: applications.regCode,
    fund: sql<string | null>`(select sum(case when e.kind = 'deposit' then e.amount_fen else -e.amount_fen end)
      from maintenance_fund_accounts m left join maintenance_fund_entries e on e.account_id = m.id where m.unit_id = ${units.id})`,
    hasFund: sql<boolean>`exists (select 1 from maintenance_fund_accounts m where m.unit_id = ${units.id})`,
    openCases: sql<number>`(select count(*)::int from unit_cases c where c.unit_id = ${units.id} and c.status = 'open')`,
    openExit: sql<string | null>`(select x.id::text || '|' || x.exit_no || '|' || x.status || '|' || x.route from exit_applications x
      where x.unit_id = ${units.id} and x.status in ('submitted', 'accepted', 'contracted', 'offered', 'matched') limit 1)`,
  }).from(titles)
    .innerJoin(units, eq(units.id, titles.unitId)).innerJoin(projects, eq(projects.id, units.projectId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId)).leftJoin(applications, eq(applications.id, titles.holderApplicationId))
    .where(and(...where)).orderBy(asc(projects.code), asc(buildings.name), asc(units.floor), asc(units.number)).limit(LIMIT);
  const today = ctx.clock.today();
  return rows.map((r) => {
    const x = r.openExit?.split('|');
    return {
      unitId: r.t.unitId, unitLabel: `${r.building}${r.number}室`, projectId: r.projectId, projectCode: r.projectCode, projectName: r.projectName,
      building: r.building, number: r.number, titleId: r.t.id, certificateNo: r.t.certificateNo, holderKind: r.t.holderKind,
      holderMaskedName: r.t.holderMaskedName, holderRegCode: r.regCode, issuedOn: r.t.issuedOn, earliestExitOn: earliestExitOn(r.t, today),
      fundBalanceFen: r.hasFund ? Number(r.fund ?? 0) : null, openCases: Number(r.openCases),
      openExit: x ? { id: x[0]!, exitNo: x[1]!, status: x[2]!, route: x[3]! } : null,
    };
  });
}
