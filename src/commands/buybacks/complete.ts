/**
 * completeBuyback: 济政发〔2025〕3号 第二十九条 — once the balance is paid the buyback is complete:
 * 回购完成后，住房城乡建设部门审核退还该套房屋分户账中结余的维修资金 (第二十九条第二款; 第二十七条:
 * 维修资金按照有关规定进行结算). In one transaction: the fund balance is refunded (reference the exit
 * number), the unit is `bought_back`, the seller's selection of it is released (reason
 * `bought_back`, the unit NOT offered again: it waits for renovation), the seller's application
 * `exited` and out of active_persons (第二十四条: the family leaves the scheme by the buyback), the
 * exit `completed`, and a resale offer opened for renovation (第三十条: the new buyer pays in the
 * refunded amount, maintenanceFundDueFen).
 *
 * Readings: a family that still holds another unit after this one (inherited, 第二十二条) has not
 * left the scheme and keeps its status and persons; it is recorded as an event only. A retry after
 * completion returns the same result and changes nothing.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { maintenanceFundAccounts, maintenanceFundEntries, resaleOffers, selections, titles, units } from '../../db/schema.js';
import { fenToYuan } from '../../rules/core/money.js';
import { addEvent, lockApplication, releasePersons, updateApplication } from '../applications/store.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { exitStage, type ExitRow } from '../exits/store.js';
import { fundBalance, postFundEntry } from '../titles/index.js';
import { notifyFamily, unitLabel } from './notices.js';
import { lockBuyback, paymentsOf, requireContract, updateExit, type Schedule } from './store.js';

export type BuybackCompletion = {
  exitId: string; exitNo: string; status: 'completed'; completedOn: string; refundedFen: number; resaleOfferId: string;
  applicationStatus: string | null;
};

/** What a completed buyback left: the refund posted under the exit number and the resale offer. */
async function completionOf(tx: Tx, exit: ExitRow, applicationStatus: string | null): Promise<BuybackCompletion> {
  const [refund] = await tx.select({ amountFen: maintenanceFundEntries.amountFen }).from(maintenanceFundEntries)
    .innerJoin(maintenanceFundAccounts, eq(maintenanceFundAccounts.id, maintenanceFundEntries.accountId))
    .where(and(eq(maintenanceFundAccounts.unitId, exit.unitId), eq(maintenanceFundEntries.kind, 'refund'), eq(maintenanceFundEntries.reference, exit.exitNo)));
  const [offer] = await tx.select({ id: resaleOffers.id }).from(resaleOffers).where(eq(resaleOffers.exitId, exit.id));
  return { exitId: exit.id, exitNo: exit.exitNo, status: 'completed', completedOn: exit.completedOn!, refundedFen: refund?.amountFen ?? 0, resaleOfferId: offer!.id, applicationStatus };
}

/** Complete a buyback whose balance is paid. */
export async function completeBuyback(ctx: CommandContext, input: { exitId: string }): Promise<BuybackCompletion> {
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const b = await lockBuyback(tx, ctx.actor, input.exitId);
    const app = b.exit.applicationId ? await lockApplication(tx, b.exit.applicationId) : null;
    if (b.exit.status === 'completed') return completionOf(tx, b.exit, app?.status ?? null);
    if (b.exit.status !== 'contracted') throw exitStage(b.exit, '不能完成回购。', 'the buyback cannot be completed now.');
    const c = requireContract(b);
    const schedule = c.schedule as Schedule;
    if (schedule.balance > 0 && !(await paymentsOf(tx, c.id)).some((p) => p.stage === 'balance')) {
      throw new DomainError('BALANCE_NOT_PAID', 409, '回购余款尚未结清，不能完成回购（第二十九条）。', 'The balance of the buyback price is not booked yet (第二十九条).', undefined, { missing: ['balance_payment'] });
    }
    // 第二十九条第二款: the account's whole balance goes back to the family, under the exit number.
    const fund = await fundBalance(tx, b.exit.unitId);
    const refundedFen = fund && fund.balanceFen > 0 ? fund.balanceFen : 0;
    if (fund && refundedFen > 0) {
      await postFundEntry(tx, {
        accountId: fund.accountId, kind: 'refund', amountFen: refundedFen, occurredOn: today, reference: b.exit.exitNo, titleId: b.exit.titleId,
        memo: `回购完成（${c.contractNo}），退还分户账结余维修资金（第二十九条第二款）`, recordedBy: ctx.actor.accountId, at: now,
      });
    }
    await tx.update(units).set({ status: 'bought_back', version: b.unit.version + 1 }).where(eq(units.id, b.unit.id));
    let applicationStatus: string | null = null;
    if (app) {
      const [sel] = await tx.update(selections).set({ status: 'released', releasedAt: now, releaseReason: 'bought_back' })
        .where(and(eq(selections.unitId, b.unit.id), eq(selections.applicationId, app.id), inArray(selections.status, ['locked', 'signed']))).returning({ id: selections.id });
      const stillHolds = await tx.select({ id: titles.id }).from(titles).where(and(eq(titles.holderApplicationId, app.id), isNull(titles.supersededOn)));
      if (!stillHolds.length && app.status === 'purchased') {
        await updateApplication(tx, app, now, { status: 'exited' });
        await releasePersons(tx, app.id);
        await addEvent(tx, ctx, { applicationId: app.id, kind: 'exited', from: app.status, to: 'exited', article: '第二十四条', evidence: { exitNo: b.exit.exitNo, contractNo: c.contractNo, route: 'buyback', selectionId: sel?.id ?? null } });
        applicationStatus = 'exited';
      } else {
        await addEvent(tx, ctx, { applicationId: app.id, kind: 'buyback_completed', article: '第二十四条', evidence: { exitNo: b.exit.exitNo, contractNo: c.contractNo, stillHolds: stillHolds.length } });
        applicationStatus = app.status;
      }
    }
    const done = await updateExit(tx, b.exit, { status: 'completed', completedOn: today });
    await tx.insert(resaleOffers).values({ unitId: b.unit.id, exitId: b.exit.id, buybackPriceFen: c.priceFen, maintenanceFundDueFen: refundedFen, status: 'renovating' });
    await notifyFamily(tx, b.exit, 'buyback_completed', { unit: await unitLabel(tx, b.exit.unitId), completedOn: today, priceYuan: fenToYuan(c.priceFen), refundYuan: fenToYuan(refundedFen) }, now);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'buyback.complete', targetType: 'exit_application', targetId: b.exit.id, at: now,
      detail: { exitNo: b.exit.exitNo, contractNo: c.contractNo, refundedFen, unitStatus: 'bought_back', applicationStatus, article: '第二十九条' },
    });
    return completionOf(tx, done, applicationStatus);
  });
}
