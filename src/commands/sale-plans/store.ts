/** Storage and authorization helpers of the sale plans. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { salePlans } from '../../db/schema.js';
import type { Actor } from '../context.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { assertProjectAccess, loadProject, type Project } from '../sale/access.js';

export type SalePlan = typeof salePlans.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The plan and its project; with `lock`, both FOR UPDATE, the project first (as every catalogue command). */
export async function loadPlan(tx: Tx, planId: string, lock = false): Promise<{ plan: SalePlan; project: Project }> {
  if (!UUID.test(planId)) throw notFound('配售方案', 'sale plan');
  const [peek] = await tx.select().from(salePlans).where(eq(salePlans.id, planId));
  if (!peek) throw notFound('配售方案', 'sale plan');
  const project = await loadProject(tx, peek.projectId, lock);
  if (!lock) return { plan: peek, project };
  const [plan] = await tx.select().from(salePlans).where(eq(salePlans.id, planId)).for('update');
  return { plan: plan!, project };
}

/**
 * 第十条 (报同级政府同意): a city project's plan is approved by city staff, a district project's
 * by the staff of that district. The platform records the housing department's approval.
 */
export function assertLevelStaff(actor: Actor, project: Project): void {
  assertProjectAccess(actor, project, 'staff');
  const want = project.level === 'city' ? 'city_staff' : 'district_staff';
  if (actor.role !== want) {
    throw project.level === 'city'
      ? forbidden('市级项目的配售方案由市住房城乡建设部门审核（第十条：报同级政府同意）。', 'A city project\'s plan is approved by the city (第十条).')
      : forbidden('区县级项目的配售方案由项目所在区县住房城乡建设部门审核（第十条：报同级政府同意）。', 'A district project\'s plan is approved by its district (第十条).');
  }
}

const STATUS_ZH: Record<string, string> = { draft: '草稿', submitted: '待审核', approved: '已批准', published: '已发布', rejected: '已驳回' };

/** 409: the plan is not at a stage where the step applies. */
export const planStage = (p: SalePlan, zh: string, en: string) =>
  new DomainError('INVALID_STATE', 409, `配售方案当前为“${STATUS_ZH[p.status] ?? p.status}”，${zh}`, `The sale plan is ${p.status}; ${en}`, undefined, { status: p.status });
