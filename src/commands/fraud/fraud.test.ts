import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import {
  activePersons, applications, auditLog, contracts, exitApplications, fraudDecisions, fundLedger, notices, notifications, registrations, selections, units,
} from '../../db/schema.js';
import { ownedWorld, type OwnedWorld } from '../closed-loop/testing.js';
import { familyHolding, refusal, withApplicantName } from '../contracts/testing.js';
import { generateContract, signContract } from '../contracts/index.js';
import { depositBalance } from '../deposits/ledger.js';
import { decideFraud } from './index.js';

const evidence = [{ kind: 'data_check' as const, ref: '不动产登记中心 函〔2026〕12号', note: '申请时隐瞒名下住房一套' }];

describe.each(TEST_DB_KINDS)('第三十一条 fraud decisions on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  let held: Awaited<ReturnType<typeof familyHolding>>;
  let signedId: string;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await ownedWorld(h, { owners: 2, families: 4 });
    held = await familyHolding(h, w, 2);
    await withApplicantName(h, w, 3, '业主丁');
    const { sel } = await familyHolding(h, w, 3);
    const fam3 = w.ctxAs(w.families[3]!.actor);
    const c = await generateContract(fam3, { selectionId: sel.id, loanType: 'provident_fund', downPaymentFen: 10_800_000 });
    signedId = (await signContract(fam3, { contractId: c.id })).id;
    w.clock.set('2026-06-01');
  });
  afterAll(() => h.close());
  const app = async (i: number) => (await h.db.select().from(applications).where(eq(applications.id, w.families[i]!.applicationId)))[0]!;

  it('第三十一条: staff of another district and the auditor cannot decide; an action that does not match the stage is refused with 409; nothing changes', async () => {
    const input = { applicationId: w.families[2]!.applicationId, finding: '隐瞒名下住房', evidence };
    expect(await refusal(decideFraud(w.ctxAs(w.actors.licheng), input))).toMatchObject({ http: 403 });
    expect(await refusal(decideFraud(w.auditor, input))).toMatchObject({ http: 403 });
    expect(await refusal(decideFraud(w.staff, { ...input, action: 'rescind_contract' }))).toMatchObject({ http: 409, code: 'FRAUD_ACTION_MISMATCH', field: 'action', details: { action: 'cancel_qualification' } });
    expect(await refusal(decideFraud(w.staff, { ...input, evidence: [] }))).toMatchObject({ http: 400, field: 'evidence' });
    expect(await h.db.select().from(fraudDecisions)).toEqual([]);
    expect((await app(2)).status).toBe('admitted');
  });

  it('第三十一条（一）: an admitted family holding a unit loses its qualification, the unit is offered again and its 认购金 refunded', async () => {
    const d = await decideFraud(w.staff, { applicationId: w.families[2]!.applicationId, finding: '隐瞒名下住房', evidence });
    expect(d).toMatchObject({ decisionNo: '骗保处理〔2026〕1号', action: 'cancel_qualification', article: '第三十一条（一）', refund: null, exitId: null });
    expect(await app(2)).toMatchObject({ status: 'cancelled', closedOn: '2026-06-01' });
    expect((await h.db.select().from(selections).where(eq(selections.id, held.sel.id)))[0]!.status).toBe('released');
    expect((await h.db.select().from(units).where(eq(units.id, held.sel.unitId)))[0]!.status).toBe('available');
    expect((await h.db.select().from(registrations).where(eq(registrations.id, held.reg.id)))[0]!.status).toBe('closed');
    expect(await h.db.transaction((tx) => depositBalance(tx, held.reg.id))).toMatchObject({ refunded: 2_000_000, held: 0 });
    expect(await h.db.select().from(activePersons).where(eq(activePersons.applicationId, w.families[2]!.applicationId))).toEqual([]);
    expect((await h.db.select().from(notices).where(eq(notices.applicationId, w.families[2]!.applicationId)))[0]).toMatchObject({ kind: 'cancellation' });
    const note = (await h.db.select().from(notifications).where(and(eq(notifications.accountId, w.families[2]!.actor.accountId), eq(notifications.template, 'fraud_decided'))))[0]!;
    expect(note.body).toContain('骗保处理〔2026〕1号');
    // A retry answers the same decision; a different finding on the same family is refused.
    expect((await decideFraud(w.staff, { applicationId: w.families[2]!.applicationId, finding: '隐瞒名下住房', evidence })).id).toBe(d.id);
    expect(await refusal(decideFraud(w.staff, { applicationId: w.families[2]!.applicationId, finding: '另一事实', evidence }))).toMatchObject({ http: 409, code: 'FRAUD_DECIDED' });
  });

  it('第三十一条（二）: a signed, undelivered contract is rescinded; the family gets 认购金 + down payment paid and the lender the loan, to the fen, out of the sales proceeds', async () => {
    const base = { applicationId: w.families[3]!.applicationId, finding: '伪造收入证明', evidence };
    expect(await refusal(decideFraud(w.staff, { ...base, downPaymentPaidFen: 8_800_001, loanDisbursedFen: 61_200_000 }))).toMatchObject({ http: 400, field: 'downPaymentPaidFen' });
    expect(await refusal(decideFraud(w.staff, { ...base, downPaymentPaidFen: 8_800_000 }))).toMatchObject({ http: 400, field: 'loanDisbursedFen' });
    expect(await refusal(decideFraud(w.staff, { ...base, downPaymentPaidFen: 8_800_000, loanDisbursedFen: 61_200_001 }))).toMatchObject({ http: 400, field: 'loanDisbursedFen' });
    expect(await h.db.select().from(fraudDecisions)).toHaveLength(1);

    const d = await decideFraud(w.city, { ...base, downPaymentPaidFen: 8_800_000, loanDisbursedFen: 61_200_000 });
    expect(d).toMatchObject({ decisionNo: '骗保处理〔2026〕2号', action: 'rescind_contract', contractId: signedId });
    expect(d.refund).toMatchObject({ depositCreditedFen: 2_000_000, downPaymentPaidFen: 8_800_000, toFamilyFen: 10_800_000, toLenderFen: 61_200_000, totalFen: 72_000_000 });
    const c = (await h.db.select().from(contracts).where(eq(contracts.id, signedId)))[0]!;
    expect(c.status).toBe('rescinded');
    expect((await h.db.select().from(units).where(eq(units.id, c.unitId)))[0]!.status).toBe('available');
    expect((await h.db.select().from(selections).where(eq(selections.id, c.selectionId)))[0]!.status).toBe('released');
    expect(await app(3)).toMatchObject({ status: 'cancelled' });
    const fund = await h.db.select().from(fundLedger).where(and(eq(fundLedger.projectId, c.projectId), eq(fundLedger.direction, 'out')));
    expect(fund.map((f) => [f.source, f.amountFen, f.reference]).sort()).toEqual([
      ['sales_proceeds', 10_800_000, '骗保处理〔2026〕2号'], ['sales_proceeds', 61_200_000, '骗保处理〔2026〕2号/贷款'],
    ]);
  });

  it('第三十一条（三）: a delivered family is ordered to vacate by the day staff set and an accepted buyback (origin fraud) is opened at once, due in six months', async () => {
    const base = { applicationId: w.families[0]!.applicationId, finding: '虚报家庭成员', evidence };
    expect(await refusal(decideFraud(w.staff, { ...base, vacateByOn: '2026-05-31' }))).toMatchObject({ http: 400, field: 'vacateByOn' });
    const d = await decideFraud(w.staff, { ...base, vacateByOn: '2026-08-31', action: 'vacate_and_buyback' });
    expect(d).toMatchObject({ decisionNo: '骗保处理〔2026〕3号', action: 'vacate_and_buyback', vacateByOn: '2026-08-31', contractId: w.owned[0]!.contractId });
    const exit = (await h.db.select().from(exitApplications).where(eq(exitApplications.id, d.exitId!)))[0]!;
    expect(exit).toMatchObject({ route: 'buyback', origin: 'fraud', status: 'accepted', acceptedOn: '2026-06-01', dueOn: '2026-12-01', fraudDecisionId: d.id, unitId: w.owned[0]!.unitId });
    expect(exit.priceFen).toBeGreaterThan(0);
    expect(exit.exitNo).toMatch(/^济保退〔2026〕\d{6}号$/);
    expect((await app(0)).status).toBe('purchased');
    const audit = (await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'fraud.decide'), eq(auditLog.targetId, w.families[0]!.applicationId))))[0]!;
    expect(audit.detail).toMatchObject({ vacateByOn: '2026-08-31', vacateDays: 'set_by_staff' });
  });

  it('第三十一条（三）: without a day set, the family is ordered to vacate within housing.closed-loop.fraud_vacate_days (30) of the decision', async () => {
    const d = await decideFraud(w.city, { applicationId: w.families[1]!.applicationId, finding: '隐瞒婚姻状况', evidence });
    expect(d).toMatchObject({ action: 'vacate_and_buyback', vacateByOn: '2026-07-01', contractId: w.owned[1]!.contractId });
    const audit = (await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'fraud.decide'), eq(auditLog.targetId, w.families[1]!.applicationId))))[0]!;
    expect(audit.detail).toMatchObject({ vacateByOn: '2026-07-01', vacateDays: { param: 'housing.closed-loop.fraud_vacate_days', value: 30, version: '2025-03-31' } });
    const note = (await h.db.select().from(notifications).where(and(eq(notifications.accountId, w.families[1]!.actor.accountId), eq(notifications.template, 'fraud_decided'))))[0]!;
    expect(note.body).toContain('2026-07-01');
  });
});
