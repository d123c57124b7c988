/**
 * Removing an admitted family from the waiting list because it no longer qualifies
 * (济政发〔2025〕3号 第九条: 对不再满足保障条件的，按规定移出轮候库并通知申请人), with a numbered
 * notice giving the reason. Used by the periodic re-check job and by staff on a change review.
 */
import { notices } from '../../db/schema.js';
import type { Tx } from '../../db/client.js';
import { appendAudit } from '../../audit/index.js';
import { enqueue } from '../../notify/index.js';
import { districtName } from '../../db/reference/districts.js';
import type { CommandContext } from '../context.js';
import { addEvent, lockApplication, nextNoticeNo, releasePersons, updateApplication, type ApplicationRow } from './store.js';

/** Remove the (locked, admitted) application; returns the removal notice number. */
export async function removeFromWaitlist(
  tx: Tx, ctx: CommandContext, app: ApplicationRow,
  why: { reason: string; trigger: 'recheck' | 'change_review'; evidence?: unknown },
): Promise<string> {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  // Re-read under the lock: the row passed in may predate earlier writes of this transaction.
  const fresh = await lockApplication(tx, app.id);
  const noticeNo = await nextNoticeNo(tx, 'removal', today);
  await releasePersons(tx, app.id);
  await updateApplication(tx, fresh, now, { status: 'removed', closedOn: today, closedReason: why.reason });
  await tx.insert(notices).values({
    noticeNo, applicationId: app.id, kind: 'removal', issuedOn: today,
    payload: { regCode: app.regCode, districtName: districtName(app.districtCode), reason: why.reason, trigger: why.trigger, article: '第九条', admittedOn: app.admittedOn },
  });
  await addEvent(tx, ctx, { applicationId: app.id, kind: 'removed', from: 'admitted', to: 'removed', reason: why.reason, article: '第九条', evidence: { noticeNo, ...(why.evidence as object ?? {}) } });
  await enqueue(tx, { accountId: app.accountId, template: 'removed', params: { regCode: app.regCode, reason: why.reason, noticeNo } }, now);
  await appendAudit(tx, { actor: ctx.actor.role === 'system' ? { role: 'system' } : ctx.actor, action: 'application.remove', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, noticeNo, reason: why.reason, trigger: why.trigger } });
  return noticeNo;
}
