/**
 * signContract: the family signs (第十四条). In one transaction: the contract, the selection and
 * the registration are signed, the unit is sold, the held 认购金 is credited against the price
 * (第十一条 认购金可折抵购房款), the family's other registrations close with their 认购金
 * refunded (第十一条 自主选择购买1套住房), the application becomes `purchased` (it keeps its
 * persons in active_persons, so the family can never enter the waiting list again), and the
 * project's fund ledger takes the sales proceeds (第十七条).
 *
 * Reading on the proceeds: the price is the down payment plus the loan (contracts_money_ck), and
 * the credited 认购金 is part of the down payment (generateContract refuses a down payment below
 * it). At signing the project receives the down payment: the credited 认购金 (already in the
 * implementer's hands) plus the balance the family pays. So one `sales_proceeds` row of the whole
 * down payment is posted, reference the contract number; the loan is posted when the lender pays.
 * Posting the credited amount on top of the down payment would count it twice.
 *
 * The 第十三条 check stored when the contract was drawn up binds at signing: the terms are those
 * offered and checked on that day (within the signing period), not re-decided on a later one.
 *
 * A retry after success returns the signed contract and changes nothing; two signings at once
 * queue on the selection's row lock and the second finds the contract signed.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { applications, contracts, registrations, selections, units } from '../../db/schema.js';
import { renderContract } from '../../documents/contract.js';
import { enqueue } from '../../notify/index.js';
import { fenToYuan } from '../../rules/core/money.js';
import { addEvent, lockApplication, updateApplication } from '../applications/store.js';
import { assertOwner, requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { depositBalance, postDeposit } from '../deposits/ledger.js';
import { DomainError, badState } from '../errors.js';
import { postFund } from '../funds/ledger.js';
import { markResaleSold } from '../resale/sold.js';
import { closeOtherRegistrations, refundHeld } from './bridge.js';
import { contractDocumentData } from './document.js';
import { deadlinePassed, lockContractOf, lockRegistration, lockSelection, lockUnit, readContract, selectionNotLocked } from './store.js';
import { contractView, type ContractView } from './view.js';

/** Sign the family's generated contract. */
export async function signContract(ctx: CommandContext, input: { contractId: string }): Promise<ContractView> {
  requireRole(ctx.actor, ['applicant']);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const first = await readContract(tx, input.contractId);
    const [owner] = await tx.select({ accountId: applications.accountId }).from(applications).where(eq(applications.id, first.applicationId));
    assertOwner(ctx.actor, owner!);
    const sel = await lockSelection(tx, first.selectionId);
    const c = (await lockContractOf(tx, sel.id))!;
    if (c.status === 'signed') return contractView(tx, c.id);
    if (c.status !== 'generated') {
      throw new DomainError('CONTRACT_NOT_SIGNABLE', 409, `合同当前状态（${c.status}）不能签署。`, `A ${c.status} contract cannot be signed.`, undefined, { status: c.status });
    }
    if (today > c.deadlineOn) throw deadlinePassed(c.deadlineOn);
    if (sel.status !== 'locked') throw selectionNotLocked(sel.status);

    const unit = await lockUnit(tx, sel.unitId);
    if (unit.status !== 'reserved') throw new Error(`unit ${unit.id} of a locked selection is ${unit.status}`);
    let credited = 0;
    if (sel.registrationId) {
      const reg = await lockRegistration(tx, sel.registrationId);
      if (reg.status !== 'registered') throw badState(reg.status, '签约', 'sign');
      const held = (await depositBalance(tx, reg.id)).held;
      // The 认购金 is credited up to the down payment it is part of; anything held beyond that
      // (a payment the bank made twice and not yet returned) goes back, so a signed registration holds nothing.
      credited = Math.min(held, c.downPaymentFen);
      if (credited > 0) {
        await postDeposit(tx, {
          projectId: reg.projectId, registrationId: reg.id, kind: 'credited', amountFen: credited, reference: c.contractNo,
          reason: `签订购房合同 ${c.contractNo}，认购金折抵购房款（第十一条）`, at: now,
        });
      }
      if (held > credited) await refundHeld(tx, ctx, reg.id, `签订购房合同 ${c.contractNo} 后多缴认购金退还（第十一条）`, `XS-${reg.regNo}`);
      await tx.update(registrations).set({ status: 'signed', version: reg.version + 1 }).where(eq(registrations.id, reg.id));
    }
    const app = await lockApplication(tx, sel.applicationId);
    if (app.status !== 'admitted') throw badState(app.status, '签约', 'sign');
    await closeOtherRegistrations(tx, ctx, app.id, sel.registrationId, `已签订购房合同 ${c.contractNo}（第十一条：自主选择购买1套住房）`);

    await tx.update(units).set({ status: 'sold', version: unit.version + 1 }).where(eq(units.id, unit.id));
    // 第三十条: a resold unit's offer is sold with this contract.
    if (unit.resaleOfferId) await markResaleSold(tx, ctx, { offerId: unit.resaleOfferId, contractId: c.id, contractNo: c.contractNo, at: now });
    await tx.update(selections).set({ status: 'signed', signedAt: now }).where(eq(selections.id, sel.id));
    await updateApplication(tx, app, now, { status: 'purchased', purchasedOn: today });
    const signed = { ...c, status: 'signed', signedAt: now, depositCreditedFen: credited };
    const pdf = await renderContract(await contractDocumentData(tx, ctx, signed, { ...sel, status: 'signed', signedAt: now }));
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    await tx.update(contracts).set({ status: 'signed', signedAt: now, depositCreditedFen: credited, pdfSha256 }).where(eq(contracts.id, c.id));
    if (c.downPaymentFen > 0) {
      await postFund(tx, {
        projectId: c.projectId, source: 'sales_proceeds', direction: 'in', amountFen: c.downPaymentFen, occurredOn: today,
        memo: `购房合同 ${c.contractNo} 首付款（含认购金折抵 ¥${fenToYuan(credited)}）`, reference: c.contractNo, recordedBy: null, recordedAt: now,
      });
    }
    const view = await contractView(tx, c.id);
    const unitLabel = `${view.project.name} ${view.unit.building}${view.unit.number}室`;
    await addEvent(tx, ctx, { applicationId: app.id, kind: 'purchased', from: 'admitted', to: 'purchased', article: '第十一条', evidence: { contractNo: c.contractNo, unitId: unit.id } });
    await enqueue(tx, { accountId: app.accountId, template: 'contract_signed', params: { contractNo: c.contractNo, unit: unitLabel, creditedYuan: fenToYuan(credited) } }, now);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'contract.sign', targetType: 'contract', targetId: c.id, at: now,
      detail: { contractNo: c.contractNo, unitId: unit.id, priceFen: c.priceFen, downPaymentFen: c.downPaymentFen, creditedFen: credited, pdfSha256 },
    });
    return view;
  });
}
