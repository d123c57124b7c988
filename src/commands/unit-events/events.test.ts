import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { activePersons, auditLog, multiUnitObligations, notifications, projects, titles, unitCases, unitEvents } from '../../db/schema.js';
import { idFor } from '../applications/fixtures.js';
import { ownedWorld, type OwnedWorld } from '../closed-loop/testing.js';
import { refusal } from '../contracts/testing.js';
import { titleHolderAad } from '../titles/holder.js';
import { closeCase, listCases, listObligations, listUnitEvents, markObligationMet, recordUnitEvent } from './index.js';

const doc = (ref: string) => [{ kind: 'document' as const, ref, note: '公证书' }];
const cert = (n: number) => `鲁(2026)济南市不动产权第${String(2_000_000 + n).padStart(7, '0')}号`;

describe.each(TEST_DB_KINDS)('unit events and cases (第二十、二十二、二十三条) on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await ownedWorld(h, { owners: 4, today: '2026-03-02' });
    w.clock.set('2026-06-01');
  });
  afterAll(() => h.close());
  const current = async (unitId: string) => (await h.db.select().from(titles).where(and(eq(titles.unitId, unitId), isNull(titles.supersededOn))))[0]!;

  it('第二十二条: inheritance by a family already holding a unit keeps the nature and opens a second-unit obligation due 60 days after the change', async () => {
    const v = await recordUnitEvent(w.staff, {
      unitId: w.owned[0]!.unitId, kind: 'inheritance', occurredOn: '2026-05-10', evidence: doc('(2026)鲁济南历下证字第88号'),
      newHolder: { regCode: w.families[1]!.regCode }, newTitle: { certificateNo: cert(1), issuedOn: '2026-05-28' },
    });
    expect(v.newTitle).toMatchObject({ origin: 'inheritance', nature: '配售型保障性住房', landNature: '划拨', holder: { kind: 'family', regCode: w.families[1]!.regCode } });
    expect(v.obligation).toMatchObject({ status: 'open', unitsHeld: 2, changeOn: '2026-05-10', deadlineOn: '2026-07-09' });
    const old = (await h.db.select().from(titles).where(eq(titles.id, w.owned[0]!.titleId)))[0]!;
    expect(old).toMatchObject({ supersededOn: '2026-05-10', supersededBy: v.newTitle!.id });
    const notes = await h.db.select().from(notifications).where(and(eq(notifications.accountId, w.families[1]!.actor.accountId), eq(notifications.template, 'multi_unit_obligation')));
    expect(notes.find((n) => n.channel === 'in_app')!.body).toContain('2026-07-09');
    expect(notes[0]!.body).toContain('第二十二条');
    const list = await listObligations(w.staff);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ holder: { kind: 'family', regCode: w.families[1]!.regCode }, unitsHeld: 2, daysLeft: 38, overdue: false, remindersSent: [] });
    expect(list[0]!.units.map((u) => u.origin).sort()).toEqual(['first_sale', 'inheritance']);
  });

  it('a retry of the same event answers the event already recorded and changes nothing', async () => {
    const again = await recordUnitEvent(w.staff, {
      unitId: w.owned[0]!.unitId, kind: 'inheritance', occurredOn: '2026-05-10', evidence: doc('(2026)鲁济南历下证字第88号'),
      newHolder: { regCode: w.families[1]!.regCode }, newTitle: { certificateNo: cert(1), issuedOn: '2026-05-28' },
    });
    expect(again.obligation!.deadlineOn).toBe('2026-07-09');
    expect(await h.db.select().from(unitEvents)).toHaveLength(1);
    expect(await h.db.select().from(multiUnitObligations)).toHaveLength(1);
  });

  it('第二十二条: divorce division to a former spouse outside the scheme stores the person encrypted to the title, masked, with one unit and no obligation', async () => {
    const idNumber = idFor('1990-02-03', '224');
    const v = await recordUnitEvent(w.staff, {
      unitId: w.owned[2]!.unitId, kind: 'divorce_division', occurredOn: '2026-05-20', evidence: [{ kind: 'document', ref: '(2026)鲁0102民初123号' }],
      newHolder: { name: '王丽娟', idNumber }, newTitle: { certificateNo: cert(2), issuedOn: '2026-05-25' },
    });
    expect(v.newTitle).toMatchObject({ origin: 'divorce_division', holder: { kind: 'person', applicationId: null, maskedName: '王*娟', maskedId: `37**************${idNumber.slice(-2)}` }, resolvedToFamily: false });
    expect(v.obligation).toBeNull();
    const t = await current(w.owned[2]!.unitId);
    expect(t.holderIdBlind).toBe(w.crypto.blindIndex(idNumber));
    expect(w.crypto.decryptJson(t.holderEnc!, titleHolderAad(t.id))).toEqual({ name: '王丽娟', idNumber });
    expect(t.holderEnc).not.toContain('王丽娟');
  });

  it('第二十二条: an heir named by ID number who is a member of a housed family is that family, and the view says so', async () => {
    const idNumber = idFor('1985-07-07', '335');
    await h.db.insert(activePersons).values({ idBlind: w.crypto.blindIndex(idNumber), applicationId: w.families[3]!.applicationId });
    const v = await recordUnitEvent(w.staff, {
      unitId: w.owned[2]!.unitId, kind: 'inheritance', occurredOn: '2026-05-30', evidence: doc('(2026)鲁济南历下证字第99号'),
      newHolder: { name: '李继承', idNumber }, newTitle: { certificateNo: cert(3), issuedOn: '2026-05-31' },
    });
    expect(v.newTitle).toMatchObject({ holder: { kind: 'family', applicationId: w.families[3]!.applicationId }, resolvedToFamily: true });
    expect(v.obligation).toMatchObject({ unitsHeld: 2, deadlineOn: '2026-07-29' });
    expect((await listUnitEvents(h.db as never, w.owned[2]!.unitId)).map((e) => e.kind)).toEqual(['divorce_division', 'inheritance']);
  });

  it('第二十条: a reported lease opens case 案〔2026〕N号 and tells the holder family; closing it as rectified needs a resolution', async () => {
    const v = await recordUnitEvent(w.staff, {
      unitId: w.owned[1]!.unitId, kind: 'lease', occurredOn: '2026-05-15', evidence: [{ kind: 'inspection', ref: '巡查-2026-031', note: '现场有租客' }],
    });
    expect(v.case).toMatchObject({ status: 'open', kind: 'lease', openedOn: '2026-06-01' });
    expect(v.case!.caseNo).toMatch(/^案〔2026〕\d+号$/);
    const note = (await h.db.select().from(notifications).where(and(eq(notifications.accountId, w.families[1]!.actor.accountId), eq(notifications.template, 'unit_case_opened'))))[0]!;
    expect(note.subject).toBe('住房使用情况立案通知');
    expect((await listCases(w.staff, { status: 'open' })).map((c) => c.caseNo)).toEqual([v.case!.caseNo]);
    expect(await listCases(w.ctxAs(w.actors.licheng), {})).toEqual([]);
    const bad = await refusal(closeCase(w.staff, { caseId: v.case!.id, status: 'rectified', resolution: '' }));
    expect(bad).toMatchObject({ http: 400, field: 'resolution' });
    const closed = await closeCase(w.staff, { caseId: v.case!.id, status: 'rectified', resolution: '租赁合同已解除，租客已搬离' });
    expect(closed).toMatchObject({ status: 'rectified', closedOn: '2026-06-01' });
    expect((await closeCase(w.staff, { caseId: v.case!.id, status: 'rectified', resolution: '重复提交' })).resolution).toBe('租赁合同已解除，租客已搬离');
    expect(await refusal(closeCase(w.staff, { caseId: v.case!.id, status: 'closed', resolution: '改为结案' }))).toMatchObject({ http: 409, code: 'CASE_CLOSED' });
  });

  it('bad input is refused with 400 naming the field, and nothing is written', async () => {
    const before = (await h.db.select().from(unitEvents)).length;
    const audits = (await h.db.select().from(auditLog)).length;
    const u = w.owned[3]!.unitId;
    expect(await refusal(recordUnitEvent(w.staff, { unitId: u, kind: 'lease', occurredOn: '2026-06-02', evidence: doc('x') }))).toMatchObject({ http: 400, field: 'occurredOn' });
    expect(await refusal(recordUnitEvent(w.staff, { unitId: u, kind: 'lease', occurredOn: '2026-05-02', evidence: [] }))).toMatchObject({ http: 400, field: 'evidence' });
    expect(await refusal(recordUnitEvent(w.staff, { unitId: u, kind: 'party' as never, occurredOn: '2026-05-02', evidence: doc('x') }))).toMatchObject({ http: 400, field: 'kind' });
    expect(await refusal(recordUnitEvent(w.staff, { unitId: u, kind: 'inheritance', occurredOn: '2026-05-02', evidence: doc('x'), newTitle: { certificateNo: cert(9), issuedOn: '2026-05-03' } }))).toMatchObject({ http: 400, field: 'newHolder' });
    expect(await refusal(recordUnitEvent(w.staff, {
      unitId: u, kind: 'inheritance', occurredOn: '2026-05-02', evidence: doc('x'), newHolder: { name: '赵某', idNumber: '370102199001011234' }, newTitle: { certificateNo: cert(9), issuedOn: '2026-05-03' },
    }))).toMatchObject({ http: 400, field: 'newHolder.idNumber' });
    expect(await refusal(recordUnitEvent(w.staff, {
      unitId: u, kind: 'inheritance', occurredOn: '2026-05-02', evidence: doc('x'), newHolder: { regCode: 'JN2026000000' }, newTitle: { certificateNo: cert(9), issuedOn: '2026-05-03' },
    }))).toMatchObject({ http: 400, field: 'newHolder.regCode' });
    expect((await h.db.select().from(unitEvents)).length).toBe(before);
    expect((await h.db.select().from(auditLog)).length).toBe(audits);
  });

  it('staff of another district and the auditor cannot record events; nothing is written', async () => {
    const before = (await h.db.select().from(unitCases)).length;
    const input = { unitId: w.owned[3]!.unitId, kind: 'legal_dispute' as const, occurredOn: '2026-05-02', evidence: doc('(2026)鲁0102民初9号') };
    expect(await refusal(recordUnitEvent(w.ctxAs(w.actors.licheng), input))).toMatchObject({ http: 403 });
    expect(await refusal(recordUnitEvent(w.auditor, input))).toMatchObject({ http: 403 });
    expect((await h.db.select().from(unitCases)).length).toBe(before);
    expect((await recordUnitEvent(w.city, input)).case).toMatchObject({ kind: 'legal_dispute', status: 'open' });
  });

  it('第十二、二十条: on a city-level project in their district, district staff may not record events, close or list its cases; the city may', async () => {
    const input = { unitId: w.owned[3]!.unitId, kind: 'lease' as const, occurredOn: '2026-05-03', evidence: doc('巡查-2026-077') };
    const open = (await listCases(w.staff, { status: 'open' })).find((c) => c.unitId === w.owned[3]!.unitId)!;
    const events = (await h.db.select().from(unitEvents)).length;
    const audits = (await h.db.select().from(auditLog)).length;
    await h.db.update(projects).set({ level: 'city' }).where(eq(projects.id, w.project.id));
    try {
      expect(await refusal(recordUnitEvent(w.staff, input))).toMatchObject({ http: 403 });
      expect(await refusal(closeCase(w.staff, { caseId: open.id, status: 'closed', resolution: '区级结案' }))).toMatchObject({ http: 403 });
      expect(await listCases(w.staff, {})).toEqual([]);
      expect((await h.db.select().from(unitEvents)).length).toBe(events);
      expect((await h.db.select().from(auditLog)).length).toBe(audits);
      expect((await h.db.select().from(unitCases).where(eq(unitCases.id, open.id)))[0]!.status).toBe('open');
      expect((await listCases(w.city, { status: 'open' })).map((c) => c.id)).toContain(open.id);
    } finally {
      await h.db.update(projects).set({ level: 'district' }).where(eq(projects.id, w.project.id));
    }
  });

  it('第二十二条: an exit application meets the holder\'s open obligation once', async () => {
    const [o] = await h.db.select().from(multiUnitObligations).where(eq(multiUnitObligations.holderApplicationId, w.families[1]!.applicationId));
    const exitId = '00000000-0000-4000-8000-000000000001';
    const met = await h.db.transaction((tx) => markObligationMet(tx, { holderApplicationId: w.families[1]!.applicationId, exitId, on: '2026-06-01', actor: w.actors.lixia, at: w.clock.now() }));
    expect(met).toEqual([o!.id]);
    expect(await h.db.transaction((tx) => markObligationMet(tx, { holderApplicationId: w.families[1]!.applicationId, exitId, on: '2026-06-02', actor: w.actors.lixia, at: w.clock.now() }))).toEqual([]);
    const row = (await listObligations(w.staff)).find((x) => x.id === o!.id)!;
    expect(row).toMatchObject({ status: 'met', met: { exitId, on: '2026-06-01' } });
  });

  it('第二十二条: a holder whose second unit passes on is back to one unit, and its open obligation is withdrawn', async () => {
    const [o] = await h.db.select().from(multiUnitObligations).where(eq(multiUnitObligations.holderApplicationId, w.families[3]!.applicationId));
    expect(o!.status).toBe('open');
    await recordUnitEvent(w.staff, {
      unitId: w.owned[2]!.unitId, kind: 'divorce_division', occurredOn: '2026-06-01', evidence: doc('(2026)鲁0102民初456号'),
      newHolder: { name: '周晓梅', idNumber: idFor('1992-09-09', '446') }, newTitle: { certificateNo: cert(4), issuedOn: '2026-06-01' },
    });
    const after = (await listObligations(w.staff)).find((x) => x.id === o!.id)!;
    expect(after).toMatchObject({ status: 'withdrawn', overdue: false, unitsHeld: 2 });
    expect(after.units.map((u) => u.origin)).toEqual(['first_sale']);
  });
});
