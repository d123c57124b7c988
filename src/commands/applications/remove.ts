/**
 * Removing admitted families from the waiting list because they no longer qualify
 * (济政发〔2025〕3号 第九条: 对不再满足保障条件的，按规定移出轮候库并通知申请人), each with a numbered
 * notice giving the reason. Used by the periodic re-check job (many families at once) and by
 * staff on a change review (one family); both go through the same set-based writes.
 */
import { sql } from 'drizzle-orm';
import { notices } from '../../db/schema.js';
import type { Tx } from '../../db/client.js';
import { appendAuditMany } from '../../audit/index.js';
import { enqueueMany } from '../../notify/index.js';
import { districtName } from '../../db/reference/districts.js';
import type { CommandContext } from '../context.js';
import { addEvents, lockApplications, nextNoticeNos, releaseAllPersonsOf, type ApplicationRow } from './store.js';
import { closeOtherRegistrations } from '../registrations/refunds.js';
import { releaseUnsignedOnLeaving } from '../selection/release.js';

/** Why a family is removed. */
export type RemovalReason = { reason: string; trigger: 'recheck' | 'change_review'; evidence?: unknown };

/** Remove the (locked, admitted) application; returns the removal notice number. */
export async function removeFromWaitlist(tx: Tx, ctx: CommandContext, app: ApplicationRow, why: RemovalReason): Promise<string> {
  return (await removeManyFromWaitlist(tx, ctx, [{ app, ...why }]))[0]!;
}

/**
 * Remove several (locked, admitted) applications in the caller's transaction; returns their
 * notice numbers in the order given. Every table is written once for all of them.
 */
export async function removeManyFromWaitlist(tx: Tx, ctx: CommandContext, items: Array<{ app: ApplicationRow } & RemovalReason>): Promise<string[]> {
  if (!items.length) return [];
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const ids = items.map((i) => i.app.id);
  // Lock (again) under this transaction: the rows passed in may predate its earlier writes.
  await lockApplications(tx, ids);
  const numbers = await nextNoticeNos(tx, 'removal', today, items.length);
  await releaseAllPersonsOf(tx, ids);
  // 第十一条: a family removed from the waiting list leaves every project's lottery list; its 认购金 is refunded.
  for (const i of items) {
    await closeOtherRegistrations(tx, ctx, i.app.id, null, `移出轮候库（第九条）：${i.reason}`);
    await releaseUnsignedOnLeaving(tx, i.app.id, `移出轮候库（第九条）：${i.reason}`, now);
  }
  await tx.execute(sql`
    update applications a set status = 'removed', closed_on = ${today}, closed_reason = v.reason, updated_at = ${now}, version = a.version + 1
    from (values ${sql.join(items.map((i) => sql`(${i.app.id}::uuid, ${i.reason})`), sql`, `)}) as v(id, reason)
    where a.id = v.id`);
  await tx.insert(notices).values(items.map(({ app, reason, trigger }, k) => ({
    noticeNo: numbers[k]!, applicationId: app.id, kind: 'removal', issuedOn: today,
    payload: { regCode: app.regCode, districtName: districtName(app.districtCode), reason, trigger, article: '第九条', admittedOn: app.admittedOn },
  })));
  await addEvents(tx, ctx, items.map(({ app, reason, evidence }, k) => ({
    applicationId: app.id, kind: 'removed', from: 'admitted', to: 'removed', reason, article: '第九条', evidence: { noticeNo: numbers[k], ...(evidence as object ?? {}) },
  })));
  await enqueueMany(tx, items.map(({ app, reason }, k) => ({ accountId: app.accountId, template: 'removed', params: { regCode: app.regCode, reason, noticeNo: numbers[k] } })), now);
  await appendAuditMany(tx, items.map(({ app, reason, trigger }, k) => ({
    actor: ctx.actor.role === 'system' ? { role: 'system' } : ctx.actor, action: 'application.remove', targetType: 'application', targetId: app.id, at: now,
    detail: { regCode: app.regCode, noticeNo: numbers[k], reason, trigger },
  })));
  return numbers;
}
