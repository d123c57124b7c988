/**
 * registerForProject (济政发〔2025〕3号 第十一条: 轮候家庭按项目认购登记并缴纳项目认购金，纳入该项目摇号排序库。
 * 申请家庭可同时申请参加2个及以上保障性住房项目认购). A family in the waiting list registers for a
 * project's published round while its window is open; it may hold registrations in several
 * projects at once. One registration per plan and application (registrations_plan_app_uq): a
 * retry, or two tabs at once, get the same registration back.
 *
 * Interpretation: a withdrawn registration stays withdrawn for that round (its number is in the
 * record and may have been paid and refunded); the family may register for other projects.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applications, registrations } from '../../db/schema.js';
import { waitlistStatus } from '../applications/confirm.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { loadProject } from '../sale/access.js';
import { listFrozen, nextRegNo, publishedPlan, windowOpen, type Registration } from './store.js';

/** Registers the signed-in family for the project; returns the registration (pending_payment, or registered when no 认购金 is due). */
export async function registerForProject(ctx: CommandContext, input: { projectId: string }): Promise<Registration> {
  requireRole(ctx.actor, ['applicant']);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, input.projectId);
    const app = await admittedApplication(tx, ctx);
    const plan = await publishedPlan(tx, project.id);
    if (!plan || (project.status !== 'selling')) {
      throw new DomainError('NOT_SELLING', 409, '该项目当前未开放认购登记。', 'The project is not open for registration.', 'projectId');
    }
    const [existing] = await tx.select().from(registrations).where(and(eq(registrations.planId, plan.id), eq(registrations.applicationId, app.id)));
    if (existing) {
      if (existing.status === 'withdrawn') {
        throw new DomainError('REGISTRATION_WITHDRAWN', 409, `您已撤回本项目本轮的认购登记（${existing.regNo}），不能再次登记。`,
          `You withdrew your registration ${existing.regNo} for this round and cannot register again.`, 'projectId');
      }
      return existing;
    }
    if (!windowOpen(plan, now) || (await listFrozen(tx, plan))) {
      throw new DomainError('WINDOW_CLOSED', 409, '不在该项目的认购登记期限内。', 'Registration for this project is not open now.', 'projectId',
        { opensAt: plan.registrationOpensAt.toISOString(), closesAt: plan.registrationClosesAt.toISOString() });
    }
    const free = plan.depositFen === 0;
    const [row] = await tx.insert(registrations).values({
      regNo: await nextRegNo(tx, ctx.clock.today()), projectId: project.id, planId: plan.id, applicationId: app.id, accountId: ctx.actor.accountId,
      status: free ? 'registered' : 'pending_payment', depositFen: plan.depositFen, registeredAt: now, paidAt: free ? now : null,
    }).onConflictDoNothing({ target: [registrations.planId, registrations.applicationId] }).returning();
    if (row) return row;
    // A concurrent request of the same family won the unique constraint: return its row.
    const [won] = await tx.select().from(registrations).where(and(eq(registrations.planId, plan.id), eq(registrations.applicationId, app.id)));
    return won!;
  });
}

/** The family's application in the waiting list (第八条: not lapsed), locked against a concurrent withdrawal. */
async function admittedApplication(tx: Tx, ctx: CommandContext) {
  const [app] = await tx.select().from(applications)
    .where(and(eq(applications.accountId, ctx.actor.accountId), eq(applications.status, 'admitted'))).limit(1).for('update');
  if (!app || waitlistStatus(app, ctx.clock.today()).value.status === 'lapsed') {
    throw new DomainError('NOT_IN_WAITLIST', 409, '您的家庭不在保障性住房轮候库中，不能认购登记（济政发〔2025〕3号 第十一条）。',
      'Your family is not in the waiting list and cannot register (第十一条).', 'applicationId');
  }
  return app;
}
