/**
 * voidDraw: a draw found defective (a wrong list, a beacon entered wrongly, an interrupted
 * ceremony) is voided with a reason that is published beside it (济政发〔2025〕3号 第七条 公开摇号顺序，
 * 接受社会监督). Nothing is deleted: the voided draw, its list, commitment and, if it was drawn, its
 * ranks and bundle stay public. Afterwards freezeList makes attempt + 1 of the same round over the
 * same registrations with a new secret and commitment.
 *
 * Interpretation: once families have been called to choose homes (a selection batch exists) the
 * draw can no longer be voided here; undoing selections is a matter for issue 4 (rescission).
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import { queryRows } from '../../db/client.js';
import { draws } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { parseInput } from '../validate.js';
import { loadDraw } from './load.js';
import { enqueueVoidNotices } from './notices.js';

const Reason = z.string({ error: '请填写作废原因（将公开） / a reason is required (it is published)' }).trim()
  .min(4, { error: '作废原因至少 4 个字（将公开） / the reason must be at least 4 characters (it is published)' })
  .max(500, { error: '作废原因最多 500 个字 / the reason must be at most 500 characters' });

/** Voids a frozen or drawn draw; voiding a void draw returns it unchanged. */
export async function voidDraw(ctx: CommandContext, input: { drawId: string; reason: string }): Promise<{ id: string; status: 'void'; voidReason: string; attempt: number }> {
  const reason = parseInput(Reason, input.reason, 'reason');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const d = await loadDraw(tx, input.drawId, true);
    const project = await loadProject(tx, d.projectId);
    assertProjectAccess(ctx.actor, project, 'staff');
    if (d.status === 'void') return { id: d.id, status: 'void', voidReason: d.voidReason!, attempt: d.attempt };
    const [{ batches }] = await queryRows<{ batches: number }>(tx, sql`select count(*)::int as batches from selection_batches where draw_id = ${d.id}`);
    if (batches > 0) {
      throw new DomainError('SELECTION_STARTED', 409, '选房已按该摇号结果开始，不能再作废该摇号。', 'Families have been called to choose homes in this draw\'s order; it can no longer be voided.');
    }
    await tx.update(draws).set({ status: 'void', voidReason: reason, voidedAt: now, voidedBy: ctx.actor.accountId }).where(eq(draws.id, d.id));
    if (d.status === 'drawn') {
      await enqueueVoidNotices(tx, { drawId: d.id, projectName: project.name, round: d.round, attempt: d.attempt, reason, entrantCount: d.entrantCount }, now);
    }
    await appendAudit(tx, {
      actor: ctx.actor, action: 'draw.void', targetType: 'draw', targetId: d.id, at: now,
      detail: { projectCode: project.code, round: d.round, attempt: d.attempt, from: d.status, reason },
    });
    return { id: d.id, status: 'void', voidReason: reason, attempt: d.attempt };
  });
}
