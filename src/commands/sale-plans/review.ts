/**
 * The plan's way to approval (济政发〔2025〕3号 第十条: 拟定项目配售方案，报同级政府同意): the
 * implementer submits; staff of the project's level approve or reject with a reason.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { salePlans } from '../../db/schema.js';
import { parseReason } from '../applications/decide.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { assertProjectAccess } from '../sale/access.js';
import { assertLevelStaff, loadPlan, planStage, type SalePlan } from './store.js';

/** draft → submitted. A retry returns the submitted plan. */
export async function submitPlan(ctx: CommandContext, input: { planId: string }): Promise<SalePlan> {
  requireRole(ctx.actor, ['implementer']);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { plan, project } = await loadPlan(tx, input.planId, true);
    assertProjectAccess(ctx.actor, project, 'implementer');
    if (plan.status === 'submitted') return plan;
    if (plan.status !== 'draft') throw planStage(plan, '只有草稿可以报审。', 'only a draft can be submitted.');
    const [row] = await tx.update(salePlans).set({ status: 'submitted', submittedAt: now }).where(eq(salePlans.id, plan.id)).returning();
    await appendAudit(tx, { actor: ctx.actor, action: 'plan.submit', targetType: 'sale_plan', targetId: plan.id, at: now, detail: { projectId: project.id, round: plan.round } });
    return row!;
  });
}

/** submitted → approved, by staff of the project's level. A retry returns the plan. */
export async function approvePlan(ctx: CommandContext, input: { planId: string; note?: string }): Promise<SalePlan> {
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { plan, project } = await loadPlan(tx, input.planId, true);
    assertLevelStaff(ctx.actor, project);
    if (plan.status === 'approved' || plan.status === 'published') return plan;
    if (plan.status !== 'submitted') throw planStage(plan, '只有已报审的方案可以批准。', 'only a submitted plan can be approved.');
    const [row] = await tx.update(salePlans).set({ status: 'approved', approvedBy: ctx.actor.accountId, approvedAt: now }).where(eq(salePlans.id, plan.id)).returning();
    await appendAudit(tx, { actor: ctx.actor, action: 'plan.approve', targetType: 'sale_plan', targetId: plan.id, at: now, detail: { projectId: project.id, round: plan.round, note: input.note?.trim() || null } });
    return row!;
  });
}

/** submitted or approved (not yet published) → rejected with a reason; the implementer may revise it with createPlan. */
export async function rejectPlan(ctx: CommandContext, input: { planId: string; reason: string }): Promise<SalePlan> {
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  const reason = parseReason(input.reason);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { plan, project } = await loadPlan(tx, input.planId, true);
    assertLevelStaff(ctx.actor, project);
    if (plan.status === 'rejected') return plan;
    if (plan.status !== 'submitted' && plan.status !== 'approved') throw planStage(plan, '只有已报审或已批准而未发布的方案可以驳回。', 'only a submitted or approved, unpublished plan can be rejected.');
    const [row] = await tx.update(salePlans).set({ status: 'rejected', rejectedReason: reason }).where(eq(salePlans.id, plan.id)).returning();
    await appendAudit(tx, { actor: ctx.actor, action: 'plan.reject', targetType: 'sale_plan', targetId: plan.id, at: now, detail: { projectId: project.id, round: plan.round, from: plan.status, reason } });
    return row!;
  });
}
