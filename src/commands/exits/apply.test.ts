import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, exitApplications, multiUnitObligations, notifications } from '../../db/schema.js';
import { ownedWorld, type OwnedWorld } from '../closed-loop/testing.js';
import { refusal } from '../contracts/testing.js';
import { recordUnitEvent } from '../unit-events/index.js';
import { applyToExit, fileExit, withdrawExit } from './index.js';

describe.each(TEST_DB_KINDS)('第二十四条 exit applications on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await ownedWorld(h, { owners: 4, today: '2026-03-02' }); // titles issued 2026-03-20
  });
  afterAll(() => h.close());
  const fam = (i: number) => w.ctxAs(w.families[i]!.actor);
  const unit = (i: number) => w.owned[i]!.unitId;

  it('第二十四条: the day before the two-year mark the family is refused 409 with the earliest date, and nothing is written', async () => {
    w.clock.set('2028-03-19');
    const e = await refusal(applyToExit(fam(0), { unitId: unit(0), route: 'buyback' }));
    expect(e).toMatchObject({ http: 409, code: 'EXIT_TOO_EARLY', details: { earliestDate: '2028-03-20' } });
    expect(e.message_zh).toContain('2028-03-20');
    expect(e.message_en).toContain('2028-03-20');
    expect(await h.db.select().from(exitApplications)).toHaveLength(0);
  });

  it('第二十四条: on the day of the two-year mark the application is submitted with the rule\'s result and trace; the family is told', async () => {
    w.clock.set('2028-03-20');
    const v = await applyToExit(fam(0), { unitId: unit(0), route: 'buyback' });
    expect(v).toMatchObject({ status: 'submitted', origin: 'family', route: 'buyback', submittedOn: '2028-03-20', acceptedOn: null, dueOn: null, certificateNo: w.owned[0]!.certificateNo });
    expect(v.exitNo).toMatch(/^济保退〔2028〕\d{6}号$/);
    expect(v.eligibility.value).toEqual({ eligible: true, earliestDate: '2028-03-20', reasons: [] });
    expect(v.eligibility.trace.some((s) => s.article === '第二十四条' && s.passed === true)).toBe(true);
    expect(v.eligibility.source).toBe('平台案件登记 + 购房合同');
    const note = (await h.db.select().from(notifications).where(and(eq(notifications.template, 'exit_submitted'), eq(notifications.channel, 'in_app'))))[0]!;
    expect(note.accountId).toBe(w.families[0]!.actor.accountId);
    expect(note.body).toContain(v.exitNo);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, 'exit.apply'))).toHaveLength(1);
  });

  it('one open exit per unit: the same application again is a retry, another route is refused 409 EXIT_OPEN', async () => {
    const [first] = await h.db.select().from(exitApplications);
    const again = await applyToExit(fam(0), { unitId: unit(0), route: 'buyback' });
    expect(again.id).toBe(first!.id);
    const e = await refusal(applyToExit(fam(0), { unitId: unit(0), route: 'internal_transfer' }));
    expect(e).toMatchObject({ http: 409, code: 'EXIT_OPEN', field: 'unitId' });
    expect(await h.db.select().from(exitApplications)).toHaveLength(1);
  });

  it('two applications for one unit at once: one is submitted, the other is refused 409 EXIT_OPEN', async () => {
    const both = await Promise.allSettled([
      applyToExit(fam(1), { unitId: unit(1), route: 'buyback' }), applyToExit(fam(1), { unitId: unit(1), route: 'internal_transfer' }),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ http: 409, code: 'EXIT_OPEN' });
    const open = await h.db.select().from(exitApplications).where(eq(exitApplications.unitId, unit(1)));
    expect(open).toHaveLength(1);
    await withdrawExit(fam(1), { exitId: open[0]!.id });
  });

  it('another family\'s unit answers 404; staff cannot apply as a family (403); bad input names the field', async () => {
    expect(await refusal(applyToExit(fam(1), { unitId: unit(0), route: 'buyback' }))).toMatchObject({ http: 404 });
    expect(await refusal(applyToExit(w.staff, { unitId: unit(0), route: 'buyback' }))).toMatchObject({ http: 403 });
    expect(await refusal(applyToExit(fam(1), { unitId: unit(1), route: 'sale' as never }))).toMatchObject({ http: 400, field: 'route' });
    expect(await refusal(applyToExit(fam(1), { unitId: 'x', route: 'buyback' }))).toMatchObject({ http: 400, field: 'unitId' });
  });

  it('the family withdraws before acceptance (a retry answers the same); then it may apply again', async () => {
    const [first] = await h.db.select().from(exitApplications);
    expect(await refusal(withdrawExit(fam(1), { exitId: first!.id }))).toMatchObject({ http: 404 });
    expect((await withdrawExit(fam(0), { exitId: first!.id })).status).toBe('withdrawn');
    expect((await withdrawExit(fam(0), { exitId: first!.id })).status).toBe('withdrawn');
    const next = await applyToExit(fam(0), { unitId: unit(0), route: 'internal_transfer' });
    expect(next).toMatchObject({ status: 'submitted', route: 'internal_transfer' });
    expect(next.id).not.toBe(first!.id);
  });

  it('第二十二条: staff file the exit of an inherited extra unit before two years; the stored verdict keeps HOLDING_PERIOD and the obligation is met', async () => {
    await recordUnitEvent(w.staff, {
      unitId: unit(3), kind: 'inheritance', occurredOn: '2028-03-01', evidence: [{ kind: 'document', ref: '(2028)鲁济南历下证字第12号' }],
      newHolder: { regCode: w.families[2]!.regCode }, newTitle: { certificateNo: '鲁(2028)济南市不动产权第0099001号', issuedOn: '2028-03-10' },
    });
    const [o] = await h.db.select().from(multiUnitObligations);
    expect(o).toMatchObject({ status: 'open', unitsHeld: 2 });
    expect(await refusal(fileExit(w.ctxAs(w.actors.licheng), { unitId: unit(3), route: 'buyback', origin: 'multi_unit' }))).toMatchObject({ http: 403 });
    expect(await refusal(fileExit(fam(2), { unitId: unit(3), route: 'buyback', origin: 'multi_unit' }))).toMatchObject({ http: 403 });
    expect(await refusal(fileExit(w.staff, { unitId: unit(3), route: 'buyback', origin: 'gift' as never }))).toMatchObject({ http: 400, field: 'origin' });
    const v = await fileExit(w.staff, { unitId: unit(3), route: 'buyback', origin: 'multi_unit', obligationId: o!.id });
    expect(v).toMatchObject({ status: 'submitted', origin: 'multi_unit', obligationId: o!.id });
    expect(v.eligibility.value.reasons).toEqual([{ code: 'HOLDING_PERIOD', article: '第二十四条' }]);
    expect((await h.db.select().from(multiUnitObligations).where(eq(multiUnitObligations.id, o!.id)))[0]).toMatchObject({ status: 'met', metByExitId: v.id, metOn: '2028-03-20' });
    // The exit that meets the 第二十二条 duty is not the family's to withdraw.
    expect(await refusal(withdrawExit(fam(2), { exitId: v.id }))).toMatchObject({ http: 409, code: 'EXIT_MEETS_OBLIGATION' });
  });
});
