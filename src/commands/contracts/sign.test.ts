import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import {
  applicationEvents, applications, auditLog, contracts, depositLedger, fundLedger, notifications, registrations, selections, units,
} from '../../db/schema.js';
import { verifyAuditChain } from '../../audit/index.js';
import { extractText, hasPdftotext } from '../../documents/pdf-inspect.js';
import { saleWorld, type SaleWorld } from '../sale/testing.js';
import { depositBalance, postDeposit } from '../deposits/ledger.js';
import { contractPdf, generateContract, listMyContracts, listProjectContracts, signContract } from './index.js';
import { familyHolding, holdUnit, paidRegistration, refusal, secondProject, withApplicantName } from './testing.js';

const PRICE = 72_000_000;

describe.each(TEST_DB_KINDS)('第十一条/第十四条 signing the contract on %s', (kind) => {
  let h: DbHandle;
  let w: SaleWorld;
  let other: Awaited<ReturnType<typeof secondProject>>;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await saleWorld(h, { units: 8, families: 5 });
    other = await secondProject(h, w);
  });
  afterAll(() => h.close());
  const fam = (i: number) => w.ctxAs(w.families[i]!.actor);
  const balance = (registrationId: string) => h.db.transaction((tx) => depositBalance(tx, registrationId));

  it('第十一条: signing credits the 认购金, closes and refunds the same family\'s registration in another project, sells the unit and records the proceeds (第十七条)', async () => {
    await withApplicantName(h, w, 0, '张明华');
    const { reg, sel } = await familyHolding(h, w, 0);
    const elsewhere = await paidRegistration(h, w, 0, other);
    expect((await balance(elsewhere.id)).held).toBe(1_000_000);
    const c = await generateContract(fam(0), { selectionId: sel.id, loanType: 'provident_fund', downPaymentFen: 10_800_000 });

    const s = await signContract(fam(0), { contractId: c.id });
    expect(s).toMatchObject({ id: c.id, status: 'signed', depositCreditedFen: 2_000_000, downPaymentFen: 10_800_000 });
    expect(s.pdfSha256).toMatch(/^[0-9a-f]{64}$/);

    // The registration here is signed and its 认购金 credited against the price under the contract number.
    expect((await h.db.select().from(registrations).where(eq(registrations.id, reg.id)))[0]!.status).toBe('signed');
    expect(await balance(reg.id)).toEqual({ paid: 2_000_000, credited: 2_000_000, refunded: 0, held: 0 });
    const credited = await h.db.select().from(depositLedger).where(eq(depositLedger.kind, 'credited'));
    expect(credited.map((r) => [r.reference, r.amountFen])).toEqual([[c.contractNo, 2_000_000]]);
    // The other project's registration is closed (第十一条: one unit only) and its 认购金 refunded.
    const closed = (await h.db.select().from(registrations).where(eq(registrations.id, elsewhere.id)))[0]!;
    expect(closed.status).toBe('closed');
    expect(closed.closedReason).toContain(c.contractNo);
    expect(await balance(elsewhere.id)).toMatchObject({ paid: 1_000_000, refunded: 1_000_000, held: 0 });

    expect((await h.db.select().from(selections).where(eq(selections.id, sel.id)))[0]!.status).toBe('signed');
    expect((await h.db.select().from(units).where(eq(units.id, sel.unitId)))[0]!.status).toBe('sold');
    const app = (await h.db.select().from(applications).where(eq(applications.id, w.families[0]!.applicationId)))[0]!;
    expect(app).toMatchObject({ status: 'purchased', purchasedOn: '2026-03-02' });
    expect((await h.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id))).map((e) => e.kind)).toContain('purchased');

    // 第十七条: the down payment (of which the credited 认购金 is part) enters the project's fund once.
    const fund = await h.db.select().from(fundLedger).where(eq(fundLedger.projectId, w.project.id));
    expect(fund.map((f) => [f.source, f.direction, f.amountFen, f.reference])).toEqual([['sales_proceeds', 'in', 10_800_000, c.contractNo]]);

    expect((await h.db.select().from(auditLog).where(eq(auditLog.action, 'contract.sign')))).toHaveLength(1);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    const note = (await h.db.select().from(notifications).where(and(eq(notifications.template, 'contract_signed'), eq(notifications.channel, 'in_app'))))[0]!;
    expect(note.body).toContain(c.contractNo);
    expect(note.body).toContain('20000.00');
  });

  it('signing twice is harmless: the same contract back, nothing booked again', async () => {
    const [c] = await h.db.select().from(contracts).where(eq(contracts.status, 'signed'));
    const count = async () => [
      (await h.db.select().from(depositLedger)).length, (await h.db.select().from(fundLedger)).length,
      (await h.db.select().from(auditLog)).length, (await h.db.select().from(notifications)).length,
    ];
    const before = await count();
    const again = await signContract(fam(0), { contractId: c!.id });
    expect(again).toMatchObject({ status: 'signed', pdfSha256: c!.pdfSha256 });
    expect(await count()).toEqual(before);
  });

  it('two signings at once: both answer the signed contract, the 认购金 is credited once and the proceeds posted once', async () => {
    const { reg, sel } = await familyHolding(h, w, 3);
    const c = await generateContract(fam(3), { selectionId: sel.id, loanType: 'commercial', downPaymentFen: 14_400_000 });
    const [a, b] = await Promise.all([signContract(fam(3), { contractId: c.id }), signContract(fam(3), { contractId: c.id })]);
    expect(a.status).toBe('signed');
    expect(b).toEqual(a);
    expect(await h.db.select().from(depositLedger).where(and(eq(depositLedger.registrationId, reg.id), eq(depositLedger.kind, 'credited')))).toHaveLength(1);
    expect(await h.db.select().from(fundLedger).where(eq(fundLedger.reference, c.contractNo))).toHaveLength(1);
  });

  it('第十一条: the 认购金 is credited up to the down payment; what is held beyond it (a double payment) is refunded at signing', async () => {
    const { reg, sel } = await familyHolding(h, w, 4);
    // A cheap unit whose whole down payment is the ¥20,000 认购金.
    await h.db.update(units).set({ priceFen: 10_000_000 }).where(eq(units.id, sel.unitId));
    const c = await generateContract(fam(4), { selectionId: sel.id, loanType: 'provident_fund', downPaymentFen: 2_000_000 });
    await h.db.transaction((tx) => postDeposit(tx, {
      projectId: w.project.id, registrationId: reg.id, kind: 'paid', amountFen: 2_000_000, reference: 'SIMTX-twice', reason: '重复缴纳（测试）', at: w.clock.now(),
    }));
    const s = await signContract(fam(4), { contractId: c.id });
    expect(s.depositCreditedFen).toBe(2_000_000);
    expect(await balance(reg.id)).toEqual({ paid: 4_000_000, credited: 2_000_000, refunded: 2_000_000, held: 0 });
    expect((await h.db.select().from(depositLedger).where(eq(depositLedger.reference, `XS-${reg.regNo}`))).map((r) => r.amountFen)).toEqual([2_000_000]);
  });

  it('the signed PDF is reproducible: rendered again it has the SHA-256 kept at signing, and it prints the buyer, unit, price in 大写 and the articles', async () => {
    const [c] = await h.db.select().from(contracts).where(eq(contracts.applicationId, w.families[0]!.applicationId));
    const p = await contractPdf(fam(0), { contractId: c!.id });
    expect(p.sha256).toBe(c!.pdfSha256);
    expect(p.matchesSigned).toBe(true);
    if (!hasPdftotext()) return;
    const text = extractText(p.pdf);
    for (const s of [
      c!.contractNo, '买受人（乙方）：张明华', '济南安居置业有限公司', '泉城安居·历下苑', '1号楼/1层/101', '90.00平方米',
      '¥720,000.00', '人民币柒拾贰万元整', '¥108,000.00', '人民币壹拾万捌仟元整', '认购金折抵', '¥20,000.00', '住房公积金贷款',
      '配售通告〔2026〕1号', '价批-JN-2026-001', '签约日期：2026年3月2日', '第十三条', '第十八条', '第二十四条',
    ]) expect(text).toContain(s);
  });

  it('a family cannot sign another family\'s contract (404); staff read the PDF only in their scope, audited', async () => {
    const [c] = await h.db.select().from(contracts).where(eq(contracts.applicationId, w.families[0]!.applicationId));
    expect(await refusal(signContract(fam(1), { contractId: c!.id }))).toMatchObject({ http: 404 });
    expect(await refusal(contractPdf(fam(1), { contractId: c!.id }))).toMatchObject({ http: 404 });
    expect(await refusal(contractPdf(w.ctx('licheng'), { contractId: c!.id }))).toMatchObject({ http: 403 });
    const before = (await h.db.select().from(auditLog).where(eq(auditLog.action, 'contract.pdf.read'))).length;
    await contractPdf(w.ctx('lixia'), { contractId: c!.id });
    expect((await h.db.select().from(auditLog).where(eq(auditLog.action, 'contract.pdf.read'))).length).toBe(before + 1);
  });

  it('signing after the deadline is refused (409) even before the lapse job has run; on the deadline day it is still allowed', async () => {
    const { sel } = await familyHolding(h, w, 1);
    const c = await generateContract(fam(1), { selectionId: sel.id, loanType: 'commercial', downPaymentFen: 30_000_000 });
    expect(c.deadlineOn).toBe('2026-03-09');
    w.clock.set('2026-03-10');
    try {
      expect(await refusal(signContract(fam(1), { contractId: c.id }))).toMatchObject({ code: 'CONTRACT_DEADLINE_PASSED', http: 409 });
      expect((await h.db.select().from(units).where(eq(units.id, sel.unitId)))[0]!.status).toBe('reserved');
      w.clock.set('2026-03-09');
      expect((await signContract(fam(1), { contractId: c.id })).status).toBe('signed');
    } finally {
      w.clock.set('2026-03-02');
    }
  });

  it('第十六条: a rolling-sale contract has no registration and credits nothing; the proceeds are the down payment', async () => {
    const sel = await holdUnit(h, w, 2, w.unitIds[2]!, null);
    const c = await generateContract(fam(2), { selectionId: sel.id, loanType: 'none', downPaymentFen: PRICE });
    const s = await signContract(fam(2), { contractId: c.id });
    expect(s).toMatchObject({ status: 'signed', depositCreditedFen: 0, loanFen: 0 });
    expect(await h.db.select().from(depositLedger).where(eq(depositLedger.reference, c.contractNo))).toHaveLength(0);
    const fund = await h.db.select().from(fundLedger).where(eq(fundLedger.reference, c.contractNo));
    expect(fund.map((f) => f.amountFen)).toEqual([PRICE]);
  });

  it('lists: the family sees its own contracts; the implementer and district staff see the project\'s with masked buyers; other districts are refused', async () => {
    const mine = await listMyContracts(fam(0));
    expect(mine.map((c) => c.status)).toEqual(['signed']);
    expect(mine[0]!.unit).toMatchObject({ building: '1号楼', number: '101' });
    expect(mine[0]!.buyer).toBeUndefined();
    const all = await listProjectContracts(w.implementerCtx, { projectId: w.project.id });
    expect(all).toHaveLength(5);
    expect(all.every((c) => c.buyer?.maskedName?.includes('*'))).toBe(true);
    expect(await listProjectContracts(w.ctx('lixia'), { projectId: w.project.id, status: 'signed' })).toHaveLength(5);
    expect(await refusal(listProjectContracts(w.ctx('licheng'), { projectId: w.project.id }))).toMatchObject({ http: 403 });
    expect(await refusal(listProjectContracts(fam(0), { projectId: w.project.id }))).toMatchObject({ http: 403 });
  });
});
