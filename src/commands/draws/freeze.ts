/**
 * freezeList: when the registration window of the round has closed, the families that paid
 * their 认购金 form the project's 摇号排序库 (济政发〔2025〕3号 第十一条). The list is frozen in
 * QLOT-1's canonical form (section 2), each family's pools are fixed (第六条 优先摇号), and a
 * fresh secret is drawn of which only the commitment is published (section 3), so that the
 * platform cannot steer the later draw.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../audit/index.js';
import { queryRows } from '../../db/client.js';
import { draws } from '../../db/schema.js';
import { canonicalList, listDigest } from '../../lottery/index.js';
import { param } from '../../params/load.js';
import type { Rounding } from '../../rules/core/money.js';
import { PoolPlanError, type PlanPool, eligibleLabels, poolQuotas } from '../../rules/housing/pool-quotas.js';
import { sql } from 'drizzle-orm';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { DRAW_META, type DrawMeta, type StoredPool, liveDraw, lockPublishedPlan, nextAttempt } from './load.js';
import { newSecret } from './secret.js';

/** What the freeze publishes (and what a retried freeze returns). */
export interface FrozenDraw {
  id: string;
  projectId: string;
  round: number;
  attempt: number;
  status: string;
  listDigest: string;
  commitment: string;
  entrantCount: number;
  pools: StoredPool[];
}

const frozenOf = (d: DrawMeta): FrozenDraw => ({
  id: d.id, projectId: d.projectId, round: d.round, attempt: d.attempt, status: d.status, listDigest: d.listDigest,
  commitment: d.commitment, entrantCount: d.entrantCount, pools: d.pools as StoredPool[],
});

/** Freeze the list of the project's current round; returns the round's live draw if there is one. */
export async function freezeList(ctx: CommandContext, input: { projectId: string }): Promise<FrozenDraw> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, input.projectId);
    assertProjectAccess(ctx.actor, project, 'staff');
    const plan = await lockPublishedPlan(tx, project.id);
    const existing = await liveDraw(tx, project.id, plan.round);
    if (existing) return frozenOf(existing);
    if (now < plan.registrationClosesAt) {
      throw new DomainError('REGISTRATION_OPEN', 409, `认购登记截止于 ${plan.registrationClosesAt.toISOString()}，截止后方可冻结摇号名单。`,
        `Registration closes at ${plan.registrationClosesAt.toISOString()}; the list can be frozen only after that.`, undefined, { closesAt: plan.registrationClosesAt.toISOString() });
    }

    // 第六条 pools: quotas of the homes offered in this round (units on offer at the freeze).
    const [{ offered }] = await queryRows<{ offered: number }>(tx, sql`select count(*)::int as offered from units where project_id = ${project.id} and status = 'available'`);
    const rounding = param<string>('housing.lottery.pool_quota_rounding', ctx.clock.today());
    let quotas;
    try {
      quotas = poolQuotas(plan.pools as PlanPool[], offered, rounding.value as Rounding);
    } catch (e) {
      if (e instanceof PoolPlanError) throw new DomainError('POOLS_INVALID', 422, e.message_zh, e.message_en, 'pools');
      throw e;
    }
    const prio = eligibleLabels(quotas.pools, true);
    const all = eligibleLabels(quotas.pools, false);

    // The entrants are the registrations that hold paid 认购金 (status registered). Their pools
    // are written and read back in one statement, so the list is exactly the rows it locked.
    const entrants = await queryRows<{ reg_no: string; pools: string[] }>(tx, sql`
      update registrations r set pools = case when jsonb_array_length(a.priority) > 0 then ${JSON.stringify(prio)}::jsonb else ${JSON.stringify(all)}::jsonb end,
             version = r.version + 1
      from applications a
      where a.id = r.application_id and r.plan_id = ${plan.id} and r.status = 'registered'
      returning r.reg_no, r.pools`);
    if (entrants.length === 0) {
      throw new DomainError('NO_ENTRANTS', 409, '本轮没有已缴纳认购金的登记家庭，摇号名单为空，不能冻结。',
        'No family has a paid registration in this round: the list would be empty, so it cannot be frozen.');
    }
    const pools = quotas.pools.map(({ label, quota }) => ({ label, quota }));
    const bytes = canonicalList(entrants.map((e) => ({ entrant_id: e.reg_no, pools: e.pools })), pools);
    const id = randomUUID();
    const { secretEnc, commitment } = newSecret(ctx.crypto, id);
    const attempt = await nextAttempt(tx, project.id, plan.round);
    const [row] = await tx.insert(draws).values({
      id, projectId: project.id, planId: plan.id, round: plan.round, attempt, status: 'frozen', pools: quotas.pools,
      entrantsTsv: bytes, entrantCount: entrants.length, listDigest: listDigest(bytes), commitment, secretEnc,
      frozenAt: now, frozenBy: ctx.actor.accountId,
    }).returning(DRAW_META);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'draw.freeze', targetType: 'draw', targetId: id, at: now,
      detail: { projectCode: project.code, round: plan.round, attempt, entrantCount: entrants.length, listDigest: row.listDigest, commitment, pools: quotas.pools, skipped: quotas.skipped, unitsOffered: offered, rounding: rounding.value },
    });
    return frozenOf(row);
  });
}
