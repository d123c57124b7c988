import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, contracts, titles } from '../../db/schema.js';
import { verifyAuditChain } from '../../audit/index.js';
import { ownedWorld, type OwnedWorld } from '../closed-loop/testing.js';
import { refusal } from '../contracts/testing.js';
import { holderInFull, recordDelivery, registerTitle, supersedeTitle } from './index.js';
import { signedNotDelivered } from './testing.js';

describe.each(TEST_DB_KINDS)('第十八条 delivery and title registration on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  let s: Awaited<ReturnType<typeof signedNotDelivered>>;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await ownedWorld(h, { owners: 1, families: 4, units: 6 });
    s = await signedNotDelivered(h, w, 2, '王建国');
    w.clock.set('2026-04-10');
  });
  afterAll(() => h.close());
  const licheng = () => w.ctxAs(w.actors.licheng);

  it('交房: only the project\'s implementer or staff of its level record delivery; dates in the future or before signing are refused naming deliveredOn', async () => {
    expect((await refusal(recordDelivery(licheng(), { contractId: s.contractId, deliveredOn: '2026-04-01' }))).http).toBe(403);
    expect((await refusal(recordDelivery(w.ctxAs(w.families[2]!.actor), { contractId: s.contractId, deliveredOn: '2026-04-01' }))).http).toBe(403);
    expect((await refusal(recordDelivery(w.auditor, { contractId: s.contractId, deliveredOn: '2026-04-01' }))).http).toBe(403);
    const future = await refusal(recordDelivery(w.implementerCtx, { contractId: s.contractId, deliveredOn: '2026-04-11' }));
    expect([future.http, future.field]).toEqual([400, 'deliveredOn']);
    const early = await refusal(recordDelivery(w.implementerCtx, { contractId: s.contractId, deliveredOn: '2026-03-01' }));
    expect([early.http, early.field]).toEqual([400, 'deliveredOn']);
    expect(early.message_zh).toContain('2026-03-02');
  });

  it('第十八条: a title cannot be registered before delivery (409 NOT_DELIVERED)', async () => {
    const e = await refusal(registerTitle(w.staff, { unitId: s.unitId, contractId: s.contractId, certificateNo: '鲁(2026)济南市不动产权第2000001号', issuedOn: '2026-04-05' }));
    expect([e.http, e.code]).toEqual([409, 'NOT_DELIVERED']);
  });

  it('交房 is recorded once: the same date again answers the same, another date is 409', async () => {
    const d = await recordDelivery(w.implementerCtx, { contractId: s.contractId, deliveredOn: '2026-04-01' });
    expect(d).toMatchObject({ contractNo: s.contractNo, deliveredOn: '2026-04-01', deliveredBy: w.implementer.accountId });
    const audits = (await h.db.select().from(auditLog).where(eq(auditLog.action, 'contract.deliver'))).length;
    expect(await recordDelivery(w.staff, { contractId: s.contractId, deliveredOn: '2026-04-01' })).toEqual(d);
    expect((await h.db.select().from(auditLog).where(eq(auditLog.action, 'contract.deliver'))).length).toBe(audits);
    const again = await refusal(recordDelivery(w.implementerCtx, { contractId: s.contractId, deliveredOn: '2026-04-02' }));
    expect([again.http, again.code, again.field]).toEqual([409, 'ALREADY_DELIVERED', 'deliveredOn']);
  });

  it('第十八条: issuedOn before delivery or after today is refused naming issuedOn; the contract must be this unit\'s', async () => {
    const before = await refusal(registerTitle(w.staff, { unitId: s.unitId, contractId: s.contractId, certificateNo: 'X-1', issuedOn: '2026-03-31' }));
    expect([before.http, before.field]).toEqual([400, 'issuedOn']);
    const future = await refusal(registerTitle(w.staff, { unitId: s.unitId, contractId: s.contractId, certificateNo: 'X-1', issuedOn: '2026-04-11' }));
    expect([future.http, future.field]).toEqual([400, 'issuedOn']);
    const other = await refusal(registerTitle(w.staff, { unitId: w.unitIds[0]!, contractId: s.contractId, certificateNo: 'X-1', issuedOn: '2026-04-05' }));
    expect([other.http, other.field]).toEqual([400, 'contractId']);
    expect((await refusal(registerTitle(w.implementerCtx, { unitId: s.unitId, contractId: s.contractId, certificateNo: 'X-1', issuedOn: '2026-04-05' }))).http).toBe(403);
    expect((await refusal(registerTitle(licheng(), { unitId: s.unitId, contractId: s.contractId, certificateNo: 'X-1', issuedOn: '2026-04-05' }))).http).toBe(403);
  });

  it('第十八条: the title states 配售型保障性住房 on 划拨 land in the name of the contract\'s family (masked), with the applicant\'s ID blind index; a retry answers the same', async () => {
    const input = { unitId: s.unitId, contractId: s.contractId, certificateNo: '鲁(2026)济南市不动产权第2000001号', issuedOn: '2026-04-05' };
    const t = await registerTitle(w.staff, input);
    expect(t).toMatchObject({
      certificateNo: input.certificateNo, nature: '配售型保障性住房', landNature: '划拨', origin: 'first_sale', issuedOn: '2026-04-05', supersededOn: null,
      holderKind: 'family', holderApplicationId: w.families[2]!.applicationId, holderMaskedName: '张*2',
    });
    const [row] = await h.db.select().from(titles).where(eq(titles.id, t.id));
    expect(row!.holderIdBlind).toBe(w.crypto.blindIndex(s.idNumber));
    expect(await h.db.transaction((tx) => holderInFull(tx, w.staff, row!))).toEqual({ name: '王建国', idNumber: s.idNumber });
    expect(await registerTitle(w.city, input)).toEqual(t);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, 'title.register'))).toHaveLength(1);
  });

  it('one current title per unit (409 TITLE_EXISTS) and a certificate number once (409 CERTIFICATE_TAKEN)', async () => {
    const e = await refusal(registerTitle(w.staff, { unitId: s.unitId, contractId: s.contractId, certificateNo: 'OTHER-1', issuedOn: '2026-04-05' }));
    expect([e.http, e.code]).toEqual([409, 'TITLE_EXISTS']);
    const t = await signedNotDelivered(h, w, 3);
    await h.db.update(contracts).set({ deliveredOn: '2026-04-02' }).where(eq(contracts.id, t.contractId));
    const taken = await refusal(registerTitle(w.staff, { unitId: t.unitId, contractId: t.contractId, certificateNo: w.owned[0]!.certificateNo, issuedOn: '2026-04-05' }));
    expect([taken.http, taken.code, taken.field]).toEqual([409, 'CERTIFICATE_TAKEN', 'certificateNo']);
  });

  it('第二十二条 via supersedeTitle: the heir\'s title replaces the old one, nature kept, the person\'s name encrypted; two changes at once leave one current title', async () => {
    const unitId = w.owned[0]!.unitId;
    const change = (no: string) => h.db.transaction((tx) => supersedeTitle(tx, w.staff, {
      unitId, on: '2026-04-08', newTitle: { certificateNo: no, issuedOn: '2026-04-09', origin: 'inheritance', holder: { kind: 'person', name: '李继承', idNumber: '370102199001011234' } },
    }));
    const results = await Promise.allSettled([change('鲁(2026)济南市不动产权第3000001号'), change('鲁(2026)济南市不动产权第3000002号')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const current = await h.db.select().from(titles).where(and(eq(titles.unitId, unitId), isNull(titles.supersededOn)));
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ nature: '配售型保障性住房', landNature: '划拨', origin: 'inheritance', holderKind: 'person', holderMaskedName: '李*承', holderMaskedId: '37**************34' });
    expect(current[0]!.holderEnc).not.toContain('李继承');
    expect(await h.db.transaction((tx) => holderInFull(tx, w.staff, current[0]!))).toEqual({ name: '李继承', idNumber: '370102199001011234' });
    const [old] = await h.db.select().from(titles).where(eq(titles.id, w.owned[0]!.titleId));
    expect(old).toMatchObject({ supersededOn: '2026-04-08', supersededBy: current[0]!.id });
    const dup = await refusal(h.db.transaction((tx) => supersedeTitle(tx, w.staff, {
      unitId, on: '2026-04-09', newTitle: { certificateNo: current[0]!.certificateNo, issuedOn: '2026-04-09', origin: 'divorce_division', holder: { kind: 'government' } },
    })));
    expect([dup.http, dup.code]).toEqual([409, 'CERTIFICATE_TAKEN']);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('第十一条 via supersedeTitle: a family that holds a bought unit cannot take another by transfer (409 FAMILY_HOLDS_UNIT)', async () => {
    const e = await refusal(h.db.transaction((tx) => supersedeTitle(tx, w.staff, {
      unitId: w.owned[0]!.unitId, on: '2026-04-10',
      newTitle: { certificateNo: 'T-9', issuedOn: '2026-04-10', origin: 'internal_transfer', holder: { kind: 'family', applicationId: w.families[2]!.applicationId } },
    })));
    expect([e.http, e.code]).toEqual([409, 'FAMILY_HOLDS_UNIT']);
  });
});
