/**
 * recordBuybackPayment: 济政发〔2025〕3号 第二十九条 — 回购价款分批支付，签订回购协议后按回购资金10%的比例
 * 先行支付，待原购房家庭配合办理不动产转移登记并完成房屋腾退事宜后，结清回购价款。原购房家庭未足额偿还
 * 该套住房贷款的，回购价款优先用于清偿债务，再向个人支付余款。
 *
 * Staff book a stage's payments from the schedule stored on the contract: the lender's row and the
 * family's row, each only when its amount is above zero. A stage is booked once
 * (buyback_payments_uq, and the contract row is locked): a retry with the same reference returns
 * the same rows; another reference for a booked stage is 409.
 *
 * Reading on the money's source: the buyback is the government's purchase (第二十四、二十六条: 市、区县
 * 住房城乡建设部门组织实施), paid from the city's buyback fund, not from the project's ring-fenced
 * ledger (第十七条). That ledger holds the implementer's project money and refuses an outflow beyond
 * its recorded balance (src/commands/funds/record.ts), which a buyback price would exceed: the project
 * received the down payments, the lenders paid the rest to the sellers long before. So nothing is
 * posted to fund_ledger here; buyback_payments is the record of the buyback money, reconciled by
 * buybackReconciliation.
 */
import { appendAudit } from '../../audit/index.js';
import { buybackPayments } from '../../db/schema.js';
import { fenToYuan } from '../../rules/core/money.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { parseInput } from '../validate.js';
import { PaymentBody, type PaymentInput } from './inputs.js';
import { notifyFamily, unitLabel } from './notices.js';
import { exitOfContract, lockBuyback, paymentsOf, requireContract, transferTitleOf, type BuybackPaymentRow, type Schedule } from './store.js';
import { vacatingOfExit } from './vacating.js';
import { buybackContractView, type BuybackContractView } from './view.js';
import { todayInShanghai } from '../../rules/core/dates.js';

export type BookedStage = { contract: BuybackContractView; stage: 'first' | 'balance'; booked: boolean; payments: BuybackPaymentRow[] };

const STAGE_ZH = { first: '先行支付', balance: '结清余款' } as const;

/** The stage's split from the schedule. */
export function stageSplit(s: Schedule, stage: 'first' | 'balance') {
  return stage === 'first' ? { lender: s.firstToLender, family: s.firstToFamily } : { lender: s.balanceToLender, family: s.balanceToFamily };
}

/** Book one stage of the buyback price. */
export async function recordBuybackPayment(ctx: CommandContext, raw: PaymentInput): Promise<BookedStage> {
  const body = parseInput(PaymentBody, { stage: raw.stage, paidOn: raw.paidOn, reference: raw.reference });
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  if (body.paidOn > today) throw invalid('paidOn', `付款日期（${body.paidOn}）不能晚于今天。`, `paidOn (${body.paidOn}) cannot be after today.`);
  return ctx.db.transaction(async (tx) => {
    const b = await lockBuyback(tx, ctx.actor, await exitOfContract(tx, raw.contractId));
    const c = requireContract(b);
    const all = await paymentsOf(tx, c.id);
    const mine = all.filter((p) => p.stage === body.stage);
    if (mine.length) {
      if (mine[0]!.reference === body.reference) return { contract: await buybackContractView(tx, c.id), stage: body.stage, booked: false, payments: mine };
      throw new DomainError('STAGE_BOOKED', 409, `回购价款${STAGE_ZH[body.stage]}已登记（凭证 ${mine[0]!.reference}）。`,
        `The ${body.stage} payment is already booked (reference ${mine[0]!.reference}).`, 'stage', { reference: mine[0]!.reference });
    }
    if (c.status !== 'signed') {
      throw new DomainError('BUYBACK_NOT_SIGNED', 409, '回购合同签订后方可支付回购价款（第二十九条）。', 'The buyback price is paid after the contract is signed (第二十九条).', 'stage');
    }
    const signedOn = todayInShanghai(c.signedAt!);
    if (body.paidOn < signedOn) throw invalid('paidOn', `付款日期（${body.paidOn}）早于签约日（${signedOn}）。`, `paidOn (${body.paidOn}) is before the contract was signed (${signedOn}).`);
    const schedule = c.schedule as Schedule;
    if (body.stage === 'balance') {
      const missing: string[] = [];
      if (schedule.first > 0 && !all.some((p) => p.stage === 'first')) missing.push('first_payment');
      if (!await transferTitleOf(tx, b.exit.id)) missing.push('transfer_registration');
      const vacating = await vacatingOfExit(tx, b.exit.id, today);
      missing.push(...vacating.missing.map((i) => `vacating.${i}`));
      if (missing.length) {
        throw new DomainError('BALANCE_NOT_DUE', 409,
          `结清回购余款前须先行支付首付款、办理不动产转移登记并完成房屋腾退（第二十九条）；尚缺：${missing.join('、')}。`,
          `The balance is paid after the first payment, the transfer registration and every vacating item (第二十九条); missing: ${missing.join(', ')}.`,
          'stage', { missing });
      }
    }
    const split = stageSplit(schedule, body.stage);
    const rows = (['lender', 'family'] as const).filter((payee) => split[payee] > 0).map((payee) => ({
      contractId: c.id, stage: body.stage, payee, amountFen: split[payee], paidOn: body.paidOn, reference: body.reference, recordedBy: ctx.actor.accountId, recordedAt: now,
    }));
    const booked = rows.length ? await tx.insert(buybackPayments).values(rows).returning() : [];
    await notifyFamily(tx, b.exit, 'buyback_paid', {
      unit: await unitLabel(tx, b.exit.unitId), contractNo: c.contractNo, stageLabel: STAGE_ZH[body.stage], paidOn: body.paidOn,
      amountYuan: fenToYuan(split.lender + split.family), lenderYuan: fenToYuan(split.lender), familyYuan: fenToYuan(split.family),
    }, now);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'buyback.payment', targetType: 'buyback_contract', targetId: c.id, at: now,
      detail: { contractNo: c.contractNo, exitNo: b.exit.exitNo, stage: body.stage, paidOn: body.paidOn, reference: body.reference, lenderFen: split.lender, familyFen: split.family, article: '第二十九条' },
    });
    return { contract: await buybackContractView(tx, c.id), stage: body.stage, booked: true, payments: booked };
  });
}
