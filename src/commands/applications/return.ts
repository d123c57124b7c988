/**
 * returnApplication: staff send a submitted application back for correction with a reason.
 * The family keeps its persons held (the application is still active) and may resubmit.
 * A change request (第九条) is not returned but approved or rejected.
 */
import { appendAudit } from '../../audit/index.js';
import { enqueue } from '../../notify/index.js';
import type { CommandContext } from '../context.js';
import { badState } from '../errors.js';
import { decideRevision, loadForDecision, parseReason } from './decide.js';
import { addEvent, updateApplication } from './store.js';

/** Return for correction. */
export async function returnApplication(ctx: CommandContext, input: { applicationId: string; reason: string }): Promise<{ id: string; status: 'returned' }> {
  const reason = parseReason(input.reason);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { app, pending } = await loadForDecision(tx, ctx, input.applicationId);
    if (app.status !== 'submitted' || !pending || pending.kind !== 'initial') throw badState(app.status, '退回', 'return');
    await decideRevision(tx, ctx, pending, 'returned', reason);
    await updateApplication(tx, app, now, { status: 'returned' });
    await addEvent(tx, ctx, { applicationId: app.id, kind: 'returned', from: 'submitted', to: 'returned', reason, article: '第八条' });
    await enqueue(tx, { accountId: app.accountId, template: 'application_returned', params: { regCode: app.regCode, reason } }, now);
    await appendAudit(tx, { actor: ctx.actor, action: 'application.return', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, revision: pending.seq, reason } });
    return { id: app.id, status: 'returned' };
  });
}
