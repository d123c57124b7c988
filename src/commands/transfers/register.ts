/**
 * registerTransfer: 第二十四条 轮候家庭内部流转 — the transfer of title to the matched family is
 * registered (不动产转移登记, 第十八条: the title keeps 配售型保障性住房 and 划拨), and the seller leaves
 * the scheme. One transaction: the buyer's title (origin internal_transfer) supersedes the seller's;
 * the buyer's application becomes `purchased`; the seller's `exited` (its persons leave
 * active_persons, so the family is free to apply again as any other household); exit and offer
 * `completed`.
 *
 * Readings:
 * - The maintenance-fund account (第十九条) stays with the unit and its balance passes with it; the
 *   buyer reimburses the seller for that balance outside the platform, as part of the price they
 *   settle between them. Nothing is refunded or deposited here (contrast the buyback, 第二十九条,
 *   where the government refunds it, and the resale, 第三十条, where the next buyer pays it in).
 * - The price is paid between the families (the platform fixed and capped it); no fund ledger row.
 * - The buyer's purchasedOn is the day of registration: the title makes it a purchase; as at a
 *   contract's signing, its registrations for projects' sales close and their 认购金 is refunded.
 * A retry after completion returns the offer.
 */
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { buildings, exitApplications, transferOffers, units } from '../../db/schema.js';
import { enqueueMany } from '../../notify/index.js';
import { addEvent, lockApplication, releasePersons, updateApplication } from '../applications/store.js';
import { closeOtherRegistrations } from '../registrations/index.js';
import type { CommandContext } from '../context.js';
import { DomainError, badState, invalid } from '../errors.js';
import { assertLevelAccess, projectOf } from '../resale/store.js';
import { currentTitle, supersedeTitle } from '../titles/title.js';
import { lockExit, lockTransferOffer, type TransferOfferRow } from './store.js';

/** Registers the buyer's title and completes the transfer. */
export async function registerTransfer(ctx: CommandContext, input: { offerId: string; certificateNo: string; issuedOn: string }): Promise<TransferOfferRow & { titleId: string }> {
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  if (typeof input.certificateNo !== 'string') throw invalid('certificateNo', '请填写不动产权证书号。', 'certificateNo is required.');
  return ctx.db.transaction(async (tx) => {
    const offer = await lockTransferOffer(tx, input.offerId);
    const [unit] = await tx.select().from(units).where(eq(units.id, offer.unitId));
    const project = await projectOf(tx, unit!.projectId);
    assertLevelAccess(ctx.actor, project, 'staff');
    const exit = await lockExit(tx, offer.exitId);
    if (offer.status === 'completed') {
      return { ...offer, titleId: (await currentTitle(tx, offer.unitId))?.id ?? '' };
    }
    if (offer.status !== 'matched' || !offer.buyerApplicationId) {
      throw new DomainError('TRANSFER_NOT_MATCHED', 409, `该内部流转房源尚未确定受让家庭（当前：${offer.status}）。`,
        `The offer has no matched buyer (it is ${offer.status}).`, 'offerId', { status: offer.status });
    }
    const buyer = await lockApplication(tx, offer.buyerApplicationId);
    if (buyer.status !== 'admitted') throw badState(buyer.status, '办理内部流转转移登记', 'register the transfer');
    const { current } = await supersedeTitle(tx, ctx, {
      unitId: offer.unitId, on: input.issuedOn,
      newTitle: { certificateNo: input.certificateNo, issuedOn: input.issuedOn, origin: 'internal_transfer', holder: { kind: 'family', applicationId: buyer.id }, exitId: exit.id },
    });
    // 第十一条 自主选择购买1套住房, as at a contract's signing: the buyer's registrations elsewhere close, 认购金 refunded.
    const closed = await closeOtherRegistrations(tx, ctx, buyer.id, null, `经轮候家庭内部流转受让住房（${exit.exitNo}，第二十四条、第十一条）`);
    await updateApplication(tx, buyer, now, { status: 'purchased', purchasedOn: today });
    await addEvent(tx, ctx, {
      applicationId: buyer.id, kind: 'purchased', from: 'admitted', to: 'purchased', article: '第二十四条',
      evidence: { via: 'internal_transfer', exitNo: exit.exitNo, unitId: offer.unitId, certificateNo: current.certificateNo },
    });
    const notify = [{ accountId: buyer.accountId }];
    if (exit.applicationId) {
      const seller = await lockApplication(tx, exit.applicationId);
      await updateApplication(tx, seller, now, { status: 'exited' });
      await releasePersons(tx, seller.id);
      await addEvent(tx, ctx, {
        applicationId: seller.id, kind: 'exited', from: seller.status, to: 'exited', article: '第二十四条',
        evidence: { via: 'internal_transfer', exitNo: exit.exitNo, unitId: offer.unitId, certificateNo: current.certificateNo },
      });
      notify.push({ accountId: seller.accountId });
    }
    await tx.update(exitApplications).set({ status: 'completed', completedOn: today, version: sql`${exitApplications.version} + 1` }).where(eq(exitApplications.id, exit.id));
    const [row] = await tx.update(transferOffers).set({ status: 'completed', registeredOn: today, version: sql`${transferOffers.version} + 1` })
      .where(eq(transferOffers.id, offer.id)).returning();
    const [b] = await tx.select({ name: buildings.name }).from(buildings).where(eq(buildings.id, unit!.buildingId));
    await enqueueMany(tx, notify.map((n) => ({
      accountId: n.accountId, template: 'transfer_registered' as const,
      params: { projectName: project.name, unit: `${b!.name} ${unit!.number}`, certificateNo: current.certificateNo },
    })), now);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'transfer.register', targetType: 'transfer_offer', targetId: offer.id, at: now,
      detail: { exitNo: exit.exitNo, unitId: offer.unitId, titleId: current.id, registrationsClosed: closed.closed, refundedFen: closed.refundedFen, certificateNo: current.certificateNo, buyerApplicationId: buyer.id, sellerApplicationId: exit.applicationId },
    });
    return { ...row!, titleId: current.id };
  });
}
