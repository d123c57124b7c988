/**
 * createPlan: the implementer drafts the sale plan (配售方案) of one round of its project
 * (济政发〔2025〕3号 第十条: 项目实施主体依据本办法拟定项目配售方案，报同级政府同意后…).
 */
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { salePlans } from '../../db/schema.js';
import { canonicalJson } from '../../documents/fingerprint.js';
import { param } from '../../params/load.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { requireRole } from '../authz.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { parseInput } from '../validate.js';
import { PlanInput } from './schema.js';
import type { SalePlan } from './store.js';

const DAY_MS = 86_400_000;

function content(p: PlanInput | SalePlan) {
  return canonicalJson({
    opens: new Date(p.registrationOpensAt).toISOString(), closes: new Date(p.registrationClosesAt).toISOString(), drawOn: p.drawOn,
    depositFen: p.depositFen, pools: p.pools, batchSize: p.batchSize, windowMinutes: p.windowMinutes,
    contractDeadlineDays: p.contractDeadlineDays, documents: p.documents ?? null,
  });
}

/** Checks across fields; the minimum registration window is params housing.plan.registration_window_min_days. */
function checkWindow(input: PlanInput, today: string): void {
  const opens = Date.parse(input.registrationOpensAt);
  const closes = Date.parse(input.registrationClosesAt);
  if (closes <= opens) throw invalid('registrationClosesAt', '登记截止时间须晚于登记开始时间。', 'Registration must close after it opens.');
  const min = param<number>('housing.plan.registration_window_min_days', today);
  if (closes - opens < min.value * DAY_MS) {
    throw invalid('registrationClosesAt', `认购登记期不得少于${min.value}天（${min.reference}）。`, `The registration window must be at least ${min.value} days (${min.reference}).`);
  }
  // The draw takes the frozen list, so it comes after the window: on the closing day at the earliest.
  if (Date.parse(`${input.drawOn}T23:59:59.999+08:00`) < closes) {
    throw invalid('drawOn', '摇号日期须在认购登记截止之后。', 'The draw must be on or after the day registration closes.');
  }
}

/**
 * Creates the plan of a round (status draft). A draft or rejected plan of the same round is
 * revised in place (the round is unique per project); a retry with the same content returns
 * the plan unchanged. A round follows a published previous round.
 */
export async function createPlan(ctx: CommandContext, raw: { projectId: string } & Record<string, unknown>): Promise<SalePlan> {
  requireRole(ctx.actor, ['implementer']);
  const input = parseInput(PlanInput, raw);
  const today = ctx.clock.today();
  checkWindow(input, today);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, raw.projectId, true);
    assertProjectAccess(ctx.actor, project, 'implementer');
    if (project.status === 'ended') throw new DomainError('INVALID_STATE', 409, '项目配售已结束，不能再拟定配售方案。', 'The sale has ended; no new plan can be drafted.');
    const plans = await tx.select().from(salePlans).where(eq(salePlans.projectId, project.id));
    if (input.round > 1 && !plans.some((p) => p.round === input.round - 1 && p.status === 'published')) {
      throw invalid('round', `第${input.round - 1}轮配售方案尚未发布，不能拟定第${input.round}轮。`, `Round ${input.round - 1} is not published yet.`, 'PLAN_ROUND_ORDER');
    }
    const values = {
      registrationOpensAt: new Date(input.registrationOpensAt), registrationClosesAt: new Date(input.registrationClosesAt), drawOn: input.drawOn,
      depositFen: input.depositFen, pools: input.pools, batchSize: input.batchSize, windowMinutes: input.windowMinutes,
      contractDeadlineDays: input.contractDeadlineDays, documents: input.documents ?? null,
    };
    const existing = plans.find((p) => p.round === input.round);
    if (existing) {
      if (content(existing) === content(input) && existing.status !== 'rejected') return existing;
      if (existing.status !== 'draft' && existing.status !== 'rejected') {
        throw new DomainError('PLAN_ROUND_TAKEN', 409, `第${input.round}轮配售方案已${existing.status === 'published' ? '发布' : '报审'}，不能修改。`,
          `The plan of round ${input.round} is ${existing.status} and can no longer be changed.`, 'round', { planId: existing.id, status: existing.status });
      }
      const [row] = await tx.update(salePlans).set({ ...values, status: 'draft', rejectedReason: null, submittedAt: null })
        .where(and(eq(salePlans.id, existing.id))).returning();
      await appendAudit(tx, { actor: ctx.actor, action: 'plan.revise', targetType: 'sale_plan', targetId: existing.id, at: now, detail: { projectId: project.id, round: input.round, from: existing.status } });
      return row!;
    }
    const [row] = await tx.insert(salePlans).values({ projectId: project.id, round: input.round, ...values, createdAt: now }).returning();
    await appendAudit(tx, { actor: ctx.actor, action: 'plan.create', targetType: 'sale_plan', targetId: row!.id, at: now, detail: { projectId: project.id, round: input.round, depositFen: input.depositFen, pools: input.pools } });
    return row!;
  });
}
