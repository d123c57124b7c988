/**
 * generateContract: the family draws up the sale contract (第十四条) for the unit it holds, with
 * its payment plan checked by rule housing.down-payment (第十三条: with a provident-fund loan at
 * least 15% down; the commercial floor is a parameter; without a loan the whole price).
 *
 * Drawing it up again before signing (say, a commercial loan instead of the provident fund)
 * replaces the terms in place: contracts.selection_id is unique, and a contract is one document
 * per chosen unit, so the row keeps its number and its signing deadline (which runs from the
 * choice of the unit, see signingDeadline) and only the payment terms and the drawing-up time
 * change. The same terms again change nothing (a retry).
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { applications, contracts, LOAN_TYPES, resaleOffers, units } from '../../db/schema.js';
import { rmbFigures } from '../../documents/contract-money.js';
import { enqueue } from '../../notify/index.js';
import { rules } from '../../rules/registry.js';
import { assertOwner, requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { depositBalance } from '../deposits/ledger.js';
import { DomainError, badState, invalid } from '../errors.js';
import { addEvent } from '../applications/store.js';
import {
  deadlinePassed, lockContractOf, lockSelection, nextContractNo, selectionNotLocked, signingDeadline,
} from './store.js';
import { contractView, type ContractView } from './view.js';

export type LoanType = (typeof LOAN_TYPES)[number];
export type GenerateContractInput = { selectionId: string; loanType: LoanType; downPaymentFen: number };

type DownPayment = { ok: boolean; minimum: number; ratio: string };

/** "0.15" → "15%". */
const percent = (ratio: string) => `${(Number(ratio) * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

function parse(input: GenerateContractInput): GenerateContractInput {
  if (!LOAN_TYPES.includes(input.loanType)) {
    throw invalid('loanType', '贷款方式应为住房公积金贷款、个人商业性住房贷款或不贷款。', 'loanType must be provident_fund, commercial or none.');
  }
  if (!Number.isSafeInteger(input.downPaymentFen) || input.downPaymentFen < 0) {
    throw invalid('downPaymentFen', '首付款应为以分计的非负整数。', 'downPaymentFen must be a non-negative integer amount in fen.');
  }
  return input;
}

/** Draw up (or redraw, before signing) the contract of a locked selection. */
export async function generateContract(ctx: CommandContext, raw: GenerateContractInput): Promise<ContractView> {
  const input = parse(raw);
  requireRole(ctx.actor, ['applicant']);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const sel = await lockSelection(tx, input.selectionId);
    const [app] = await tx.select().from(applications).where(eq(applications.id, sel.applicationId));
    assertOwner(ctx.actor, app!);
    const existing = await lockContractOf(tx, sel.id);
    if (existing && existing.status !== 'generated') throw selectionNotLocked(existing.status === 'signed' ? 'signed' : 'released');
    if (sel.status !== 'locked') throw selectionNotLocked(sel.status);
    if (app!.status !== 'admitted') throw badState(app!.status, '签订购房合同', 'draw up a contract');
    const deadline = existing?.deadlineOn ?? await signingDeadline(tx, sel);
    if (today > deadline) throw deadlinePassed(deadline);

    const [unit] = await tx.select().from(units).where(eq(units.id, sel.unitId));
    const price = unit!.priceFen;
    if (price === null) throw new Error(`unit ${unit!.id} is offered without a price`); // units_priced_ck forbids it
    if (input.downPaymentFen > price) {
      throw invalid('downPaymentFen', `首付款（${rmbFigures(input.downPaymentFen)}）不能高于房屋总价（${rmbFigures(price)}）。`,
        `downPaymentFen (${input.downPaymentFen}) cannot exceed the price (${price} fen).`);
    }
    const verdict = rules['housing.down-payment'].evaluate({ price, downPayment: input.downPaymentFen, loanType: input.loanType }, today);
    const dp = verdict.value as DownPayment;
    if (!dp.ok) {
      throw new DomainError('DOWN_PAYMENT_TOO_LOW', 400,
        `首付款不得低于最低首付款 ${rmbFigures(dp.minimum)}（房价的 ${percent(dp.ratio)}，第十三条）；您填写的是 ${rmbFigures(input.downPaymentFen)}。`,
        `downPaymentFen must be at least ${dp.minimum} fen (${percent(dp.ratio)} of the price, 第十三条); got ${input.downPaymentFen}.`,
        'downPaymentFen', { minimumFen: dp.minimum, ratio: dp.ratio });
    }
    // The 认购金 is credited against the price at signing (第十一条): it is money already paid down.
    const held = sel.registrationId ? (await depositBalance(tx, sel.registrationId)).held : 0;
    if (input.downPaymentFen < held) {
      throw invalid('downPaymentFen', `首付款不得低于已缴纳并将折抵房款的认购金 ${rmbFigures(held)}（第十一条）。`,
        `downPaymentFen cannot be below the 认购金 already paid (${held} fen), which is credited against the price (第十一条).`);
    }
    // 第三十条: a resold unit's buyer pays into the maintenance fund what was refunded at buyback.
    const [resale] = unit!.resaleOfferId ? await tx.select().from(resaleOffers).where(eq(resaleOffers.id, unit!.resaleOfferId)) : [];
    const terms = {
      priceFen: price, loanType: input.loanType, downPaymentFen: input.downPaymentFen, loanFen: price - input.downPaymentFen,
      downPaymentCheck: { ...verdict, asOf: today }, maintenanceFundDueFen: resale?.maintenanceFundDueFen ?? 0,
    };
    if (existing && existing.loanType === terms.loanType && existing.downPaymentFen === terms.downPaymentFen && existing.priceFen === price) {
      return contractView(tx, existing.id);
    }
    let id: string;
    if (existing) {
      await tx.update(contracts).set({ ...terms, generatedAt: now }).where(eq(contracts.id, existing.id));
      id = existing.id;
    } else {
      const contractNo = await nextContractNo(tx, today);
      const [row] = await tx.insert(contracts).values({
        contractNo, selectionId: sel.id, projectId: sel.projectId, unitId: sel.unitId, applicationId: sel.applicationId, ...terms,
        deadlineOn: deadline, generatedAt: now,
      }).returning({ id: contracts.id });
      id = row!.id;
      await enqueue(tx, { accountId: app!.accountId, template: 'contract_generated', params: { contractNo, deadline } }, now);
    }
    const view = await contractView(tx, id);
    await addEvent(tx, ctx, {
      applicationId: app!.id, kind: existing ? 'contract_regenerated' : 'contract_generated', article: '第十四条',
      evidence: { contractNo: view.contractNo, loanType: terms.loanType, downPaymentFen: terms.downPaymentFen },
    });
    await appendAudit(tx, {
      actor: ctx.actor, action: existing ? 'contract.regenerate' : 'contract.generate', targetType: 'contract', targetId: id, at: now,
      detail: { contractNo: view.contractNo, loanType: terms.loanType, downPaymentFen: terms.downPaymentFen, minimumFen: dp.minimum },
    });
    return view;
  });
}
