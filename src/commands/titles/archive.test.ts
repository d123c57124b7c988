import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, buybackContracts, buybackPayments, exitApplications, unitCases, unitEvents } from '../../db/schema.js';
import { validateUnitArchive } from '../../archive/validate.js';
import { ownedWorld, type OwnedWorld } from '../closed-loop/testing.js';
import { refusal } from '../contracts/testing.js';
import { listOwnedUnits, postFundEntry, supersedeTitle, unitArchive, unitRecord } from './index.js';

/** Unit 0 after a lease case, an inheritance, a buyback exit with its contract and payments, and the fund refunded. */
async function richHistory(h: DbHandle, w: OwnedWorld) {
  const o = w.owned[0]!;
  const by = w.actors.lixia.accountId;
  const at = w.clock.now();
  const [lease] = await h.db.insert(unitEvents).values({
    unitId: o.unitId, titleId: o.titleId, kind: 'lease', occurredOn: '2026-05-01', evidence: [{ kind: 'inspection', ref: 'XJ-2026-01', note: '现场核查' }], recordedBy: by, recordedAt: at,
  }).returning();
  await h.db.insert(unitCases).values({ caseNo: 'AJ2026000001', unitId: o.unitId, eventId: lease!.id, kind: 'lease', status: 'rectified', openedOn: '2026-05-01', closedOn: '2026-05-20', resolution: '已解除租赁' });
  const { current } = await h.db.transaction((tx) => supersedeTitle(tx, w.staff, {
    unitId: o.unitId, on: '2026-06-01',
    newTitle: { certificateNo: '鲁(2026)济南市不动产权第5000001号', issuedOn: '2026-06-10', origin: 'inheritance', holder: { kind: 'person', name: '赵继承', idNumber: '370102199202023456' } },
  }));
  await h.db.insert(unitEvents).values({
    unitId: o.unitId, titleId: o.titleId, kind: 'inheritance', occurredOn: '2026-06-01', newTitleId: current.id, evidence: [{ kind: 'document', ref: '继承公证书（2026）济证字第1号' }], recordedBy: by, recordedAt: at,
  });
  const [exit] = await h.db.insert(exitApplications).values({
    exitNo: 'TC2028000001', unitId: o.unitId, projectId: w.project.id, titleId: current.id, route: 'buyback', origin: 'family', status: 'contracted',
    eligibility: { value: { eligible: true } }, submittedOn: '2028-07-01', submittedBy: by, acceptedOn: '2028-07-05', dueOn: '2029-01-05', priceFen: 70_000_000,
  }).returning();
  const [bc] = await h.db.insert(buybackContracts).values({
    contractNo: 'HG2028000001', exitId: exit!.id, priceFen: 70_000_000, outstandingLoanFen: 30_000_000, lender: '公积金中心', schedule: {}, vacateByOn: '2028-09-01',
    modelVersion: 'test', status: 'signed', generatedAt: at, signedAt: at,
  }).returning();
  await h.db.insert(buybackPayments).values([
    { contractId: bc!.id, stage: 'first', payee: 'lender', amountFen: 7_000_000, paidOn: '2028-07-20', reference: 'FK-1', recordedBy: by, recordedAt: at },
  ]);
  await h.db.transaction((tx) => postFundEntry(tx, {
    accountId: o.fundAccountId, kind: 'refund', amountFen: 1_080_000, occurredOn: '2028-08-01', reference: 'TC2028000001', memo: '回购退还维修资金', recordedBy: by, at,
  }));
}

describe.each(TEST_DB_KINDS)('第二十一条 the unit dossier, the owned list and the archive export on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await ownedWorld(h, { owners: 2, families: 3, units: 4 });
    w.clock.set('2026-04-01');
  });
  afterAll(() => h.close());

  it('第二十一条: staff read the dossier naming the holder, audited; the implementer sees it masked; another district is refused', async () => {
    const o = w.owned[1]!;
    const r = await unitRecord(w.staff, o.unitId);
    expect(r.title).toMatchObject({ certificateNo: o.certificateNo, nature: '配售型保障性住房', landNature: '划拨', holderName: '业主乙' });
    expect(r).toMatchObject({
      building: { name: '1号楼', completedOn: '2025-12-01' }, contract: { contractNo: o.contractNo, deliveredOn: '2026-03-15', priceFen: 72_000_000 },
      earliestExitOn: '2028-03-20', fund: { accountNo: 'WX370102000002', balanceFen: 1_080_000 }, events: [], cases: [], exits: [],
    });
    expect(r.titleHistory).toHaveLength(1);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, 'unit.record.read'));
    expect(audit.map((a) => a.targetId)).toEqual([o.unitId]);
    const masked = await unitRecord(w.implementerCtx, o.unitId);
    expect(masked.title).not.toHaveProperty('holderName');
    expect(JSON.stringify(masked)).not.toContain('业主乙');
    expect((await refusal(unitRecord(w.ctxAs(w.actors.licheng), o.unitId))).http).toBe(403);
    expect((await refusal(unitRecord(w.ctxAs(w.families[1]!.actor), o.unitId))).http).toBe(403);
  });

  it('第二十四条: the owned list gives each titled unit in scope its masked holder, certificate, earliest exit date and fund balance', async () => {
    const list = await listOwnedUnits(w.staff, {});
    expect(list.map((u) => u.certificateNo)).toEqual(w.owned.map((o) => o.certificateNo));
    expect(list[0]).toMatchObject({ unitLabel: '1号楼101室', holderMaskedName: '业*', issuedOn: '2026-03-20', earliestExitOn: '2028-03-20', fundBalanceFen: 1_080_000, openCases: 0, openExit: null });
    expect(await listOwnedUnits(w.ctxAs(w.actors.licheng), {})).toEqual([]);
    expect(await listOwnedUnits(w.city, { q: w.owned[1]!.certificateNo.slice(-9) })).toHaveLength(1);
    expect(await listOwnedUnits(w.implementerCtx, { projectId: w.project.id })).toHaveLength(2);
    expect((await refusal(listOwnedUnits(w.ctxAs(w.families[0]!.actor), {}))).http).toBe(403);
  });

  it('第二十一条: a rich archive (a case, an inheritance, a buyback with payments, the fund refunded) validates, with fen and yuan, labels and no names by default', async () => {
    w.clock.set('2028-08-02');
    await richHistory(h, w);
    const doc = await unitArchive(w.staff, w.owned[0]!.unitId) as Record<string, any>;
    expect(validateUnitArchive(doc)).toEqual({ ok: true });
    expect(doc).toMatchObject({ format: 'unit-archive', version: '1.0.0', personalData: 'masked', exporter: { system: '泉城安居' } });
    expect(doc.titles.map((t: { origin: string; current: boolean }) => [t.origin, t.current])).toEqual([['first_sale', false], ['inheritance', true]]);
    expect(doc.buyers.map((b: { role: string; maskedName: string }) => [b.role, b.maskedName])).toEqual([['purchaser', '张*0'], ['holder', '赵*承']]);
    expect(doc.maintenanceFund).toMatchObject({ depositsFen: 1_080_000, depositsYuan: '10800.00', refundsFen: 1_080_000, balanceFen: 0, balanceYuan: '0.00' });
    expect(doc.payments.buyback[0]).toMatchObject({ exitNo: 'TC2028000001', priceYuan: '700000.00', payments: [{ stage: 'first', payee: 'lender', amountFen: 7_000_000 }] });
    expect(doc.events.map((e: { kind: string }) => e.kind)).toEqual(['lease', 'inheritance']);
    expect(doc.cases[0]).toMatchObject({ caseNo: 'AJ2026000001', status: 'rectified' });
    expect(doc.exits[0]).toMatchObject({ exitNo: 'TC2028000001', status: 'contracted', dueOn: '2029-01-05' });
    expect(doc.labels.titleOrigin.inheritance).toBe('继承');
    const text = JSON.stringify(doc);
    for (const secret of ['赵继承', '370102199202023456', '业主甲']) expect(text).not.toContain(secret);
  });

  it('a broken archive does not validate: a missing section, money as a number in yuan, an unknown code, a land nature other than 划拨', async () => {
    const doc = await unitArchive(w.staff, w.owned[0]!.unitId) as Record<string, any>;
    const broken = (f: (d: any) => void) => { const d = structuredClone(doc); f(d); return validateUnitArchive(d); };
    expect(broken((d) => { delete d.maintenanceFund; })).toMatchObject({ ok: false });
    expect(broken((d) => { d.contract.priceYuan = 720000; })).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.objectContaining({ path: '/contract/priceYuan' })]) });
    expect(broken((d) => { d.contract.priceFen = 7200.5; })).toMatchObject({ ok: false });
    expect(broken((d) => { d.exits[0].status = 'sold'; })).toMatchObject({ ok: false });
    expect(broken((d) => { d.titles[0].landNature = '出让'; })).toMatchObject({ ok: false });
    expect(broken((d) => { d.buyers[0].idBlind = 'abc'; })).toMatchObject({ ok: false });
  });

  it('full names and ID numbers only for city staff, audited with the mode', async () => {
    expect((await refusal(unitArchive(w.staff, w.owned[0]!.unitId, { full: true }))).http).toBe(403);
    const doc = await unitArchive(w.city, w.owned[0]!.unitId, { full: true }) as Record<string, any>;
    expect(validateUnitArchive(doc)).toEqual({ ok: true });
    expect(doc.personalData).toBe('full');
    expect(doc.buyers.map((b: { name: string }) => b.name)).toEqual(['业主甲', '赵继承']);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, 'unit.archive.export'));
    expect(audits.map((a) => (a.detail as { personalData: string }).personalData)).toEqual(['masked', 'masked', 'full']);
  });
});
