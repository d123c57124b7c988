/**
 * buybackReconciliation: the money of one buyback to the fen (济政发〔2025〕3号 第二十七、二十九条):
 * price = first + balance = Σ lender + Σ family as booked; the purchase loan cleared out of the
 * price before the family was paid (第二十九条); the maintenance fund's balance refunded in full
 * once the buyback is complete (第二十九条第二款: 分户账中结余的专项维修资金退还), the refund being
 * what the resale buyer pays in again (第三十条).
 *
 * Reading: "fund refunded" compares the refund booked at buyback with the balance just before it
 * (deposits less any earlier refunds) — the balance after it being 0 follows, and "expected ¥0 /
 * found ¥0" would say nothing of how much went back.
 *
 * Reading: checks that concern a later step (paid in full, fund refunded) apply once the exit is
 * completed; before that, `balanced` says the books agree with the schedule so far.
 * Read by the project's staff, its implementer and the auditor.
 */
import { and, eq } from 'drizzle-orm';
import { maintenanceFundAccounts, maintenanceFundEntries, resaleOffers } from '../../db/schema.js';
import { sumFen } from '../../rules/core/money.js';
import type { CommandContext } from '../context.js';
import { fundBalance } from '../titles/index.js';
import { stageSplit } from './payments.js';
import { paymentsOf, readBuyback, requireContract, type Schedule } from './store.js';

export type ReconciliationCheck = { code: string; ok: boolean; expectedFen: number; actualFen: number; article: string };

export type BuybackReconciliation = {
  exitId: string; exitNo: string; contractNo: string; exitStatus: string; asOf: string;
  priceFen: number; outstandingLoanFen: number; lender: string | null;
  schedule: { first: number; balance: number; firstToLender: number; firstToFamily: number; balanceToLender: number; balanceToFamily: number };
  booked: { firstToLender: number; firstToFamily: number; balanceToLender: number; balanceToFamily: number; lender: number; family: number; total: number };
  fund: {
    accountNo: string; depositsFen: number; refundsFen: number; balanceFen: number;
    /** The balance just before the buyback's refund (= balanceFen + refundedAtBuybackFen). */
    balanceBeforeRefundFen: number; refundedAtBuybackFen: number; resaleDueFen: number | null;
  } | null;
  checks: ReconciliationCheck[];
  settled: boolean;
  balanced: boolean;
};

/** The reconciliation of a buyback exit with a contract. */
export async function buybackReconciliation(ctx: CommandContext, exitId: string): Promise<BuybackReconciliation> {
  const asOf = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const b = await readBuyback(tx, ctx.actor, exitId);
    const c = requireContract(b);
    const s = c.schedule as Schedule;
    const pays = await paymentsOf(tx, c.id);
    const sum = (stage: string, payee: string) => sumFen(pays.filter((p) => p.stage === stage && p.payee === payee).map((p) => p.amountFen));
    const booked = { firstToLender: sum('first', 'lender'), firstToFamily: sum('first', 'family'), balanceToLender: sum('balance', 'lender'), balanceToFamily: sum('balance', 'family') };
    const lender = booked.firstToLender + booked.balanceToLender;
    const family = booked.firstToFamily + booked.balanceToFamily;
    const settled = b.exit.status === 'completed';
    const checks: ReconciliationCheck[] = [
      { code: 'price_is_first_plus_balance', ok: s.first + s.balance === c.priceFen, expectedFen: c.priceFen, actualFen: s.first + s.balance, article: '第二十九条' },
      { code: 'schedule_clears_loan_first', ok: s.firstToLender === Math.min(c.outstandingLoanFen, s.first) && s.firstToLender + s.balanceToLender === c.outstandingLoanFen,
        expectedFen: c.outstandingLoanFen, actualFen: s.firstToLender + s.balanceToLender, article: '第二十九条' },
    ];
    for (const stage of ['first', 'balance'] as const) {
      const bookedStage = pays.some((p) => p.stage === stage);
      if (!bookedStage) continue;
      const want = stageSplit(s, stage);
      const got = { lender: sum(stage, 'lender'), family: sum(stage, 'family') };
      checks.push({ code: `${stage}_booked_as_scheduled`, ok: got.lender === want.lender && got.family === want.family, expectedFen: want.lender + want.family, actualFen: got.lender + got.family, article: '第二十九条' });
    }
    const fund = await fundBalance(tx, b.exit.unitId);
    let fundView: BuybackReconciliation['fund'] = null;
    if (fund) {
      const [refund] = await tx.select({ amountFen: maintenanceFundEntries.amountFen }).from(maintenanceFundEntries)
        .innerJoin(maintenanceFundAccounts, eq(maintenanceFundAccounts.id, maintenanceFundEntries.accountId))
        .where(and(eq(maintenanceFundAccounts.id, fund.accountId), eq(maintenanceFundEntries.kind, 'refund'), eq(maintenanceFundEntries.reference, b.exit.exitNo)));
      const [offer] = await tx.select({ due: resaleOffers.maintenanceFundDueFen }).from(resaleOffers).where(eq(resaleOffers.exitId, b.exit.id));
      const refunded = refund?.amountFen ?? 0;
      fundView = {
        accountNo: fund.accountNo, depositsFen: fund.depositsFen, refundsFen: fund.refundsFen, balanceFen: fund.balanceFen,
        balanceBeforeRefundFen: fund.balanceFen + refunded, refundedAtBuybackFen: refunded, resaleDueFen: offer?.due ?? null,
      };
    }
    if (settled) {
      checks.push({ code: 'paid_in_full', ok: lender + family === c.priceFen, expectedFen: c.priceFen, actualFen: lender + family, article: '第二十九条' });
      checks.push({ code: 'loan_cleared', ok: lender === c.outstandingLoanFen, expectedFen: c.outstandingLoanFen, actualFen: lender, article: '第二十九条' });
      if (fundView) {
        checks.push({
          code: 'fund_refunded', ok: fundView.refundedAtBuybackFen === fundView.balanceBeforeRefundFen && fundView.balanceFen === 0,
          expectedFen: fundView.balanceBeforeRefundFen, actualFen: fundView.refundedAtBuybackFen, article: '第二十九条',
        });
        checks.push({ code: 'resale_pays_in_the_refund', ok: fundView.resaleDueFen === fundView.refundedAtBuybackFen, expectedFen: fundView.refundedAtBuybackFen, actualFen: fundView.resaleDueFen ?? 0, article: '第三十条' });
      }
    }
    return {
      exitId: b.exit.id, exitNo: b.exit.exitNo, contractNo: c.contractNo, exitStatus: b.exit.status, asOf,
      priceFen: c.priceFen, outstandingLoanFen: c.outstandingLoanFen, lender: c.lender,
      schedule: { first: s.first, balance: s.balance, firstToLender: s.firstToLender, firstToFamily: s.firstToFamily, balanceToLender: s.balanceToLender, balanceToFamily: s.balanceToFamily },
      booked: { ...booked, lender, family, total: lender + family }, fund: fundView, checks, settled, balanced: checks.every((x) => x.ok),
    };
  });
}
