/**
 * approvePrices / rejectPrices (济政发〔2025〕3号 第十二条): 市级项目由市住房城乡建设部门…出具审核意见后，
 * 报市政府确定；区县级项目按程序经区县政府审批后，报市政府审定.
 *
 * Interpretation: the platform records the housing departments' steps: for a city project the
 * city staff's approval is final; for a district project the district staff of that district
 * approve first (district_approved) and the city staff then confirm (approved). Only the
 * final approval prices the units.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { priceApprovals } from '../../db/schema.js';
import { queryRows, type Tx } from '../../db/client.js';
import { requireRole } from '../authz.js';
import type { Actor, CommandContext } from '../context.js';
import { forbidden } from '../errors.js';
import { parseReason } from '../applications/decide.js';
import { assertProjectAccess, type Project } from '../sale/access.js';
import { lockApproval, wrongStage, type PriceApproval, type ScheduleLine } from './store.js';

/** Which step the actor may take on the approval now: 'district' or 'city' review, or a refusal. */
function stepOf(actor: Actor, project: Project, a: PriceApproval): 'district' | 'city' {
  if (project.level === 'city') {
    if (actor.role !== 'city_staff') throw forbidden('市级项目的价格由市住房城乡建设部门审核（第十二条）。', 'Prices of a city project are approved by the city housing bureau (第十二条).');
    return 'city';
  }
  if (actor.role === 'district_staff') return 'district';
  // City staff on a district project: only after the district (第十二条: 经区县政府审批后，报市政府审定).
  if (a.status === 'submitted') throw wrongStage(a, '区县级项目须先经区县审批，再报市级审定（第十二条）。', 'a district project is approved by its district first, then confirmed by the city (第十二条).');
  return 'city';
}

/** The number printed on the final approval: 济保价审〔YYYY〕<project code>-<n>号, n counting the project's approvals. */
async function approvalNo(tx: Tx, project: Project, today: string): Promise<string> {
  // The project row is locked, so the count cannot move under us.
  const [{ n }] = await tx.select({ n: count() }).from(priceApprovals).where(and(eq(priceApprovals.projectId, project.id), eq(priceApprovals.status, 'approved')));
  return `济保价审〔${today.slice(0, 4)}〕${project.code}-${n + 1}号`;
}

/** Copies the schedule onto the units still draft or available; returns how many were priced. */
async function priceUnits(tx: Tx, a: PriceApproval): Promise<number> {
  const lines = a.schedule as ScheduleLine[];
  const priced = await queryRows<{ id: string }>(tx, sql`
    update units u set price_fen = v."priceFen", coefficient = v.coefficient, price_approval_id = ${a.id}, version = u.version + 1
    from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) as v("unitId" uuid, coefficient numeric, "priceFen" bigint)
    where u.id = v."unitId" and u.project_id = ${a.projectId} and u.status in ('draft', 'available')
    returning u.id`);
  return priced.length;
}

/** Approves at the actor's stage. A retried approval returns the approval unchanged. */
export async function approvePrices(ctx: CommandContext, input: { approvalId: string; note?: string }): Promise<PriceApproval> {
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  const now = ctx.clock.now();
  const note = input.note?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const { approval: a, project } = await lockApproval(tx, input.approvalId);
    assertProjectAccess(ctx.actor, project, 'staff');
    const step = stepOf(ctx.actor, project, a);
    if (a.status === 'approved') return a;
    if (step === 'district' && a.status === 'district_approved') return a;
    if (a.status === 'rejected') throw wrongStage(a, '已驳回的价格不能再批准，请项目实施主体重新报送。', 'a rejected schedule cannot be approved; the implementer submits a new one.');
    if (step === 'district') {
      const [row] = await tx.update(priceApprovals).set({ status: 'district_approved', districtApprovedBy: ctx.actor.accountId, districtApprovedAt: now })
        .where(eq(priceApprovals.id, a.id)).returning();
      await appendAudit(tx, { actor: ctx.actor, action: 'prices.district_approve', targetType: 'price_approval', targetId: a.id, at: now, detail: { projectId: project.id, scheduleSha256: a.scheduleSha256, note } });
      return row!;
    }
    const no = await approvalNo(tx, project, ctx.clock.today());
    const [row] = await tx.update(priceApprovals).set({ status: 'approved', cityApprovedBy: ctx.actor.accountId, cityApprovedAt: now, approvalNo: no })
      .where(eq(priceApprovals.id, a.id)).returning();
    const priced = await priceUnits(tx, row!);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'prices.approve', targetType: 'price_approval', targetId: a.id, at: now,
      detail: { projectId: project.id, approvalNo: no, scheduleSha256: a.scheduleSha256, units: (a.schedule as unknown[]).length, priced, note },
    });
    return row!;
  });
}

/** Rejects at the actor's stage, with a reason the implementer reads. A retried rejection returns it unchanged. */
export async function rejectPrices(ctx: CommandContext, input: { approvalId: string; reason: string }): Promise<PriceApproval> {
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  const reason = parseReason(input.reason);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { approval: a, project } = await lockApproval(tx, input.approvalId);
    assertProjectAccess(ctx.actor, project, 'staff');
    if (a.status === 'rejected') return a;
    const step = stepOf(ctx.actor, project, a);
    if (a.status === 'approved') throw wrongStage(a, '已审定的价格不能驳回，如需调整请报送新的价格。', 'an approved schedule cannot be rejected; submit a new one instead.');
    if (step === 'district' && a.status === 'district_approved') throw wrongStage(a, '已报市级审定，区县不能再驳回。', 'it awaits the city; the district can no longer reject it.');
    const [row] = await tx.update(priceApprovals).set({ status: 'rejected', rejectedBy: ctx.actor.accountId, rejectedReason: reason })
      .where(eq(priceApprovals.id, a.id)).returning();
    await appendAudit(tx, { actor: ctx.actor, action: 'prices.reject', targetType: 'price_approval', targetId: a.id, at: now, detail: { projectId: project.id, stage: a.status, reason } });
    return row!;
  });
}
