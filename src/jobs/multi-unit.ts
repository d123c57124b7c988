/**
 * The 第二十二条 deadline, watched daily (济政发〔2025〕3号 第二十二条: 超出1套的应在相关情形发生变化之日起
 * 60日内按规定申请退出其中1套住房). For each open multi-unit obligation:
 * - the reminders due by parameter housing.closed-loop.multi_unit_reminder_days_before (days before the
 *   deadline) are sent once each: the offsets sent are kept in `reminders_sent`, written under the
 *   row's lock, so a re-run or a second run at the same time finds them sent;
 * - from the day after the deadline, the obligation is marked overdue in an audit row
 *   (`obligation.overdue`, once — looked for under the same lock) and the project's staff are told:
 *   a district-level project's district staff, a city-level project's city staff (obligationStaff).
 *
 * Readings: when a run finds several offsets due at once (the change was recorded late, or the job
 * did not run for days), one reminder is sent with the days left and every due offset is recorded,
 * rather than several messages at once. A person outside the scheme has no account: the project's
 * staff receive the reminder to pass on. A met or withdrawn obligation is never reminded.
 *
 * Only the obligations with something to do are read and locked (dueNow): a reminder offset due and
 * not yet sent, or the deadline passed and no overdue mark yet. The same tests run again under the
 * lock, so the narrower read changes nothing a run does.
 */
import { and, asc, eq, gt, gte, lt, lte, or, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/index.js';
import { auditLog, multiUnitObligations } from '../db/schema.js';
import { param } from '../params/load.js';
import { addDays, daysBetween } from '../rules/core/dates.js';
import { holderAccounts, obligationStaff } from '../commands/unit-events/obligations.js';
import { notifyAll } from '../commands/unit-events/store.js';
import type { JobDeps } from './deps.js';

const NIL = '00000000-0000-0000-0000-000000000000';
const SYSTEM = { role: 'system' as const };

/** Open obligations with a reminder due and unsent on `today`, or past their deadline and not yet marked overdue. */
export function dueNow(today: string, offsets: number[]) {
  const m = multiUnitObligations;
  const marked = sql`exists (select 1 from ${auditLog} where ${auditLog.targetType} = 'multi_unit_obligation'
    and ${auditLog.targetId} = ${m.id}::text and ${auditLog.action} = 'obligation.overdue')`;
  return and(eq(m.status, 'open'), or(
    // 第二十二条 reminder d days before: due once deadline − d ≤ today, while the deadline is not past.
    ...offsets.map((d) => and(gte(m.deadlineOn, today), lte(m.deadlineOn, addDays(today, d)), sql`not (${m.remindersSent} @> ${JSON.stringify([d])}::jsonb)`)),
    and(lt(m.deadlineOn, today), sql`not ${marked}`),
  ));
}

/** Send the due reminders and mark the newly overdue obligations; idempotent. */
export async function watchMultiUnitDeadlines(deps: JobDeps, opts: { batchSize?: number } = {}): Promise<{ reminded: number; overdue: number }> {
  const today = deps.clock.today();
  const now = deps.clock.now();
  const offsets = param<number[]>('housing.closed-loop.multi_unit_reminder_days_before', today);
  let reminded = 0;
  let overdue = 0;
  let after = NIL;
  for (;;) {
    const ids = await deps.db.select({ id: multiUnitObligations.id }).from(multiUnitObligations)
      .where(and(dueNow(today, offsets.value), gt(multiUnitObligations.id, after)))
      .orderBy(asc(multiUnitObligations.id)).limit(opts.batchSize ?? 200);
    if (!ids.length) break;
    after = ids[ids.length - 1]!.id;
    for (const { id } of ids) {
      const done = await deps.db.transaction(async (tx) => {
        const [o] = await tx.select().from(multiUnitObligations).where(eq(multiUnitObligations.id, id)).for('update');
        if (!o || o.status !== 'open') return null;
        const params = { holder: o.holderMaskedName ?? '持有人', unitsHeld: o.unitsHeld, deadline: o.deadlineOn, daysLeft: daysBetween(today, o.deadlineOn) };
        if (o.deadlineOn >= today) {
          const due = offsets.value.filter((d) => params.daysLeft <= d && !o.remindersSent.includes(d));
          if (!due.length) return null;
          await tx.update(multiUnitObligations).set({ remindersSent: [...o.remindersSent, ...due], version: o.version + 1 }).where(eq(multiUnitObligations.id, o.id));
          const to = await holderAccounts(tx, o);
          await notifyAll(tx, to.accounts, { template: 'multi_unit_reminder', params }, now);
          await appendAudit(tx, {
            actor: SYSTEM, action: 'obligation.remind', targetType: 'multi_unit_obligation', targetId: o.id, at: now,
            detail: { offsets: due, daysLeft: params.daysLeft, deadlineOn: o.deadlineOn, to: to.family ? 'family' : 'staff', param: { name: 'housing.closed-loop.multi_unit_reminder_days_before', version: offsets.version }, article: '第二十二条' },
          });
          return 'reminded' as const;
        }
        const [marked] = await tx.select({ seq: auditLog.seq }).from(auditLog).where(and(
          eq(auditLog.targetType, 'multi_unit_obligation'), eq(auditLog.targetId, o.id), eq(auditLog.action, 'obligation.overdue'),
        )).limit(1);
        if (marked) return null;
        await notifyAll(tx, await obligationStaff(tx, o), { template: 'multi_unit_overdue', params }, now);
        await appendAudit(tx, {
          actor: SYSTEM, action: 'obligation.overdue', targetType: 'multi_unit_obligation', targetId: o.id, at: now,
          detail: { deadlineOn: o.deadlineOn, daysPast: -params.daysLeft, unitsHeld: o.unitsHeld, article: '第二十二条' },
        });
        return 'overdue' as const;
      });
      if (done === 'reminded') reminded++;
      if (done === 'overdue') overdue++;
    }
  }
  deps.log?.({ msg: 'multi-unit.deadlines', reminded, overdue });
  return { reminded, overdue };
}
