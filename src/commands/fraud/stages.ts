/**
 * The three stages of 济政发〔2025〕3号 第三十一条, each inside decideFraud's transaction.
 *
 * (一) cancel the qualification, as src/commands/applications/cancel.ts does (its steps, here in
 * this transaction): persons released, live registrations closed and their 认购金 refunded
 * (closeOtherRegistrations), application `cancelled`, a 撤销 notice. A unit the family holds
 * without a signed contract is released (releaseSelection) and a contract drawn up but unsigned
 * ends `rescinded`: the authority ends it, it did not lapse.
 *
 * (二) rescind: contract `rescinded`, the signed selection released and the unit `available` again
 * (第十六条: what is left is sold on), the signed registration closed, application `cancelled`.
 * Refund (fraud_decisions.refund): to the family the 认购金 credited against the price plus the
 * rest of the down payment it paid (input downPaymentPaidFen, at most the down payment less the
 * credited 认购金 — the 认购金 is part of the down payment, see contracts/sign.ts); to the lender the
 * loan disbursed (input loanDisbursedFen, at most the contract's loan). Both leave the project's
 * sales proceeds (第十七条): `postFund` out, source sales_proceeds, reference the decision number
 * (the lender's part: "<decision no.>/贷款"). Reading: penalties, interest and damages under the
 * contract or the law are settled outside the platform; the platform returns what it took in.
 *
 * (三) vacate and buy back: the family is ordered to vacate by `vacateByOn` (责令限期腾退: staff may
 * set the day; without one, the decision day plus housing.closed-loop.fraud_vacate_days, a platform
 * default — the first day not counted) and an exit application is created, route buyback, origin fraud, status
 * `accepted` at once, due by housing.closed-loop.buyback_due_months and valued by rule
 * housing.buyback-price. Reading: 第三十一条(三) 按合同约定予以回购 is a sanction, not the family's
 * exit — the two-year holding period (第二十四条) and the application step do not apply; the
 * eligibility is still stored for the record. The buyback then runs through src/commands/buybacks.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { contracts, exitApplications, notices, registrations, selections, units } from '../../db/schema.js';
import { districtName } from '../../db/reference/districts.js';
import { param } from '../../params/load.js';
import { addDays, addMonths } from '../../rules/core/dates.js';
import { addEvent, nextNoticeNo, releasePersons, updateApplication, type ApplicationRow, type RevisionRow } from '../applications/store.js';
import { decideRevision } from '../applications/decide.js';
import type { CommandContext } from '../context.js';
import { invalid } from '../errors.js';
import { postFund } from '../funds/ledger.js';
import { closeOtherRegistrations } from '../registrations/refunds.js';
import { releaseSelection } from '../selection/release.js';
import { evaluateEligibility } from '../exits/eligibility.js';
import { platformRegister } from '../exits/register.js';
import { exitOpen, nextExitNo, openExitOf, unitHolding } from '../exits/store.js';
import { valueUnit } from '../exits/valuation.js';
import { DomainError } from '../errors.js';
import type { FraudRefund } from './store.js';

type ContractRow = typeof contracts.$inferSelect;
export type Stage = {
  tx: Tx; ctx: CommandContext; app: ApplicationRow; pending: RevisionRow | null; decisionId: string; decisionNo: string; reason: string;
  input: { downPaymentPaidFen?: number; loanDisbursedFen?: number; vacateByOn?: string };
};
export type StageResult = { refund?: FraudRefund; vacateByOn?: string; exitId?: string; exitNo?: string; audit: Record<string, unknown> };

/** The family leaves the scheme: persons released, live registrations closed and refunded, application cancelled, 撤销 notice. */
async function cancelApplication(s: Stage, clause: string, evidence: Record<string, unknown>): Promise<string> {
  const { tx, ctx, app } = s;
  const today = ctx.clock.today();
  if (s.pending) await decideRevision(tx, ctx, s.pending, 'rejected', s.reason);
  await releasePersons(tx, app.id);
  await closeOtherRegistrations(tx, ctx, app.id, null, s.reason);
  await updateApplication(tx, app, ctx.clock.now(), { status: 'cancelled', closedOn: today, closedReason: s.reason });
  const noticeNo = await nextNoticeNo(tx, 'cancellation', today);
  await tx.insert(notices).values({
    noticeNo, applicationId: app.id, kind: 'cancellation', issuedOn: today,
    payload: { regCode: app.regCode, districtName: districtName(app.districtCode), reason: s.reason, article: '第三十一条', clause, decisionNo: s.decisionNo },
  });
  await addEvent(tx, ctx, { applicationId: app.id, kind: 'cancelled', from: app.status, to: 'cancelled', reason: s.reason, article: `第三十一条${clause}`, evidence: { noticeNo, decisionNo: s.decisionNo, ...evidence } });
  return noticeNo;
}

/** (一) 已取得购房资格的，予以取消. */
export async function cancelStage(s: Stage): Promise<StageResult> {
  const { tx, ctx, app } = s;
  const [sel] = await tx.select().from(selections).where(and(eq(selections.applicationId, app.id), eq(selections.status, 'locked')));
  let released: string | null = null;
  if (sel) {
    await tx.update(contracts).set({ status: 'rescinded' }).where(and(eq(contracts.selectionId, sel.id), eq(contracts.status, 'generated')));
    await releaseSelection(tx, sel.id, s.reason, ctx.clock.now());
    released = sel.unitId;
  }
  const noticeNo = await cancelApplication(s, '（一）', { releasedUnitId: released });
  return { audit: { noticeNo, releasedUnitId: released } };
}

/** (二) 已签订购房合同但未办理交房手续的，解除购房合同. */
export async function rescindStage(s: Stage, c: ContractRow): Promise<StageResult> {
  const { tx, ctx, input } = s;
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const credited = c.depositCreditedFen;
  const maxPaid = c.downPaymentFen - credited;
  if (input.downPaymentPaidFen === undefined) throw invalid('downPaymentPaidFen', '请填写家庭已缴的首付款（不含已折抵的认购金，分）。', 'downPaymentPaidFen is required: the down payment the family paid beyond the credited 认购金 (fen).');
  if (input.downPaymentPaidFen > maxPaid) {
    throw invalid('downPaymentPaidFen', `已缴首付款（不含折抵的认购金）不能超过 ${maxPaid} 分（首付款 ${c.downPaymentFen} 分减认购金 ${credited} 分）。`, `downPaymentPaidFen cannot exceed ${maxPaid} fen (down payment ${c.downPaymentFen} less credited 认购金 ${credited}).`);
  }
  const loan = input.loanDisbursedFen ?? (c.loanFen === 0 ? 0 : undefined);
  if (loan === undefined) throw invalid('loanDisbursedFen', '请填写贷款机构已发放的贷款金额（分）。', 'loanDisbursedFen is required: the loan the lender disbursed (fen).');
  if (loan > c.loanFen) throw invalid('loanDisbursedFen', `已发放贷款不能超过合同贷款 ${c.loanFen} 分。`, `loanDisbursedFen cannot exceed the contract's loan of ${c.loanFen} fen.`);

  const [sel] = await tx.select().from(selections).where(eq(selections.id, c.selectionId)).for('update');
  await tx.update(contracts).set({ status: 'rescinded' }).where(eq(contracts.id, c.id));
  // releaseSelection refuses a signed selection (its unit is sold); rescission is the one way back, so it is undone here.
  await tx.update(selections).set({ status: 'released', releasedAt: now, releaseReason: s.reason }).where(eq(selections.id, sel!.id));
  const [unit] = await tx.select().from(units).where(eq(units.id, c.unitId)).for('update');
  await tx.update(units).set({ status: 'available', version: unit!.version + 1 }).where(and(eq(units.id, unit!.id), eq(units.status, 'sold')));
  if (sel!.registrationId) {
    await tx.update(registrations).set({ status: 'closed', closedAt: now, closedReason: s.reason })
      .where(and(eq(registrations.id, sel!.registrationId), eq(registrations.status, 'signed')));
  }
  const refund: FraudRefund = {
    depositCreditedFen: credited, downPaymentPaidFen: input.downPaymentPaidFen, toFamilyFen: credited + input.downPaymentPaidFen,
    toLenderFen: loan, totalFen: credited + input.downPaymentPaidFen + loan,
    reading: '退还家庭：已折抵的认购金＋已缴首付款；退还贷款机构：已发放贷款。违约金、利息等按合同及法律另行处理，不在平台结算。',
  };
  const post = (amountFen: number, reference: string, memo: string) => amountFen > 0 ? postFund(tx, {
    projectId: c.projectId, source: 'sales_proceeds', direction: 'out', amountFen, occurredOn: today, memo, reference, recordedBy: ctx.actor.accountId || null, recordedAt: now,
  }) : Promise.resolve(false);
  await post(refund.toFamilyFen, s.decisionNo, `解除购房合同 ${c.contractNo}（第三十一条（二））：退还家庭认购金及首付款`);
  await post(refund.toLenderFen, `${s.decisionNo}/贷款`, `解除购房合同 ${c.contractNo}（第三十一条（二））：退还贷款机构已发放贷款`);
  const noticeNo = await cancelApplication(s, '（二）', { contractNo: c.contractNo, refund });
  return { refund, audit: { noticeNo, contractNo: c.contractNo, unitId: c.unitId, refund } };
}

/** (三) 已办理交房的，责令限期腾退住房，按合同约定予以回购. */
export async function vacateStage(s: Stage, c: ContractRow): Promise<StageResult> {
  const { tx, ctx, app, input } = s;
  const today = ctx.clock.today();
  if (input.vacateByOn && input.vacateByOn < today) throw invalid('vacateByOn', `腾退期限不能早于今天（${today}）。`, `vacateByOn cannot be before today (${today}).`);
  const period = input.vacateByOn ? null : param<number>('housing.closed-loop.fraud_vacate_days', today);
  const vacateByOn = input.vacateByOn ?? addDays(today, period!.value);
  const { unit, project, building, title } = await unitHolding(tx, c.unitId, true);
  if (!title || title.holderApplicationId !== app.id) {
    throw new DomainError('NOT_HOLDER', 409, '该家庭已不是该房屋的产权人，不能按第三十一条（三）回购。', 'The family no longer holds the unit; it cannot be bought back under 第三十一条(三).');
  }
  const open = await openExitOf(tx, unit.id);
  if (open) throw exitOpen(open.exitNo);
  const facts = await platformRegister.lookup(tx, { unitId: unit.id, title });
  const eligibility = evaluateEligibility(title, 'buyback', facts, today);
  const valuation = await valueUnit(tx, { unitId: unit.id, building }, today, {});
  const months = param<number>('housing.closed-loop.buyback_due_months', today);
  const exitNo = await nextExitNo(tx, today);
  const [exit] = await tx.insert(exitApplications).values({
    exitNo, unitId: unit.id, projectId: project.id, titleId: title.id, applicationId: app.id, route: 'buyback', origin: 'fraud', status: 'accepted',
    eligibility, fraudDecisionId: s.decisionId, submittedOn: today, submittedBy: ctx.actor.accountId, acceptedOn: today, dueOn: addMonths(today, months.value),
    decidedBy: ctx.actor.accountId, decisionReason: `${s.reason}（第三十一条（三）：责令腾退并按合同约定回购，不适用第二十四条持有年限及申请程序）`,
    valuation, valuedOn: today, priceFen: valuation.value.price,
  }).returning();
  await addEvent(tx, ctx, { applicationId: app.id, kind: 'fraud_buyback', from: app.status, to: app.status, reason: s.reason, article: '第三十一条（三）', evidence: { decisionNo: s.decisionNo, exitNo, vacateByOn } });
  return {
    vacateByOn, exitId: exit!.id, exitNo,
    audit: {
      exitNo, exitId: exit!.id, vacateByOn,
      vacateDays: period ? { param: 'housing.closed-loop.fraud_vacate_days', value: period.value, version: period.version } : 'set_by_staff', dueOn: exit!.dueOn, priceFen: valuation.value.price, dueMonths: { value: months.value, version: months.version },
    },
  };
}
