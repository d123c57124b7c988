/**
 * The whole buyback (第二十七至二十九条) on both databases: accepted exit → contract from the model
 * text → signing (PDF hash kept) → first payment (the lender first) → vacating → transfer to the
 * government → balance → completion (fund refunded, unit bought back, family exited, resale offer)
 * → reconciliation balanced; and the same with no loan.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import {
  activePersons, applicationEvents, applications, auditLog, buybackPayments, exitApplications, fundLedger, notifications, resaleOffers,
  selections, titles, units,
} from '../../db/schema.js';
import { extractText, hasPdftotext } from '../../documents/pdf-inspect.js';
import { ownedWorld, type OwnedWorld } from '../closed-loop/testing.js';
import { refusal } from '../contracts/testing.js';
import {
  buybackContractPdf, buybackReconciliation, completeBuyback, generateBuybackContract, recordBuybackPayment, recordVacatingItem,
  registerBuybackTransfer, signBuybackContract,
} from './index.js';
import { acceptedBuyback, BUYBACK_DAY } from './testing.js';

const ITEMS = ['utilities', 'heating', 'gas', 'property_fees', 'hukou_moved'] as const;
const LOAN = 50_000_000;

describe.each(TEST_DB_KINDS)('the buyback from contract to reconciliation (第二十七至二十九条) on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  let exitId: string;
  let contractId: string;
  let priceFen: number;
  let signedSha: string;
  beforeAll(async () => {
    h = await openTestDbOf(kind, { poolSize: 4 });
    w = await ownedWorld(h, { owners: 2 });
    w.clock.set(BUYBACK_DAY);
    // The family's persons, held as submitting the application holds them (the fixture writes admitted families directly).
    await h.db.insert(activePersons).values({ idBlind: 'blind-owner-0', applicationId: w.families[0]!.applicationId, since: w.clock.now() });
    const exit = await acceptedBuyback(h, w, 0);
    exitId = exit.id;
    priceFen = exit.priceFen!;
  });
  afterAll(() => h?.close());

  it('第二十六条: a vacating day after the exit\'s due date, and a loan without its lender, are refused naming the field', async () => {
    const late = await refusal(generateBuybackContract(w.staff, { exitId, outstandingLoanFen: LOAN, lender: '济南住房公积金中心', vacateByOn: '2028-10-11' }));
    expect(late).toMatchObject({ http: 400, field: 'vacateByOn' });
    expect(late.message_zh).toContain('2028-10-10');
    expect(await refusal(generateBuybackContract(w.staff, { exitId, outstandingLoanFen: LOAN, vacateByOn: '2028-08-31' }))).toMatchObject({ http: 400, field: 'lender' });
    expect(await refusal(generateBuybackContract(w.staff, { exitId, outstandingLoanFen: priceFen + 1, lender: '某银行', vacateByOn: '2028-08-31' }))).toMatchObject({ http: 400, field: 'outstandingLoanFen' });
    expect(await refusal(generateBuybackContract(w.staff, { exitId, outstandingLoanFen: -1, vacateByOn: '2028-08-31' }))).toMatchObject({ http: 400, field: 'outstandingLoanFen' });
  });

  it('第二十八条: another district\'s staff and the auditor cannot draw up the contract', async () => {
    expect((await refusal(generateBuybackContract(w.ctxAs(w.actors.licheng), { exitId, outstandingLoanFen: 0, vacateByOn: '2028-08-31' }))).http).toBe(403);
    expect((await refusal(generateBuybackContract(w.auditor, { exitId, outstandingLoanFen: 0, vacateByOn: '2028-08-31' }))).http).toBe(403);
  });

  it('第二十八、二十九条: the contract takes the valuation\'s price, numbers itself 回购〔YYYY〕N号 and splits the price 10% first, the lender first', async () => {
    const c = await generateBuybackContract(w.staff, { exitId, outstandingLoanFen: LOAN, lender: '济南住房公积金中心', vacateByOn: '2028-08-31' });
    contractId = c.id;
    expect(c.contractNo).toMatch(/^回购〔2028〕\d+号$/);
    expect(c.priceFen).toBe(priceFen);
    const first = Math.round(priceFen / 10);
    expect(c.schedule).toMatchObject({ first, balance: priceFen - first, firstToLender: first, firstToFamily: 0, balanceToLender: LOAN - first, balanceToFamily: priceFen - LOAN, firstShare: '0.10' });
    // The same terms again are a retry; new terms before signing keep the number.
    expect((await generateBuybackContract(w.staff, { exitId, outstandingLoanFen: LOAN, lender: '济南住房公积金中心', vacateByOn: '2028-08-31' })).generatedAt).toEqual(c.generatedAt);
    const redrawn = await generateBuybackContract(w.staff, { exitId, outstandingLoanFen: LOAN, lender: '济南住房公积金中心', vacateByOn: '2028-09-30' });
    expect(redrawn).toMatchObject({ id: c.id, contractNo: c.contractNo, vacateByOn: '2028-09-30', status: 'generated' });
  });

  it('第二十九条: no payment before signing', async () => {
    expect(await refusal(recordBuybackPayment(w.staff, { contractId, stage: 'first', paidOn: BUYBACK_DAY, reference: 'HG-1' }))).toMatchObject({ http: 409, code: 'BUYBACK_NOT_SIGNED' });
  });

  it('signing keeps the PDF\'s SHA-256 and makes the exit contracted; the PDF re-renders to those bytes, as an audited read naming the family', async () => {
    const s = await signBuybackContract(w.staff, { id: contractId });
    expect(s.status).toBe('signed');
    signedSha = s.pdfSha256!;
    expect((await signBuybackContract(w.staff, { id: contractId })).pdfSha256).toBe(signedSha);
    const [exit] = await h.db.select().from(exitApplications).where(eq(exitApplications.id, exitId));
    expect(exit!.status).toBe('contracted');
    const pdf = await buybackContractPdf(w.auditor, contractId);
    expect(pdf.sha256).toBe(signedSha);
    expect(createHash('sha256').update(pdf.pdf).digest('hex')).toBe(signedSha);
    expect(pdf.matchesSigned).toBe(true);
    const reads = await h.db.select().from(auditLog).where(eq(auditLog.action, 'buyback.contract.pdf.read'));
    expect(reads.at(-1)!.detail).toMatchObject({ applicationId: w.families[0]!.applicationId });
    expect(await refusal(generateBuybackContract(w.staff, { exitId, outstandingLoanFen: 0, vacateByOn: '2028-09-30' }))).toMatchObject({ http: 409, code: 'BUYBACK_SIGNED' });
  });

  it.runIf(hasPdftotext())('第二十七条: the PDF prints every input, parameter and component of the valuation, the parties and the draft status', async () => {
    const text = extractText((await buybackContractPdf(w.staff, contractId)).pdf);
    for (const s of ['济南市配售型保障性住房回购合同', '平台草案', '历下区住房和城乡建设局', '业主甲', '原购房价款P0', '¥720,000.00', '购房款支付日', '房屋竣工日',
      '年折旧率d', '同期存款利率分档', '年计息天数', '房屋折旧年数A', '持有年限H', '适用存款利率r', '物价水平系数K', '济南住房公积金中心', '2028年9月30日']) {
      expect(text).toContain(s);
    }
  });

  it('第二十九条: the first payment, a loan larger than it, goes wholly to the lender; a retry books nothing new; another reference is 409', async () => {
    const r = await recordBuybackPayment(w.staff, { contractId, stage: 'first', paidOn: BUYBACK_DAY, reference: 'HG-1' });
    expect(r.payments.map((p) => [p.payee, p.amountFen])).toEqual([['lender', Math.round(priceFen / 10)]]);
    const again = await recordBuybackPayment(w.staff, { contractId, stage: 'first', paidOn: BUYBACK_DAY, reference: 'HG-1' });
    expect(again).toMatchObject({ booked: false });
    expect(again.payments.map((p) => p.id)).toEqual(r.payments.map((p) => p.id));
    expect(await refusal(recordBuybackPayment(w.staff, { contractId, stage: 'first', paidOn: BUYBACK_DAY, reference: 'HG-2' }))).toMatchObject({ http: 409, code: 'STAGE_BOOKED' });
    // Buyback money is the city's buyback fund, not the project's ledger.
    expect(await h.db.select().from(fundLedger).where(eq(fundLedger.reference, 'HG-1'))).toEqual([]);
  });

  it('第二十九条: the balance waits for the transfer registration and every vacating item, naming what is missing', async () => {
    await recordVacatingItem(w.staff, { exitId, item: 'utilities', doneOn: BUYBACK_DAY, evidence: { ref: '国网济南 结清单 001' } });
    const e = await refusal(recordBuybackPayment(w.staff, { contractId, stage: 'balance', paidOn: BUYBACK_DAY, reference: 'HG-3' }));
    expect(e).toMatchObject({ http: 409, code: 'BALANCE_NOT_DUE' });
    expect(e.details!.missing).toEqual(['transfer_registration', 'vacating.heating', 'vacating.gas', 'vacating.property_fees', 'vacating.hukou_moved']);
  });

  it('第二十九条: vacating items are recorded once each with evidence; an unknown item or a future day is 400', async () => {
    expect(await refusal(recordVacatingItem(w.staff, { exitId, item: 'garden', doneOn: BUYBACK_DAY, evidence: { ref: 'x' } }))).toMatchObject({ http: 400, field: 'item' });
    expect(await refusal(recordVacatingItem(w.staff, { exitId, item: 'gas', doneOn: '2028-04-11', evidence: { ref: 'x' } }))).toMatchObject({ http: 400, field: 'doneOn' });
    expect(await refusal(recordVacatingItem(w.staff, { exitId, item: 'utilities', doneOn: BUYBACK_DAY, evidence: { ref: '另一张单' } }))).toMatchObject({ http: 409, code: 'VACATING_RECORDED' });
    let state;
    for (const item of ITEMS.slice(1)) state = await recordVacatingItem(w.staff, { exitId, item, doneOn: BUYBACK_DAY, evidence: { ref: `${item}-001`, note: '已结清' } });
    expect(state).toMatchObject({ complete: true, missing: [] });
  });

  it('第二十九条: the title passes to the government (origin buyback) through a new certificate; a retry is the same, another certificate 409', async () => {
    const t = await registerBuybackTransfer(w.staff, { exitId, certificateNo: '鲁(2028)济南市不动产权第3000001号', issuedOn: BUYBACK_DAY });
    expect(t).toMatchObject({ registered: true, previousCertificateNo: w.owned[0]!.certificateNo });
    expect((await registerBuybackTransfer(w.staff, { exitId, certificateNo: '鲁(2028)济南市不动产权第3000001号', issuedOn: BUYBACK_DAY })).registered).toBe(false);
    expect(await refusal(registerBuybackTransfer(w.staff, { exitId, certificateNo: '鲁(2028)济南市不动产权第3000002号', issuedOn: BUYBACK_DAY }))).toMatchObject({ http: 409, code: 'TRANSFER_REGISTERED' });
    const [cur] = await h.db.select().from(titles).where(and(eq(titles.unitId, w.owned[0]!.unitId), isNull(titles.supersededOn)));
    expect(cur).toMatchObject({ holderKind: 'government', origin: 'buyback', exitId, holderApplicationId: null });
  });

  it('completion needs the balance booked', async () => {
    expect(await refusal(completeBuyback(w.staff, { exitId }))).toMatchObject({ http: 409, code: 'BALANCE_NOT_PAID' });
  });

  it('第二十九条: the balance clears the rest of the loan, then pays the family', async () => {
    const r = await recordBuybackPayment(w.staff, { contractId, stage: 'balance', paidOn: BUYBACK_DAY, reference: 'HG-3' });
    const first = Math.round(priceFen / 10);
    expect(r.payments.map((p) => [p.payee, p.amountFen])).toEqual([['lender', LOAN - first], ['family', priceFen - LOAN]]);
  });

  it('第二十九条第二款、第二十四条、第三十条: completion refunds the fund, buys back the unit, releases the selection without offering the unit, exits the family and opens the resale offer', async () => {
    const app0 = w.families[0]!.applicationId;
    expect(await h.db.select().from(activePersons).where(eq(activePersons.applicationId, app0))).toHaveLength(1);
    const done = await completeBuyback(w.staff, { exitId });
    expect(done).toMatchObject({ status: 'completed', completedOn: BUYBACK_DAY, refundedFen: 1_080_000, applicationStatus: 'exited' });
    expect(await completeBuyback(w.staff, { exitId })).toEqual(done);
    const [u] = await h.db.select().from(units).where(eq(units.id, w.owned[0]!.unitId));
    expect(u!.status).toBe('bought_back');
    const [sel] = await h.db.select().from(selections).where(eq(selections.unitId, w.owned[0]!.unitId));
    expect(sel).toMatchObject({ status: 'released', releaseReason: 'bought_back' });
    expect((await h.db.select().from(applications).where(eq(applications.id, app0)))[0]!.status).toBe('exited');
    expect(await h.db.select().from(activePersons).where(eq(activePersons.applicationId, app0))).toEqual([]);
    const ev = await h.db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, app0), eq(applicationEvents.kind, 'exited')));
    expect(ev[0]).toMatchObject({ fromStatus: 'purchased', toStatus: 'exited', article: '第二十四条' });
    const [offer] = await h.db.select().from(resaleOffers).where(eq(resaleOffers.exitId, exitId));
    expect(offer).toMatchObject({ status: 'renovating', buybackPriceFen: priceFen, maintenanceFundDueFen: 1_080_000 });
    const notes = await h.db.select().from(notifications).where(and(eq(notifications.accountId, w.families[0]!.actor.accountId), eq(notifications.channel, 'in_app')));
    expect(notes.map((n) => n.template)).toEqual(expect.arrayContaining(['buyback_contract_ready', 'buyback_contract_signed', 'buyback_paid', 'buyback_completed']));
  });

  it('the reconciliation balances to the fen: price = first + balance = Σ lender + Σ family, loan cleared, fund deposits − refunds = 0', async () => {
    const r = await buybackReconciliation(w.auditor, exitId);
    expect(r).toMatchObject({ settled: true, balanced: true, priceFen, outstandingLoanFen: LOAN });
    expect(r.booked).toMatchObject({ lender: LOAN, family: priceFen - LOAN, total: priceFen });
    expect(r.fund).toMatchObject({ depositsFen: 1_080_000, refundsFen: 1_080_000, balanceFen: 0, refundedAtBuybackFen: 1_080_000, resaleDueFen: 1_080_000 });
    expect(r.checks.map((c) => c.code)).toEqual(['price_is_first_plus_balance', 'schedule_clears_loan_first', 'first_booked_as_scheduled', 'balance_booked_as_scheduled', 'paid_in_full', 'loan_cleared', 'fund_refunded', 'resale_pays_in_the_refund']);
    // The signed PDF still re-renders to its bytes after payments, vacating and completion.
    expect((await buybackContractPdf(w.staff, contractId)).matchesSigned).toBe(true);
  });

  it('第二十九条 with no loan: every payment goes to the family, and the books balance', async () => {
    const exit = await acceptedBuyback(h, w, 1);
    const c = await generateBuybackContract(w.staff, { exitId: exit.id, outstandingLoanFen: 0, lender: '不应记录', vacateByOn: '2028-06-30' });
    expect(c.lender).toBeNull();
    await signBuybackContract(w.city, { id: c.id });
    // Two clerks book the same transfer at once: the contract's row lock lets one book it, the other finds it booked.
    const both = await Promise.all([0, 1].map(() => recordBuybackPayment(w.staff, { contractId: c.id, stage: 'first', paidOn: BUYBACK_DAY, reference: 'HG-B1' })));
    expect(both.map((b) => b.booked).sort()).toEqual([false, true]);
    expect(both[0]!.payments.map((p) => p.payee)).toEqual(['family']);
    for (const item of ITEMS) await recordVacatingItem(w.staff, { exitId: exit.id, item, doneOn: BUYBACK_DAY, evidence: { ref: `B-${item}` } });
    await registerBuybackTransfer(w.staff, { exitId: exit.id, certificateNo: '鲁(2028)济南市不动产权第3000003号', issuedOn: BUYBACK_DAY });
    await recordBuybackPayment(w.staff, { contractId: c.id, stage: 'balance', paidOn: BUYBACK_DAY, reference: 'HG-B2' });
    await completeBuyback(w.staff, { exitId: exit.id });
    const rows = await h.db.select().from(buybackPayments).where(eq(buybackPayments.contractId, c.id));
    expect(rows.every((p) => p.payee === 'family')).toBe(true);
    const r = await buybackReconciliation(w.staff, exit.id);
    expect(r).toMatchObject({ balanced: true, settled: true, booked: { lender: 0, family: exit.priceFen, total: exit.priceFen } });
  });
});
