/**
 * generateBuybackContract: staff of the project's level draw up the buyback contract (房屋回购合同,
 * 济政发〔2025〕3号 第二十八条) of an accepted buyback exit, from the model text: the price is the
 * exit's valuation (第二十七条, rule housing.buyback-price at acceptance), the schedule rule
 * housing.buyback-payments' split (第二十九条: 10% first, the purchase loan paid first), the
 * vacating day no later than the exit's due date (第二十六条: 半年内完成).
 *
 * Readings:
 * - Drawing it up again before signing (a corrected loan figure, another vacating day) replaces the
 *   terms in place and keeps the number; the same terms again change nothing (a retry). A signed
 *   contract is final: the same terms return it, others are 409.
 * - A loan larger than the price is refused: the title must pass to the government free of the
 *   mortgage (第二十五条(一)), and the price alone cannot clear it; the family settles the
 *   difference with its lender first.
 * - The vacating day is not before today: a contract cannot set a deadline already past.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { buybackContracts } from '../../db/schema.js';
import { BUYBACK_MODEL_VERSION } from '../../documents/buyback-contract-model.js';
import { rmbFigures } from '../../documents/contract-money.js';
import { buybackPayments } from '../../rules/housing/buyback-payments.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { exitStage } from '../exits/store.js';
import { parseInput } from '../validate.js';
import { GenerateBuybackBody, type GenerateBuybackInput } from './inputs.js';
import { notifyFamily, unitLabel } from './notices.js';
import { lockBuyback, nextBuybackContractNo, type Schedule } from './store.js';
import { buybackContractView, type BuybackContractView } from './view.js';
import { fenToYuan } from '../../rules/core/money.js';

/** Draw up (or redraw, before signing) the buyback contract of an accepted buyback exit. */
export async function generateBuybackContract(ctx: CommandContext, raw: GenerateBuybackInput): Promise<BuybackContractView> {
  const body = parseInput(GenerateBuybackBody, { outstandingLoanFen: raw.outstandingLoanFen, lender: raw.lender, vacateByOn: raw.vacateByOn });
  const lender = body.outstandingLoanFen > 0 ? body.lender ?? null : null;
  if (body.outstandingLoanFen > 0 && !lender) throw invalid('lender', '尚有未偿还的购房贷款时须填写贷款人（第二十九条）。', 'lender is required when a purchase loan is outstanding (第二十九条).');
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const b = await lockBuyback(tx, ctx.actor, raw.exitId);
    // Judged after the access check (lockBuyback): another district's staff get 403, not 400.
    if (body.vacateByOn < today) throw invalid('vacateByOn', `腾退日期（${body.vacateByOn}）不能早于今天。`, `vacateByOn (${body.vacateByOn}) cannot be before today.`);
    const { exit, contract: existing } = b;
    const same = (c: NonNullable<typeof existing>) => c.outstandingLoanFen === body.outstandingLoanFen && c.lender === lender && c.vacateByOn === body.vacateByOn;
    if (existing?.status === 'signed') {
      if (same(existing)) return buybackContractView(tx, existing.id);
      throw new DomainError('BUYBACK_SIGNED', 409, `回购合同 ${existing.contractNo} 已签订，不能变更。`, `Buyback contract ${existing.contractNo} is signed and cannot change.`, undefined, { contractNo: existing.contractNo });
    }
    if (exit.status !== 'accepted') throw exitStage(exit, '不能拟定回购合同（须为已受理的回购申请）。', 'a buyback contract is drawn up for an accepted buyback exit.');
    if (body.vacateByOn > exit.dueOn!) {
      throw invalid('vacateByOn', `腾退日期（${body.vacateByOn}）不能晚于回购完成期限 ${exit.dueOn}（第二十六条：原则上半年内完成）。`,
        `vacateByOn (${body.vacateByOn}) cannot be after the exit's due date ${exit.dueOn} (第二十六条).`);
    }
    const price = exit.priceFen;
    if (price === null || price <= 0) throw new Error(`accepted exit ${exit.id} has no valuation`); // accepting values the unit
    if (body.outstandingLoanFen > price) {
      throw invalid('outstandingLoanFen', `未偿还贷款（${rmbFigures(body.outstandingLoanFen)}）超过回购价格（${rmbFigures(price)}）；须先与贷款人结清差额，房屋方可无抵押转移登记（第二十五、二十九条）。`,
        `outstandingLoanFen (${body.outstandingLoanFen}) exceeds the price (${price}); the family must settle the difference with its lender first (第二十五、二十九条).`);
    }
    if (existing && same(existing)) return buybackContractView(tx, existing.id);
    const rule = buybackPayments({ price, outstandingLoan: body.outstandingLoanFen }, today);
    const { share, ...split } = rule.value;
    const schedule: Schedule = { ...split, firstShare: share, asOf: today };
    const terms = { priceFen: price, outstandingLoanFen: body.outstandingLoanFen, lender, schedule, vacateByOn: body.vacateByOn, modelVersion: BUYBACK_MODEL_VERSION, generatedAt: now };
    let id: string;
    let contractNo: string;
    if (existing) {
      await tx.update(buybackContracts).set(terms).where(eq(buybackContracts.id, existing.id));
      [id, contractNo] = [existing.id, existing.contractNo];
    } else {
      contractNo = await nextBuybackContractNo(tx, today);
      const [row] = await tx.insert(buybackContracts).values({ contractNo, exitId: exit.id, ...terms }).returning({ id: buybackContracts.id });
      id = row!.id;
    }
    await notifyFamily(tx, exit, 'buyback_contract_ready', {
      unit: await unitLabel(tx, exit.unitId), contractNo, priceYuan: fenToYuan(price), firstYuan: fenToYuan(schedule.first),
      balanceYuan: fenToYuan(schedule.balance), vacateByOn: body.vacateByOn,
    }, now);
    await appendAudit(tx, {
      actor: ctx.actor, action: existing ? 'buyback.contract.regenerate' : 'buyback.contract.generate', targetType: 'buyback_contract', targetId: id, at: now,
      detail: { contractNo, exitNo: exit.exitNo, priceFen: price, outstandingLoanFen: body.outstandingLoanFen, vacateByOn: body.vacateByOn, schedule, modelVersion: BUYBACK_MODEL_VERSION },
    });
    return buybackContractView(tx, id);
  });
}
