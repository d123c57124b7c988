import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../db/testing.js';
import { auditLog, multiUnitObligations, notifications, projects } from '../db/schema.js';
import { idFor } from '../commands/applications/fixtures.js';
import { ownedWorld, type OwnedWorld } from '../commands/closed-loop/testing.js';
import { listObligations, recordUnitEvent } from '../commands/unit-events/index.js';
import type { JobDeps } from './deps.js';
import { param } from '../params/load.js';
import { dueNow, watchMultiUnitDeadlines } from './multi-unit.js';

describe.each(TEST_DB_KINDS)('第二十二条 multi-unit deadline job on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  let deps: JobDeps;
  let obligationId: string;
  beforeAll(async () => {
    h = await openTestDbOf(kind, { poolSize: 6 });
    w = await ownedWorld(h, { owners: 4 });
    w.clock.set('2026-06-01');
    deps = { db: h.db, clock: w.clock, crypto: w.crypto, dataChecks: w.provider };
    const v = await recordUnitEvent(w.staff, {
      unitId: w.owned[0]!.unitId, kind: 'inheritance', occurredOn: '2026-05-10', evidence: [{ kind: 'document', ref: '(2026)鲁济南历下证字第88号' }],
      newHolder: { regCode: w.families[1]!.regCode }, newTitle: { certificateNo: '鲁(2026)济南市不动产权第2000001号', issuedOn: '2026-05-28' },
    });
    obligationId = v.obligation!.id;
  });
  afterAll(() => h.close());
  const run = (day: string) => { w.clock.set(day); return watchMultiUnitDeadlines(deps); };
  const sent = async () => (await h.db.select().from(multiUnitObligations).where(eq(multiUnitObligations.id, obligationId)))[0]!.remindersSent;
  const reminders = async (accountId: string) => (await h.db.select().from(notifications)
    .where(and(eq(notifications.accountId, accountId), eq(notifications.template, 'multi_unit_reminder'), eq(notifications.channel, 'in_app')))).map((n) => n.body);

  it('第二十二条: reminders go 30, 7 and 1 days before the 2026-07-09 deadline, once each however often the job runs', async () => {
    expect(await run('2026-06-01')).toEqual({ reminded: 0, overdue: 0 });
    expect(await run('2026-06-09')).toEqual({ reminded: 1, overdue: 0 });
    expect(await run('2026-06-09')).toEqual({ reminded: 0, overdue: 0 });
    expect(await run('2026-06-20')).toEqual({ reminded: 0, overdue: 0 });
    expect(await sent()).toEqual([30]);
    expect(await run('2026-07-02')).toEqual({ reminded: 1, overdue: 0 });
    expect(await run('2026-07-09')).toEqual({ reminded: 1, overdue: 0 });
    expect(await run('2026-07-09')).toEqual({ reminded: 0, overdue: 0 });
    expect(await sent()).toEqual([30, 7, 1]);
    const bodies = await reminders(w.families[1]!.actor.accountId);
    expect(bodies).toHaveLength(3);
    expect(bodies.map((b) => b.match(/还剩(-?\d+)天/)![1])).toEqual(['30', '7', '0']);
    expect(bodies[0]).toContain('第二十二条');
  });

  it('第二十二条: the day after the deadline the obligation is marked overdue once, the district staff are told, and it heads the overdue list', async () => {
    expect(await run('2026-07-10')).toEqual({ reminded: 0, overdue: 1 });
    expect(await run('2026-07-10')).toEqual({ reminded: 0, overdue: 0 });
    expect(await run('2026-07-11')).toEqual({ reminded: 0, overdue: 0 });
    const marks = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'obligation.overdue'), eq(auditLog.targetId, obligationId)));
    expect(marks).toHaveLength(1);
    expect(marks[0]!.detail).toMatchObject({ deadlineOn: '2026-07-09', daysPast: 1, article: '第二十二条' });
    const staff = await h.db.select().from(notifications).where(and(eq(notifications.accountId, w.actors.lixia.accountId), eq(notifications.template, 'multi_unit_overdue')));
    expect(staff.filter((n) => n.channel === 'in_app')).toHaveLength(1);
    const overdue = await listObligations(w.staff, { overdue: true });
    expect(overdue.map((o) => [o.id, o.overdue, o.daysLeft])).toEqual([[obligationId, true, -2]]);
    expect(await listObligations(w.ctxAs(w.actors.licheng), { overdue: true })).toEqual([]);
  });

  it('第二十二条: the job reads only what it has to do: nothing once each reminder is sent and the overdue mark made', async () => {
    const due = async (day: string) => (await h.db.select({ id: multiUnitObligations.id }).from(multiUnitObligations)
      .where(dueNow(day, param<number[]>('housing.closed-loop.multi_unit_reminder_days_before', day).value))).map((o) => o.id);
    for (const day of ['2026-06-01', '2026-06-09', '2026-07-02', '2026-07-09', '2026-07-10', '2026-07-11']) expect(await due(day), day).toEqual([]);
    await h.db.update(multiUnitObligations).set({ remindersSent: [30] }).where(eq(multiUnitObligations.id, obligationId));
    try {
      expect(await due('2026-06-20')).toEqual([]);
      expect(await due('2026-07-02')).toEqual([obligationId]);
      expect(await due('2026-07-08')).toEqual([obligationId]);
    } finally {
      await h.db.update(multiUnitObligations).set({ remindersSent: [30, 7, 1] }).where(eq(multiUnitObligations.id, obligationId));
    }
  });

  it('two runs at the same time send each due reminder once', async () => {
    w.clock.set('2026-07-11');
    const v = await recordUnitEvent(w.staff, {
      unitId: w.owned[2]!.unitId, kind: 'divorce_division', occurredOn: '2026-07-01', evidence: [{ kind: 'document', ref: '(2026)鲁0102民初7号' }],
      newHolder: { regCode: w.families[3]!.regCode }, newTitle: { certificateNo: '鲁(2026)济南市不动产权第2000002号', issuedOn: '2026-07-05' },
    });
    expect(v.obligation!.deadlineOn).toBe('2026-08-30');
    w.clock.set('2026-08-23');
    const [a, b] = await Promise.all([watchMultiUnitDeadlines(deps), watchMultiUnitDeadlines(deps)]);
    expect(a.reminded + b.reminded).toBe(1);
    const row = (await h.db.select().from(multiUnitObligations).where(eq(multiUnitObligations.id, v.obligation!.id)))[0]!;
    // The 30-day reminder was never sent in time (the job first saw it 7 days out): one message, both offsets recorded.
    expect([...row.remindersSent].sort((x, y) => y - x)).toEqual([30, 7]);
    expect(await reminders(w.families[3]!.actor.accountId)).toHaveLength(1);
  });
});

describe.each(TEST_DB_KINDS)('第二十二条 on a city-level project on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  let deps: JobDeps;
  beforeAll(async () => {
    h = await openTestDbOf(kind, { poolSize: 4 });
    w = await ownedWorld(h, { owners: 2 });
    deps = { db: h.db, clock: w.clock, crypto: w.crypto, dataChecks: w.provider };
    await h.db.update(projects).set({ level: 'city' }).where(eq(projects.id, w.project.id));
  });
  afterAll(() => h.close());
  const notices = async (accountId: string, template: string) => (await h.db.select().from(notifications)
    .where(and(eq(notifications.accountId, accountId), eq(notifications.template, template), eq(notifications.channel, 'in_app'))));

  it('第二十二条: a person outside the scheme inheriting a second unit of a city-level project — 历下区 staff neither list the obligation nor hear of it; the city staff do, reminders and overdue notice alike', async () => {
    w.clock.set('2026-06-01');
    const person = { name: '孙继承', idNumber: idFor('1980-04-04', '557') };
    const inherit = (i: number, cert: string) => recordUnitEvent(w.city, {
      unitId: w.owned[i]!.unitId, kind: 'inheritance', occurredOn: '2026-05-10', evidence: [{ kind: 'document', ref: `(2026)鲁济南历下证字第9${i}号` }],
      newHolder: person, newTitle: { certificateNo: cert, issuedOn: '2026-05-28' },
    });
    expect((await inherit(0, '鲁(2026)济南市不动产权第3000001号')).obligation).toBeNull();
    const o = (await inherit(1, '鲁(2026)济南市不动产权第3000002号')).obligation!;
    expect(o.deadlineOn).toBe('2026-07-09');
    expect(await listObligations(w.staff, {})).toEqual([]);
    expect((await listObligations(w.city, {})).map((x) => x.id)).toEqual([o.id]);
    expect((await listObligations(w.auditor, {})).map((x) => x.id)).toEqual([o.id]);
    const city = w.actors.city.accountId;
    const lixia = w.actors.lixia.accountId;
    expect(await notices(city, 'multi_unit_reminder')).toHaveLength(1);
    w.clock.set('2026-06-09');
    expect(await watchMultiUnitDeadlines(deps)).toEqual({ reminded: 1, overdue: 0 });
    w.clock.set('2026-07-10');
    expect(await watchMultiUnitDeadlines(deps)).toEqual({ reminded: 0, overdue: 1 });
    expect(await notices(city, 'multi_unit_reminder')).toHaveLength(2);
    expect(await notices(city, 'multi_unit_overdue')).toHaveLength(1);
    expect(await notices(lixia, 'multi_unit_reminder')).toEqual([]);
    expect(await notices(lixia, 'multi_unit_overdue')).toEqual([]);
    expect(await listObligations(w.staff, { overdue: true })).toEqual([]);
    expect((await listObligations(w.city, { overdue: true })).map((x) => x.id)).toEqual([o.id]);
  });
});
