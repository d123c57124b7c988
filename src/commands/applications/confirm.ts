/**
 * confirmApplication: the family confirms its data (济政发〔2025〕3号 第八条: 纳入轮候库2年内未完成
 * 认购的家庭应再次更新并确认个人信息). Allowed while rule housing.waitlist-status says the family
 * is active or must confirm; a lapsed family cannot confirm (it may apply again). Confirming
 * starts a new two-year period from today.
 */
import { rules } from '../../rules/registry.js';
import { appendAudit } from '../../audit/index.js';
import { enqueue } from '../../notify/index.js';
import { assertOwner } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError, badState } from '../errors.js';
import { confirmDeadlineOf } from './approve.js';
import { addEvent, lockApplication, updateApplication } from './store.js';

/** Waitlist status by rule housing.waitlist-status on `today`. */
export function waitlistStatus(app: { admittedOn: string | null; lastConfirmedOn: string | null; purchasedOn: string | null }, today: string) {
  return rules['housing.waitlist-status'].evaluate(
    { admittedOn: app.admittedOn, lastConfirmedOn: app.lastConfirmedOn, purchased: app.purchasedOn !== null }, today,
  ) as { value: { status: 'active' | 'must_confirm' | 'lapsed'; deadline: string }; trace: unknown[]; citations: unknown[] };
}

/** What lists and records show of 第八条: the rule's status, deadline and reminder start, for admitted families only. */
export type WaitlistView = { status: 'active' | 'must_confirm' | 'lapsed'; deadline: string | null; remindFrom: string | null };

/**
 * The waitlist view of an application on `today` (the server's clock), or null when the
 * family is not admitted. Decided here rather than in the browser, so the law is applied once,
 * on the platform's date. An admitted row the lapse job has not reached yet can read "lapsed".
 */
export function waitlistView(app: { status: string; admittedOn: string | null; lastConfirmedOn: string | null; purchasedOn: string | null }, today: string): WaitlistView | null {
  if (app.status !== 'admitted' || !app.admittedOn) return null;
  const { status, deadline, remindFrom } = waitlistStatus(app, today).value as WaitlistView;
  return { status, deadline, remindFrom };
}

/** Confirm the family's data for another period. */
export async function confirmApplication(ctx: CommandContext, input: { applicationId: string }): Promise<{ id: string; lastConfirmedOn: string; confirmDeadline: string }> {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const app = await lockApplication(tx, input.applicationId);
    assertOwner(ctx.actor, app);
    if (app.status !== 'admitted') throw badState(app.status, '确认信息', 'confirm');
    if (app.lastConfirmedOn === today) return { id: app.id, lastConfirmedOn: today, confirmDeadline: app.confirmDeadline! };
    const st = waitlistStatus(app, today);
    if (st.value.status === 'lapsed') {
      throw new DomainError('LAPSED', 409, `确认截止日（${st.value.deadline}）已过，轮候资格已失效，可重新提交入库申请（第八条）。`,
        `The confirmation deadline (${st.value.deadline}) has passed; the place has lapsed and the family may apply again.`, undefined, { deadline: st.value.deadline });
    }
    const deadline = confirmDeadlineOf(app.admittedOn!, today, today);
    await updateApplication(tx, app, now, { lastConfirmedOn: today, confirmDeadline: deadline });
    await addEvent(tx, ctx, { applicationId: app.id, kind: 'confirmed', from: 'admitted', to: 'admitted', article: '第八条', evidence: { previousDeadline: st.value.deadline, deadline } });
    await enqueue(tx, { accountId: app.accountId, template: 'confirmed', params: { regCode: app.regCode, deadline } }, now);
    await appendAudit(tx, { actor: ctx.actor, action: 'application.confirm', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, deadline } });
    return { id: app.id, lastConfirmedOn: today, confirmDeadline: deadline };
  });
}
