/**
 * matchTransfer: 第二十四条 轮候家庭内部流转 — after the offer's window, staff give the unit to the first
 * interested family in waiting order that may still buy.
 *
 * Readings:
 * - Waiting order (轮候 = waiting in turn): the earliest `admitted_on` first, then the registration
 *   code (issued in order of submission). Interest expressed earlier gives no precedence.
 * - Each family is checked again now; one that may no longer buy is marked `ineligible` and the
 *   next is taken. Status and bought title are read (store.ts transferBar); a live selection
 *   elsewhere is left to the one-unit index selections_app_live_uq: the buyer's `transfer`
 *   selection (status signed) is inserted under a savepoint, and a refusal skips the family
 *   whatever the concurrency (a pre-check could be overtaken between the read and the insert).
 * - The seller's selection is released first (reason 'transferred'): a unit has one live selection
 *   (selections_unit_live_uq). The seller's contract stays signed; it was performed.
 * - Nobody eligible: the offer `failed` and the exit goes back to `accepted`, its 第二十六条 due date
 *   still running; staff may open the offer again (openTransferOffer) or refuse the exit, and the
 *   family may withdraw it and apply for a buyback instead (src/commands/exits).
 * A retry after a match (or a failure) returns the offer as it is.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { applications, buildings, exitApplications, LIVE_SELECTION, selections, transferInterests, transferOffers, units } from '../../db/schema.js';
import { rmbFigures } from '../../documents/contract-money.js';
import { enqueue } from '../../notify/index.js';
import { lockApplication } from '../applications/store.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertLevelAccess, projectOf } from '../resale/store.js';
import { uniqueViolation } from '../selection/store.js';
import { lockExit, lockTransferOffer, transferBar, type TransferOfferRow } from './store.js';

/** Matches the offer to the first eligible interested family in waiting order. */
export async function matchTransfer(ctx: CommandContext, input: { offerId: string }): Promise<TransferOfferRow & { skipped: { applicationId: string; reason: string }[] }> {
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const offer = await lockTransferOffer(tx, input.offerId);
    const project = await projectOf(tx, (await tx.select({ p: units.projectId }).from(units).where(eq(units.id, offer.unitId)))[0]!.p);
    assertLevelAccess(ctx.actor, project, 'staff');
    if (offer.status !== 'open') return { ...offer, skipped: [] };
    if (today <= offer.closesOn) {
      throw new DomainError('TRANSFER_WINDOW_OPEN', 409, `意向登记期至 ${offer.closesOn} 结束，结束后方可确定受让家庭。`,
        `The offer is open until ${offer.closesOn}; the buyer is chosen after it closes.`, 'offerId', { closesOn: offer.closesOn });
    }
    const exit = await lockExit(tx, offer.exitId);
    const queue = await tx.select({ applicationId: transferInterests.applicationId }).from(transferInterests)
      .innerJoin(applications, eq(applications.id, transferInterests.applicationId))
      .where(and(eq(transferInterests.offerId, offer.id), eq(transferInterests.outcome, 'waiting')))
      .orderBy(asc(applications.admittedOn), asc(applications.regCode));
    const skipped: { applicationId: string; reason: string }[] = [];
    const setOutcome = (ids: string[], outcome: string) => ids.length
      ? tx.update(transferInterests).set({ outcome }).where(and(eq(transferInterests.offerId, offer.id), inArray(transferInterests.applicationId, ids)))
      : Promise.resolve();
    let buyer: string | undefined;
    for (const { applicationId } of queue) {
      const app = await lockApplication(tx, applicationId);
      const bar = await transferBar(tx, app, { selection: false });
      if (bar) { skipped.push({ applicationId, reason: bar }); continue; }
      try {
        // One savepoint per attempt: the seller's release comes back with a refused insert.
        await tx.transaction(async (sp) => {
          await sp.update(selections).set({ status: 'released', releasedAt: now, releaseReason: 'transferred' })
            .where(and(eq(selections.unitId, offer.unitId), inArray(selections.status, [...LIVE_SELECTION])));
          await sp.insert(selections).values({
            projectId: project.id, unitId: offer.unitId, applicationId, registrationId: null, batchId: null, kind: 'transfer', status: 'signed', lockedAt: now, signedAt: now,
          });
        });
      } catch (e) {
        const c = uniqueViolation(e);
        if (c !== 'selections_app_live_uq') throw e;
        skipped.push({ applicationId, reason: 'holds_selection' });
        continue;
      }
      buyer = applicationId;
      break;
    }
    await setOutcome(skipped.map((s) => s.applicationId), 'ineligible');
    let row: TransferOfferRow;
    if (buyer) {
      await setOutcome([buyer], 'chosen');
      await tx.update(transferInterests).set({ outcome: 'not_chosen' }).where(and(eq(transferInterests.offerId, offer.id), eq(transferInterests.outcome, 'waiting')));
      [row] = await tx.update(transferOffers).set({ status: 'matched', buyerApplicationId: buyer, matchedOn: today, version: sql`${transferOffers.version} + 1` })
        .where(eq(transferOffers.id, offer.id)).returning() as [TransferOfferRow];
      await tx.update(exitApplications).set({ status: 'matched', version: sql`${exitApplications.version} + 1` }).where(eq(exitApplications.id, exit.id));
      const [u] = await tx.select({ number: units.number, building: buildings.name }).from(units).innerJoin(buildings, eq(buildings.id, units.buildingId)).where(eq(units.id, offer.unitId));
      const [acct] = await tx.select({ accountId: applications.accountId }).from(applications).where(eq(applications.id, buyer));
      await enqueue(tx, { accountId: acct!.accountId, template: 'transfer_matched', params: { projectName: project.name, unit: `${u!.building} ${u!.number}`, price: rmbFigures(offer.priceFen) } }, now);
    } else {
      [row] = await tx.update(transferOffers).set({ status: 'failed', version: sql`${transferOffers.version} + 1` }).where(eq(transferOffers.id, offer.id)).returning() as [TransferOfferRow];
      await tx.update(exitApplications).set({ status: 'accepted', version: sql`${exitApplications.version} + 1` }).where(eq(exitApplications.id, exit.id));
    }
    await appendAudit(tx, {
      actor: ctx.actor, action: buyer ? 'transfer.match' : 'transfer.fail', targetType: 'transfer_offer', targetId: offer.id, at: now,
      detail: { exitNo: exit.exitNo, unitId: offer.unitId, buyerApplicationId: buyer ?? null, interested: queue.length, skipped, order: 'admitted_on, reg_code' },
    });
    return { ...row, skipped };
  });
}
