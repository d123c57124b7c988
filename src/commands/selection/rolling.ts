/**
 * The rolling sale (常态化配售), 济政发〔2025〕3号 第十六条: "项目配售后，剩余房源可向轮候家庭常态化配售".
 *
 * Interpretations:
 * - It starts after the rounds: the project's current draw has been made, no batch is open and
 *   no ranked family is left to call (a unit released later goes first to the rolling sale,
 *   since every ranked family has had its turn).
 * - Any family on the waiting list (application `admitted`) may take an available unit, first
 *   come first served, without registration or lottery ("向轮候家庭"); one unit per family
 *   city-wide still holds (第五条, `selections_app_live_uq`). A family still registered for the
 *   project keeps that registration on the selection, so its 认购金 counts towards the price.
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { projects } from '../../db/schema.js';
import { appendAudit } from '../../audit/index.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertProjectAccess, loadProject, type Project } from '../sale/access.js';
import { claimUnit, existingChoice, unitInfo, withUnit, type Chosen } from './claim.js';
import { assertUuid, currentDrawOf, mappingLiveIndexes, openBatchOf, uncalledEntrants } from './store.js';

/** Moves the project to `rolling`. Starting an already rolling sale returns the project. */
export async function startRollingSale(ctx: CommandContext, input: { projectId: string }): Promise<Project> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, input.projectId, true);
    assertProjectAccess(ctx.actor, project, 'implementer_or_staff');
    if (project.status === 'rolling') return project;
    if (project.status !== 'selling') {
      throw new DomainError('PROJECT_NOT_SELLING', 409, `项目当前状态（${project.status}）下不能开始常态化配售。`, `The project is ${project.status}; the rolling sale cannot start.`, undefined, { status: project.status });
    }
    const draw = await currentDrawOf(tx, project.id);
    if (!draw || draw.status !== 'drawn') {
      throw new DomainError('ROUNDS_NOT_DONE', 409, '项目尚未完成摇号选房，不能开始常态化配售（第十六条：项目配售后）。', 'The lottery round has not taken place; the rolling sale comes after it (第十六条).');
    }
    if (await openBatchOf(tx, draw.id)) {
      throw new DomainError('BATCH_OPEN', 409, '仍有选房批次在进行中，请先结束该批次。', 'A selection batch is still open; close it first.');
    }
    const left = await uncalledEntrants(tx, draw.id, draw.planId);
    if (left > 0) {
      throw new DomainError('ENTRANTS_REMAIN', 409, `摇号排序库中还有 ${left} 户家庭未被叫号选房，请先组织后续批次。`, `${left} ranked families have not been called yet; open the next batches first.`, undefined, { uncalled: left });
    }
    const [row] = await tx.update(projects).set({ status: 'rolling', updatedAt: now, version: sql`${projects.version} + 1` })
      .where(eq(projects.id, project.id)).returning();
    await appendAudit(tx, { actor: ctx.actor, action: 'selection.rolling.start', targetType: 'project', targetId: project.id, at: now, detail: { code: project.code, drawId: draw.id } });
    return row!;
  });
}

/** A waiting-list family takes an available unit of a project in its rolling sale. A retry returns the same selection. */
export async function rollingSelect(ctx: CommandContext, input: { unitId: string }): Promise<Chosen> {
  requireRole(ctx.actor, ['applicant']);
  assertUuid(input.unitId, '房源', 'unit');
  const now = ctx.clock.now();
  return mappingLiveIndexes(() => ctx.db.transaction(async (tx) => {
    const unit = await unitInfo(tx, input.unitId);
    const [app] = await queryRows<{ id: string }>(tx, sql`
      select id from applications where account_id = ${ctx.actor.accountId} and status = 'admitted' order by admitted_on limit 1`);
    if (!app) {
      throw new DomainError('NOT_ON_WAITING_LIST', 409, '只有轮候库中的家庭可以参加常态化配售（第十六条）。', 'Only families on the waiting list may buy in the rolling sale (第十六条).');
    }
    const again = await existingChoice(tx, app.id, unit.id);
    if (again) return withUnit(again, unit);
    if (unit.project_status !== 'rolling') {
      throw new DomainError('NOT_ROLLING', 409, '该项目目前不在常态化配售阶段。', 'This project is not in its rolling sale.', 'unitId', { status: unit.project_status });
    }
    // A family still registered for this project (its turn passed unused) buys with that registration,
    // so its 认购金 is credited against the price at signing (第十一条) rather than refunded.
    const [reg] = await queryRows<{ id: string }>(tx, sql`
      select id from registrations where application_id = ${app.id} and project_id = ${unit.project_id} and status = 'registered' limit 1`);
    return claimUnit(tx, unit, { applicationId: app.id, accountId: ctx.actor.accountId, registrationId: reg?.id ?? null, batchId: null, kind: 'rolling', now });
  }));
}
