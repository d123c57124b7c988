/**
 * Reading projects: the list in the reader's scope and one project in detail. The implementer
 * sees its own projects, district staff those in their district, city staff and the auditor all
 * (第三条). A read by staff or the auditor is not audited: a project holds no personal data.
 */
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { buildings, draws, priceApprovals, projects, salePlans, units } from '../../db/schema.js';
import { districtName } from '../../db/reference/districts.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { assertProjectAccess, loadProject, type Project } from '../sale/access.js';

/** Units of a project (or building) counted by status: {draft, available, reserved, sold, converted, total}. */
export type UnitCounts = Record<'draft' | 'available' | 'reserved' | 'sold' | 'converted' | 'total', number>;

const zero = (): UnitCounts => ({ draft: 0, available: 0, reserved: 0, sold: 0, converted: 0, total: 0 });

/** A project with its district's name and unit counts. */
export type ProjectSummary = Project & { districtName: string; counts: UnitCounts };

/** Projects in the reader's scope, newest first. */
export async function listProjects(ctx: CommandContext): Promise<ProjectSummary[]> {
  requireRole(ctx.actor, ['implementer', 'district_staff', 'city_staff', 'auditor']);
  const where: SQL | undefined = ctx.actor.role === 'implementer' ? eq(projects.implementerAccountId, ctx.actor.accountId)
    : ctx.actor.role === 'district_staff' ? eq(projects.districtCode, ctx.actor.districtCode ?? '') : undefined;
  const rows = await ctx.db.select().from(projects).where(where).orderBy(desc(projects.createdAt), asc(projects.code));
  const tallies = await ctx.db.select({ projectId: units.projectId, status: units.status, n: count() }).from(units)
    .innerJoin(projects, eq(projects.id, units.projectId)).where(where).groupBy(units.projectId, units.status);
  const counts = new Map<string, UnitCounts>();
  for (const t of tallies) {
    const c = counts.get(t.projectId) ?? zero();
    c[t.status as keyof UnitCounts] = t.n;
    c.total += t.n;
    counts.set(t.projectId, c);
  }
  return rows.map((p) => ({ ...p, districtName: districtName(p.districtCode) ?? p.districtCode, counts: counts.get(p.id) ?? zero() }));
}

/** One project: buildings with unit counts, price approvals (without their schedules), plans and draws. */
export async function getProject(ctx: CommandContext, input: { projectId: string }) {
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, input.projectId);
    assertProjectAccess(ctx.actor, project, 'read');
    const bs = await tx.select().from(buildings).where(eq(buildings.projectId, project.id));
    const tallies = await tx.select({ buildingId: units.buildingId, status: units.status, n: count() }).from(units)
      .where(eq(units.projectId, project.id)).groupBy(units.buildingId, units.status);
    const total = zero();
    const perBuilding = new Map<string, UnitCounts>();
    for (const t of tallies) {
      const c = perBuilding.get(t.buildingId) ?? zero();
      c[t.status as keyof UnitCounts] = t.n;
      c.total += t.n;
      total[t.status as keyof UnitCounts] += t.n;
      total.total += t.n;
      perBuilding.set(t.buildingId, c);
    }
    const natural = new Intl.Collator('zh-CN', { numeric: true });
    const approvals = await tx.select({
      id: priceApprovals.id, status: priceApprovals.status, basePricePerM2Fen: priceApprovals.basePricePerM2Fen,
      floatRange: priceApprovals.floatRange, scheduleSha256: priceApprovals.scheduleSha256, submittedAt: priceApprovals.submittedAt,
      districtApprovedAt: priceApprovals.districtApprovedAt, cityApprovedAt: priceApprovals.cityApprovedAt,
      rejectedReason: priceApprovals.rejectedReason, approvalNo: priceApprovals.approvalNo,
    }).from(priceApprovals).where(eq(priceApprovals.projectId, project.id)).orderBy(desc(priceApprovals.submittedAt));
    const plans = await tx.select().from(salePlans).where(eq(salePlans.projectId, project.id)).orderBy(asc(salePlans.round));
    const drawRows = await tx.select({
      id: draws.id, round: draws.round, attempt: draws.attempt, status: draws.status, entrantCount: draws.entrantCount,
      frozenAt: draws.frozenAt, drawnAt: draws.drawnAt, voidReason: draws.voidReason,
    }).from(draws).where(and(eq(draws.projectId, project.id))).orderBy(asc(draws.round), asc(draws.attempt));
    return {
      project: { ...project, districtName: districtName(project.districtCode) ?? project.districtCode },
      buildings: bs.sort((a, b) => natural.compare(a.name, b.name)).map((b) => ({ ...b, counts: perBuilding.get(b.id) ?? zero() })),
      counts: total,
      priceApprovals: approvals,
      plans,
      draws: drawRows,
    };
  });
}

/** What getProject returns. */
export type ProjectDetail = Awaited<ReturnType<typeof getProject>>;
