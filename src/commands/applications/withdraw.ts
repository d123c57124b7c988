/**
 * withdrawApplication: the family withdraws its application or leaves the waiting list
 * (济政发〔2025〕3号 第九条: 可在有效期内申请…退出轮候库). History is kept; its persons are free.
 */
import { appendAudit } from '../../audit/index.js';
import { enqueue } from '../../notify/index.js';
import { assertOwner } from '../authz.js';
import type { CommandContext } from '../context.js';
import { badState } from '../errors.js';
import { decideRevision, parseReason } from './decide.js';
import { addEvent, latestRevision, lockApplication, releasePersons, updateApplication } from './store.js';
import { closeOtherRegistrations } from '../registrations/refunds.js';
import { releaseUnsignedOnLeaving } from '../selection/release.js';

const OPEN = new Set(['draft', 'submitted', 'returned', 'admitted']);

/** Withdraw; withdrawing an already withdrawn application returns it unchanged. */
export async function withdrawApplication(ctx: CommandContext, input: { applicationId: string; reason: string }): Promise<{ id: string; status: 'withdrawn' }> {
  const reason = parseReason(input.reason);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const app = await lockApplication(tx, input.applicationId);
    assertOwner(ctx.actor, app);
    if (app.status === 'withdrawn') return { id: app.id, status: 'withdrawn' };
    if (!OPEN.has(app.status)) throw badState(app.status, '撤回', 'withdraw');
    const latest = await latestRevision(tx, app.id);
    // A pending change or an unfinished submission ends with the application.
    if (latest.status === 'submitted' || latest.status === 'draft' || latest.status === 'returned') {
      await decideRevision(tx, ctx, latest, 'superseded', reason);
    }
    await releasePersons(tx, app.id);
    // 第十一条: a family that leaves the waiting list leaves every project's lottery list; its 认购金 is refunded.
    await closeOtherRegistrations(tx, ctx, app.id, null, `撤回轮候申请：${reason}`);
    await releaseUnsignedOnLeaving(tx, app.id, `撤回轮候申请：${reason}`, now);
    await updateApplication(tx, app, now, { status: 'withdrawn', closedOn: ctx.clock.today(), closedReason: reason });
    await addEvent(tx, ctx, { applicationId: app.id, kind: 'withdrawn', from: app.status, to: 'withdrawn', reason, article: '第九条' });
    await enqueue(tx, { accountId: app.accountId, template: 'withdrawn', params: { regCode: app.regCode } }, now);
    await appendAudit(tx, { actor: ctx.actor, action: 'application.withdraw', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, from: app.status } });
    return { id: app.id, status: 'withdrawn' };
  });
}
