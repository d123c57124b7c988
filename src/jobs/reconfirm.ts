/**
 * The two-year re-confirmation (济政发〔2025〕3号 第八条: 纳入轮候库2年内未完成认购的家庭应再次更新
 * 并确认个人信息，未进行信息确认的，失去轮候资格。轮候资格失效的家庭可重新提交入库申请).
 * remindReconfirm sends one reminder per deadline once rule housing.waitlist-status says
 * "must_confirm" (from the parameter housing.waitlist.reminder_lead_days before it);
 * lapseUnconfirmed ends the place of families the rule finds lapsed: status and history are
 * kept, their persons are freed so they may apply again.
 */
import { and, asc, eq, gt, isNull, lt, lte, gte, ne, or } from 'drizzle-orm';
import { applications, notices } from '../db/schema.js';
import { addDays } from '../rules/core/dates.js';
import { param } from '../params/load.js';
import { appendAudit } from '../audit/index.js';
import { enqueue } from '../notify/index.js';
import { districtName } from '../db/reference/districts.js';
import { waitlistStatus } from '../commands/applications/confirm.js';
import { addEvent, lockApplication, nextNoticeNo, releasePersons, updateApplication } from '../commands/applications/store.js';
import { systemContext, type JobDeps } from './deps.js';
import { closeOtherRegistrations } from '../commands/registrations/refunds.js';
import { releaseUnsignedOnLeaving } from '../commands/selection/release.js';

const NIL = '00000000-0000-0000-0000-000000000000';

/** Reminders due today; each family is reminded once per deadline. */
export async function remindReconfirm(deps: JobDeps, opts: { batchSize?: number } = {}): Promise<{ reminded: number }> {
  const ctx = systemContext(deps);
  const today = deps.clock.today();
  const now = deps.clock.now();
  const lead = param<number>('housing.waitlist.reminder_lead_days', today).value;
  const horizon = addDays(today, lead);
  let reminded = 0;
  let after = NIL;
  for (;;) {
    const rows = await deps.db.select().from(applications).where(and(
      eq(applications.status, 'admitted'), gte(applications.confirmDeadline, today), lte(applications.confirmDeadline, horizon),
      or(isNull(applications.lastRemindedFor), ne(applications.lastRemindedFor, applications.confirmDeadline)), gt(applications.id, after),
    )).orderBy(asc(applications.id)).limit(opts.batchSize ?? 500);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    await deps.db.transaction(async (tx) => {
      for (const a of rows) {
        const st = waitlistStatus(a, today).value;
        if (st.status !== 'must_confirm') continue;
        // The conditional update makes a concurrent or repeated run remind once.
        const [hit] = await tx.update(applications).set({ lastRemindedFor: st.deadline })
          .where(and(eq(applications.id, a.id), eq(applications.status, 'admitted'), or(isNull(applications.lastRemindedFor), ne(applications.lastRemindedFor, st.deadline))))
          .returning({ id: applications.id });
        if (!hit) continue;
        await enqueue(tx, { accountId: a.accountId, template: 'reconfirm_reminder', params: { regCode: a.regCode, deadline: st.deadline } }, now);
        await addEvent(tx, ctx, { applicationId: a.id, kind: 'reconfirm_reminded', from: 'admitted', to: 'admitted', article: '第八条', evidence: { deadline: st.deadline } });
        reminded++;
      }
    });
  }
  deps.log?.({ msg: 'reconfirm.reminders', reminded });
  return { reminded };
}

/** Lapse the families whose deadline has passed unconfirmed. */
export async function lapseUnconfirmed(deps: JobDeps, opts: { batchSize?: number } = {}): Promise<{ lapsed: number }> {
  const ctx = systemContext(deps);
  const today = deps.clock.today();
  const now = deps.clock.now();
  let lapsed = 0;
  let after = NIL;
  for (;;) {
    const rows = await deps.db.select({ id: applications.id }).from(applications)
      .where(and(eq(applications.status, 'admitted'), lt(applications.confirmDeadline, today), gt(applications.id, after)))
      .orderBy(asc(applications.id)).limit(opts.batchSize ?? 500);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    for (const { id } of rows) {
      const done = await deps.db.transaction(async (tx) => {
        const a = await lockApplication(tx, id);
        if (a.status !== 'admitted') return false;
        const st = waitlistStatus(a, today).value;
        if (st.status !== 'lapsed') return false;
        const noticeNo = await nextNoticeNo(tx, 'lapse', today);
        const reason = `未在 ${st.deadline} 前（含当日）确认家庭信息，轮候资格失效（第八条）。`;
        await releasePersons(tx, a.id);
        await closeOtherRegistrations(tx, ctx, a.id, null, `未按期确认，移出轮候库（第八条）`);
        await releaseUnsignedOnLeaving(tx, a.id, `未按期确认，移出轮候库（第八条）`, now);
        await updateApplication(tx, a, now, { status: 'lapsed', lapsedOn: today, closedOn: today, closedReason: reason });
        await tx.insert(notices).values({ noticeNo, applicationId: a.id, kind: 'lapse', issuedOn: today, payload: { regCode: a.regCode, districtName: districtName(a.districtCode), reason, deadline: st.deadline, article: '第八条' } });
        await addEvent(tx, ctx, { applicationId: a.id, kind: 'lapsed', from: 'admitted', to: 'lapsed', reason, article: '第八条', evidence: { noticeNo, deadline: st.deadline } });
        await enqueue(tx, { accountId: a.accountId, template: 'lapsed', params: { regCode: a.regCode, deadline: st.deadline } }, now);
        await appendAudit(tx, { actor: { role: 'system' }, action: 'application.lapse', targetType: 'application', targetId: a.id, at: now, detail: { regCode: a.regCode, noticeNo, deadline: st.deadline } });
        return true;
      });
      if (done) lapsed++;
    }
  }
  deps.log?.({ msg: 'reconfirm.lapse', lapsed });
  return { lapsed };
}
