/**
 * closeBatch and markCall: staff end a batch (families still waiting did not come: no-show) or
 * record one family's no-show or refusal (第十一条 "按程序组织…选房签约").
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { selectionBatches } from '../../db/schema.js';
import { appendAudit } from '../../audit/index.js';
import { enqueue, enqueueMany } from '../../notify/index.js';
import type { CommandContext } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { lockCall, settleCall } from './calls.js';
import { assertUuid, lockBatch, type BatchRow } from './store.js';

/** Closes `batch` (locked by the caller): waiting calls become no-shows, who are told. */
async function closeLocked(tx: Tx, batch: BatchRow, projectName: string, now: Date): Promise<number> {
  const gone = await queryRows<{ account_id: string }>(tx, sql`
    update selection_calls c set outcome = 'no_show', at = ${now}
      from registrations g
     where c.batch_id = ${batch.id} and c.outcome = 'waiting' and g.id = c.registration_id
    returning g.account_id`);
  await tx.update(selectionBatches).set({ status: 'closed', closedAt: now }).where(eq(selectionBatches.id, batch.id));
  for (let i = 0; i < gone.length; i += 2000) {
    await enqueueMany(tx, gone.slice(i, i + 2000).map((g) => ({
      accountId: g.account_id, template: 'selection_no_show' as const, params: { projectName, batchNo: batch.batchNo },
    })), now);
  }
  return gone.length;
}

/** Closes the draw's open batch, if any (the caller holds the draw's lock). */
export async function closeOpenBatch(tx: Tx, drawId: string, now: Date): Promise<{ batchNo: number; noShows: number } | undefined> {
  const [open] = await tx.select().from(selectionBatches)
    .where(and(eq(selectionBatches.drawId, drawId), eq(selectionBatches.status, 'open'))).for('update');
  if (!open) return undefined;
  const project = await loadProject(tx, open.projectId);
  const noShows = await closeLocked(tx, open, project.name, now);
  return { batchNo: open.batchNo, noShows };
}

/** Closes a batch; closing a closed batch returns it unchanged (`noShows: 0`). */
export async function closeBatch(ctx: CommandContext, input: { batchId: string }): Promise<BatchRow & { noShows: number }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const batch = await lockBatch(tx, input.batchId);
    const project = await loadProject(tx, batch.projectId);
    assertProjectAccess(ctx.actor, project, 'implementer_or_staff');
    if (batch.status === 'closed') return { ...batch, noShows: 0 };
    const noShows = await closeLocked(tx, batch, project.name, now);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'selection.batch.close', targetType: 'selection_batch', targetId: batch.id, at: now,
      detail: { projectId: project.id, batchNo: batch.batchNo, noShows },
    });
    return { ...batch, status: 'closed', closedAt: now, noShows };
  });
}

/** Input of markCall. */
export type MarkCallInput = { batchId: string; registrationId: string; outcome: 'no_show' | 'refused'; note?: string };

/**
 * Records a family's no-show or refusal in a batch. Marking the same outcome again changes
 * nothing; a refusal after choosing gives the unit back (see calls.ts).
 */
export async function markCall(ctx: CommandContext, input: MarkCallInput): Promise<{ batchId: string; registrationId: string; outcome: string; changed: boolean }> {
  if (input.outcome !== 'no_show' && input.outcome !== 'refused') throw invalid('outcome', '结果只能是未到场（no_show）或放弃（refused）。', 'outcome must be no_show or refused.');
  const note = input.note?.trim() || null;
  if (note && note.length > 500) throw invalid('note', '备注不能超过 500 字。', 'The note may be at most 500 characters.');
  assertUuid(input.batchId, '选房批次', 'selection batch');
  assertUuid(input.registrationId, '选房记录', 'call');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const call = await lockCall(tx, { batchId: input.batchId, registrationId: input.registrationId });
    if (!call) throw notFound('选房记录', 'call');
    const project = await loadProject(tx, call.project_id);
    assertProjectAccess(ctx.actor, project, 'implementer_or_staff');
    const changed = await settleCall(tx, call, input.outcome, note, now);
    if (changed) {
      const template = input.outcome === 'no_show' ? 'selection_no_show' as const : 'selection_refused' as const;
      await enqueue(tx, { accountId: call.account_id, template, params: { projectName: call.project_name, batchNo: call.batch_no, note: note ? `，说明：${note}` : '' } }, now);
      await appendAudit(tx, {
        actor: ctx.actor, action: 'selection.call.mark', targetType: 'registration', targetId: call.registration_id, at: now,
        detail: { projectId: project.id, batchId: call.batch_id, batchNo: call.batch_no, rank: call.rank, from: call.outcome, to: input.outcome, note },
      });
    }
    return { batchId: call.batch_id, registrationId: call.registration_id, outcome: input.outcome, changed };
  });
}
