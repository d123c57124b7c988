/**
 * publishPlan: the approved plan becomes the public sale notice (配售通告), numbered from
 * sale_notice_seq (济政发〔2025〕3号 第十条: 向社会发布项目配售通告并组织实施). The units are offered
 * from that day: each unit with an approved price (第十二条) becomes `available`.
 *
 * Interpretation (第十条 房源应全部公开配售): the notice is refused while any unit of the project
 * lacks an approved price, so a notice never leaves a unit out. After publication the catalogue
 * is closed (src/commands/projects/catalogue.ts).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { queryRows } from '../../db/client.js';
import { projects, salePlans, units } from '../../db/schema.js';
import type { Actor, CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { requireRole } from '../authz.js';
import { assertProjectAccess, type Project } from '../sale/access.js';
import { assertLevelStaff, loadPlan, planStage, type SalePlan } from './store.js';

/** The implementer of the project, or staff of its level, publishes. */
function assertPublisher(actor: Actor, project: Project): void {
  requireRole(actor, ['implementer', 'district_staff', 'city_staff']);
  if (actor.role === 'implementer') assertProjectAccess(actor, project, 'implementer');
  else assertLevelStaff(actor, project);
}

/** approved → published. A retry returns the published plan with its notice number. */
export async function publishPlan(ctx: CommandContext, input: { planId: string }): Promise<SalePlan & { offered: number }> {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const { plan, project } = await loadPlan(tx, input.planId, true);
    assertPublisher(ctx.actor, project);
    if (plan.status === 'published') return { ...plan, offered: 0 };
    if (plan.status !== 'approved') throw planStage(plan, '须经批准后才能发布配售通告（第十条）。', 'it must be approved before the sale notice is published (第十条).');
    if (project.status === 'ended') throw new DomainError('INVALID_STATE', 409, '项目配售已结束。', 'The sale has ended.');
    if (plan.registrationClosesAt.getTime() <= now.getTime()) {
      throw new DomainError('PLAN_WINDOW_PASSED', 409, '方案的认购登记截止时间已过，请修改方案后重新报审。', 'The registration window has already closed; revise the plan and submit it again.', 'registrationClosesAt');
    }
    const [{ total, unpriced }] = await queryRows<{ total: number; unpriced: number }>(tx, sql`
      select count(*)::int as total, count(*) filter (where ${units.status} = 'draft' and ${units.priceApprovalId} is null)::int as unpriced
      from ${units} where ${units.projectId} = ${project.id}`);
    if (total === 0) throw new DomainError('NO_UNITS', 409, '项目尚无房源，不能发布配售通告。', 'The project has no units to offer.');
    if (unpriced > 0) {
      throw new DomainError('UNITS_UNPRICED', 409, `还有${unpriced}套房源没有经审定的价格，不能发布配售通告（第十条、第十二条）。`,
        `${unpriced} unit(s) have no approved price; the notice cannot be published (第十条, 第十二条).`, undefined, { unpriced });
    }
    const [{ n }] = await queryRows<{ n: string }>(tx, sql`select nextval('sale_notice_seq')::text as n`);
    const noticeNo = `配售通告〔${today.slice(0, 4)}〕${n}号`;
    const offered = await tx.update(units).set({ status: 'available', offeredOn: today, version: sql`${units.version} + 1` })
      .where(and(eq(units.projectId, project.id), eq(units.status, 'draft'))).returning({ id: units.id });
    if (project.status === 'draft') {
      await tx.update(projects).set({ status: 'selling', updatedAt: now, version: project.version + 1 }).where(eq(projects.id, project.id));
    }
    const [row] = await tx.update(salePlans).set({ status: 'published', noticeNo, publishedAt: now })
      .where(and(eq(salePlans.id, plan.id), isNull(salePlans.noticeNo))).returning();
    await appendAudit(tx, { actor: ctx.actor, action: 'plan.publish', targetType: 'sale_plan', targetId: plan.id, at: now, detail: { projectId: project.id, round: plan.round, noticeNo, offered: offered.length } });
    return { ...row!, offered: offered.length };
  });
}
