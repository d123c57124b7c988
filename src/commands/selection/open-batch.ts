/**
 * openNextBatch: call the next families in rank order to choose a unit (选房批次). 济政发〔2025〕3号
 * 第十一条: families in a project's lottery list are called to select and sign "按程序"; 第四条:
 * selection is by public lottery order.
 *
 * Interpretations:
 * - One batch is open per draw at a time (`selection_batches_one_open_uq`); opening the next one
 *   closes the open one and its families who have not chosen are recorded as no-shows.
 * - The next batch looks at the ranks after the last batch's `to_rank` and calls the first
 *   `plan.batch_size` families still able to buy: registration `registered` (a family that signed
 *   elsewhere has its registration `closed`, 第十一条) and no live selection anywhere in the city
 *   (a family holds one unit, 第五条). Ranks skipped are not called later: `from_rank..to_rank`
 *   covers them, so the board shows why.
 * - A family that was called and did not choose is not called again in this round.
 */
import { and, eq, max, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { selectionBatches, selectionCalls } from '../../db/schema.js';
import { appendAudit } from '../../audit/index.js';
import { enqueueMany } from '../../notify/index.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { closeOpenBatch } from './close-batch.js';
import { availableUnits, lockDraw, planOf, shanghaiMinute, type BatchRow } from './store.js';

/** What openNextBatch returns. */
export type OpenedBatch = BatchRow & { called: number; closedBatchNo: number | null };

type Candidate = { registration_id: string; account_id: string; rank: number };

/** The next callable families after `afterRank`, in rank order. */
async function nextCandidates(tx: Tx, drawId: string, planId: string, afterRank: number, limit: number): Promise<Candidate[]> {
  return queryRows<Candidate>(tx, sql`
    select g.id as registration_id, g.account_id, r.rank
      from draw_ranks r
      join registrations g on g.reg_no = r.entrant_id and g.plan_id = ${planId}
     where r.draw_id = ${drawId} and r.rank > ${afterRank} and g.status = 'registered'
       and not exists (select 1 from selections s where s.application_id = g.application_id and s.status in ('locked', 'signed'))
     order by r.rank
     limit ${limit}`);
}

/**
 * Opens the next batch of the draw. `batchNo`, when given, makes a retry safe: if that batch
 * already exists it is returned unchanged; if another number is due, 409.
 */
export async function openNextBatch(ctx: CommandContext, input: { drawId: string; batchNo?: number }): Promise<OpenedBatch> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const draw = await lockDraw(tx, input.drawId);
    const project = await loadProject(tx, draw.projectId);
    assertProjectAccess(ctx.actor, project, 'implementer_or_staff');
    const [last] = await tx.select({ no: max(selectionBatches.batchNo), to: max(selectionBatches.toRank) })
      .from(selectionBatches).where(eq(selectionBatches.drawId, draw.id));
    const lastNo = last?.no ?? 0;
    if (input.batchNo !== undefined && input.batchNo <= lastNo) {
      const [b] = await tx.select().from(selectionBatches).where(and(eq(selectionBatches.drawId, draw.id), eq(selectionBatches.batchNo, input.batchNo)));
      const [{ n }] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from selection_calls where batch_id = ${b!.id}`);
      return { ...b!, called: Number(n), closedBatchNo: null };
    }
    if (input.batchNo !== undefined && input.batchNo !== lastNo + 1) {
      throw new DomainError('BATCH_NO_MISMATCH', 409, `下一批应为第${lastNo + 1}批。`, `The next batch is number ${lastNo + 1}.`, 'batchNo', { next: lastNo + 1 });
    }
    if (draw.status !== 'drawn') {
      throw new DomainError('DRAW_NOT_DRAWN', 409, '摇号尚未完成（或已作废），不能开始选房。', 'The draw has not been made (or is void); selection cannot start.', 'drawId', { status: draw.status });
    }
    if (project.status !== 'selling') {
      throw new DomainError('PROJECT_NOT_SELLING', 409, `项目当前状态（${project.status}）下不能组织轮次选房。`, `The project is ${project.status}; batches cannot be opened.`, undefined, { status: project.status });
    }
    const closed = await closeOpenBatch(tx, draw.id, now);
    const left = await availableUnits(tx, project.id);
    if (left === 0) {
      throw new DomainError('NO_UNITS_LEFT', 409, '该项目已无可选房源，不能再开启选房批次。', 'No unit of the project is left to choose; no batch can be opened.');
    }
    const plan = await planOf(tx, draw.planId);
    const called = await nextCandidates(tx, draw.id, plan.id, last?.to ?? 0, plan.batchSize);
    if (!called.length) {
      throw new DomainError('NO_ENTRANTS_LEFT', 409, '摇号排序库中已无待选房的家庭。', 'No family in the lottery list is left to call.');
    }
    const closesAt = new Date(now.getTime() + plan.windowMinutes * 60_000);
    const [batch] = await tx.insert(selectionBatches).values({
      drawId: draw.id, projectId: project.id, batchNo: lastNo + 1, fromRank: (last?.to ?? 0) + 1, toRank: called[called.length - 1]!.rank,
      opensAt: now, closesAt, status: 'open',
    }).returning();
    for (let i = 0; i < called.length; i += 5000) {
      await tx.insert(selectionCalls).values(called.slice(i, i + 5000).map((c) => ({ batchId: batch!.id, registrationId: c.registration_id, rank: c.rank })));
    }
    const when = shanghaiMinute(closesAt);
    for (let i = 0; i < called.length; i += 2000) {
      await enqueueMany(tx, called.slice(i, i + 2000).map((c) => ({
        accountId: c.account_id, template: 'selection_called' as const,
        params: { projectName: project.name, projectId: project.id, rank: c.rank, batchNo: batch!.batchNo, closesAt: when },
      })), now);
    }
    await appendAudit(tx, {
      actor: ctx.actor, action: 'selection.batch.open', targetType: 'selection_batch', targetId: batch!.id, at: now,
      detail: { projectId: project.id, drawId: draw.id, batchNo: batch!.batchNo, fromRank: batch!.fromRank, toRank: batch!.toRank, called: called.length, closedBatchNo: closed?.batchNo ?? null, noShows: closed?.noShows ?? 0 },
    });
    return { ...batch!, called: called.length, closedBatchNo: closed?.batchNo ?? null };
  });
}
