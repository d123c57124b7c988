/**
 * rejectApplication: staff refuse an application under review (it closes and its persons are
 * free to apply again), or refuse a change request of an admitted family (第九条: the family
 * keeps its place on its earlier data). With `scope: "family"` on a change whose new data no
 * longer qualifies, the family is also removed from the waiting list (第九条 移出轮候库).
 */
import { appendAudit } from '../../audit/index.js';
import { enqueue } from '../../notify/index.js';
import type { CommandContext } from '../context.js';
import { badState, invalid } from '../errors.js';
import { currentBlinds, decideRevision, loadForDecision, parseReason } from './decide.js';
import { removeFromWaitlist } from './remove.js';
import { addEvent, releasePersons, updateApplication } from './store.js';

export interface RejectInput {
  applicationId: string;
  reason: string;
  /** For a change request: "change" (default) refuses the change only; "family" also removes the family. */
  scope?: 'change' | 'family';
}

/** Reject the revision under review. */
export async function rejectApplication(ctx: CommandContext, input: RejectInput): Promise<{ id: string; status: string }> {
  const reason = parseReason(input.reason);
  if (input.scope !== undefined && input.scope !== 'change' && input.scope !== 'family') {
    throw invalid('scope', '范围应为 change 或 family。', 'scope must be "change" or "family".');
  }
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const { app, pending, latest } = await loadForDecision(tx, ctx, input.applicationId);
    if (app.status === 'submitted' || app.status === 'returned') {
      await decideRevision(tx, ctx, pending ?? latest, 'rejected', reason);
      await releasePersons(tx, app.id);
      await updateApplication(tx, app, now, { status: 'rejected', closedOn: today, closedReason: reason });
      await addEvent(tx, ctx, { applicationId: app.id, kind: 'rejected', from: app.status, to: 'rejected', reason, article: '第八条' });
      await enqueue(tx, { accountId: app.accountId, template: 'application_rejected', params: { regCode: app.regCode, reason } }, now);
      await appendAudit(tx, { actor: ctx.actor, action: 'application.reject', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, reason } });
      return { id: app.id, status: 'rejected' };
    }
    if (app.status !== 'admitted' || !pending || pending.kind !== 'change') throw badState(app.status, '不予通过', 'reject');
    await decideRevision(tx, ctx, pending, 'rejected', reason);
    // Persons only the refused change had brought in are free again.
    await releasePersons(tx, app.id, await currentBlinds(tx, app));
    await addEvent(tx, ctx, { applicationId: app.id, kind: 'change_rejected', from: 'admitted', to: 'admitted', reason, article: '第九条' });
    await enqueue(tx, { accountId: app.accountId, template: 'change_rejected', params: { regCode: app.regCode, reason } }, now);
    await appendAudit(tx, { actor: ctx.actor, action: 'application.change.reject', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, revision: pending.seq, reason, scope: input.scope ?? 'change' } });
    if (input.scope === 'family') {
      await removeFromWaitlist(tx, ctx, app, { reason, trigger: 'change_review', evidence: { revision: pending.seq, verdict: pending.verdict } });
      return { id: app.id, status: 'removed' };
    }
    await updateApplication(tx, app, now, {});
    return { id: app.id, status: 'admitted' };
  });
}
