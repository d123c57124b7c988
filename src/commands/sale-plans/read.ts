/**
 * Reading plans: the current published plan of a project (other modules build on it), one plan,
 * and what its sale notice (配售通告) prints.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { accounts, priceApprovals, salePlans, units } from '../../db/schema.js';
import { districtName } from '../../db/reference/districts.js';
import type { SaleNoticeData, SaleNoticePool } from '../../documents/sale-notice.js';
import { todayInShanghai } from '../../rules/core/dates.js';
import { ISSUER } from '../applications/notice-data.js';
import type { CommandContext } from '../context.js';
import { assertProjectAccess, type Project } from '../sale/access.js';
import { loadPlan, type SalePlan } from './store.js';

/** The project's published plan of the highest round, or null before any notice. */
export async function currentPlan(tx: Tx | Db, projectId: string): Promise<SalePlan | null> {
  const [p] = await tx.select().from(salePlans).where(and(eq(salePlans.projectId, projectId), eq(salePlans.status, 'published')))
    .orderBy(desc(salePlans.round)).limit(1);
  return p ?? null;
}

/** A published plan is public (its notice is); an unpublished one is read by the project's readers. */
export async function getPlan(ctx: CommandContext, input: { planId: string }): Promise<{ plan: SalePlan; project: Project }> {
  return ctx.db.transaction(async (tx) => {
    const found = await loadPlan(tx, input.planId);
    if (found.plan.status !== 'published') assertProjectAccess(ctx.actor, found.project, 'read');
    return found;
  });
}

/** The issuing department: the city bureau for a city project, the district's bureau for a district one (第十条). */
export function issuerOf(project: Project): string {
  if (project.level === 'city') return ISSUER;
  return `${districtName(project.districtCode) ?? project.districtCode}住房和城乡建设局`;
}

/** Everything the 配售通告 prints; a plan not yet published prints as a draft (草案). */
export async function saleNoticeData(ctx: CommandContext, input: { planId: string }): Promise<SaleNoticeData> {
  return ctx.db.transaction(async (tx) => {
    const { plan, project } = await loadPlan(tx, input.planId);
    if (plan.status !== 'published') assertProjectAccess(ctx.actor, project, 'read');
    const [impl] = await tx.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, project.implementerAccountId));
    const [stats] = await queryRows<{ count: number; min_area: string | null; max_area: string | null; min_price: string | null; max_price: string | null }>(tx, sql`
      select count(*)::int as count, min(${units.area})::text as min_area, max(${units.area})::text as max_area,
             min(${units.priceFen})::text as min_price, max(${units.priceFen})::text as max_price
      from ${units} where ${units.projectId} = ${project.id} and ${units.status} <> 'converted'`);
    const [approval] = await tx.select().from(priceApprovals).where(and(eq(priceApprovals.projectId, project.id), eq(priceApprovals.status, 'approved')))
      .orderBy(desc(priceApprovals.cityApprovedAt)).limit(1);
    return {
      noticeNo: plan.noticeNo, draft: plan.status !== 'published',
      issuedOn: plan.publishedAt ? todayInShanghai(plan.publishedAt) : ctx.clock.today(),
      issuer: issuerOf(project),
      project: {
        code: project.code, name: project.name, address: project.address, districtName: districtName(project.districtCode) ?? project.districtCode,
        level: project.level as 'city' | 'district', saleMode: project.saleMode as 'presale' | 'completed', deliveryOn: project.deliveryOn, propertyService: project.propertyService,
        implementer: impl?.name ?? '',
      },
      round: plan.round, registrationOpensAt: plan.registrationOpensAt.toISOString(), registrationClosesAt: plan.registrationClosesAt.toISOString(),
      drawOn: plan.drawOn, depositFen: plan.depositFen, pools: plan.pools as SaleNoticePool[], batchSize: plan.batchSize,
      windowMinutes: plan.windowMinutes, contractDeadlineDays: plan.contractDeadlineDays, documents: plan.documents,
      units: {
        count: stats?.count ?? 0, minArea: stats?.min_area ?? null, maxArea: stats?.max_area ?? null,
        minPriceFen: stats?.min_price == null ? null : Number(stats.min_price), maxPriceFen: stats?.max_price == null ? null : Number(stats.max_price),
      },
      price: approval ? { basePricePerM2Fen: approval.basePricePerM2Fen, floatRange: approval.floatRange, approvalNo: approval.approvalNo } : null,
    };
  });
}
