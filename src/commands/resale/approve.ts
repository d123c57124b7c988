/**
 * approveResale: 第三十条 回购的房屋适当修缮后可继续作为配售房源，出售给符合条件的其他购房家庭。再次配售价格应覆盖
 * 回购价格、二次装修成本等. Staff of the project's level approve the resale price, no lower than the
 * floor of rule housing.resale-floor (buyback price + renovation cost); the unit is offered again.
 *
 * Reading of "继续作为配售房源" (offered through the project's sale): the unit becomes `available`
 * with its resale price (units.resale_offer_id is its price authority, units_priced_ck) and is
 * sold by the project's existing flow:
 * - a project in its rolling sale (第十六条 常态化配售) offers it at once to every waiting family;
 * - an `ended` project is put back into its rolling sale (audited as selection.rolling.reopen),
 *   since every ranked family has had its turn: first come, first served among waiting families;
 * - a project still `selling` offers it in its current round's batches, then the rolling sale.
 * The buyer is held to the same rules as a first sale (admitted family, one unit, 第五条、第十一条)
 * by the selection commands themselves. `offered_on` restarts: 第十六条's "long unsold" counts
 * from the day the resale was offered.
 *
 * A retried approval at the same price returns the offer; another price once approved is refused.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import { projects, resaleOffers, selections, units } from '../../db/schema.js';
import { rmbFigures } from '../../documents/contract-money.js';
import { resaleFloor } from '../../rules/housing/resale-floor.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { parseInput } from '../validate.js';
import { assertLevelAccess, fenField, lockOffer, lockUnitRow, projectOf, type ResaleOfferRow } from './store.js';

/** The body of POST /api/resale-offers/:id/approve. */
export const ApproveResaleSchema = z.object({ priceFen: fenField('priceFen', 1) });

/** Approves the resale price and offers the unit again. */
export async function approveResale(ctx: CommandContext, raw: { offerId: string } & Record<string, unknown>): Promise<ResaleOfferRow> {
  const { priceFen } = parseInput(ApproveResaleSchema, raw);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const offer = await lockOffer(tx, raw.offerId);
    const unit = await lockUnitRow(tx, offer.unitId);
    const project = await projectOf(tx, unit.projectId);
    assertLevelAccess(ctx.actor, project, 'staff');
    if (offer.status !== 'renovating') {
      if (offer.status === 'approved' && offer.priceFen === priceFen) return offer;
      throw new DomainError('RESALE_NOT_RENOVATING', 409, `该再配售房源当前状态（${offer.status}）下不能再批准价格。`,
        `The resale offer is ${offer.status}; its price cannot be approved again.`, 'priceFen', { status: offer.status, priceFen: offer.priceFen });
    }
    if (offer.renovationCostFen === null) {
      throw new DomainError('RENOVATION_NOT_RECORDED', 409, '请先登记修缮情况（费用、完成日期及凭证），再批准再配售价格（第三十条：适当修缮后）。',
        'Record the renovation (cost, completion day, evidence) before approving the resale price (第三十条).', 'costFen');
    }
    if (unit.status !== 'bought_back') throw new Error(`unit ${unit.id} of a renovating resale offer is ${unit.status}`);
    const floor = resaleFloor({ buybackPrice: offer.buybackPriceFen, renovationCost: offer.renovationCostFen }, today);
    const minimum = floor.value.minimum;
    if (priceFen < minimum) {
      throw new DomainError('RESALE_PRICE_BELOW_FLOOR', 400,
        `再次配售价格不得低于 ${rmbFigures(minimum)}（回购价格 ${rmbFigures(offer.buybackPriceFen)} 加修缮成本 ${rmbFigures(offer.renovationCostFen)}，第三十条）；您填写的是 ${rmbFigures(priceFen)}。`,
        `priceFen must be at least ${minimum} fen (the buyback price plus the renovation cost, 第三十条); got ${priceFen}.`,
        'priceFen', { floorFen: minimum });
    }
    // completeBuyback releases the seller's own selection; one of another family can still be live
    // (the first buyer's, when the seller inherited the unit, 第二十二条) and would block every new
    // buyer (selections_unit_live_uq): the unit is the government's now, so it is released too.
    const released = await tx.update(selections).set({ status: 'released', releasedAt: now, releaseReason: 'bought_back' })
      .where(sql`${selections.unitId} = ${unit.id} and ${selections.status} in ('locked', 'signed')`).returning({ id: selections.id });
    const [row] = await tx.update(resaleOffers).set({
      floorFen: minimum, priceFen, status: 'approved', approvedBy: ctx.actor.accountId, approvedAt: now, version: sql`${resaleOffers.version} + 1`,
    }).where(eq(resaleOffers.id, offer.id)).returning();
    await tx.update(units).set({ status: 'available', priceFen, resaleOfferId: offer.id, offeredOn: today, version: sql`${units.version} + 1` })
      .where(eq(units.id, unit.id));
    if (project.status === 'ended') {
      await tx.update(projects).set({ status: 'rolling', updatedAt: now, version: sql`${projects.version} + 1` }).where(eq(projects.id, project.id));
      await appendAudit(tx, {
        actor: ctx.actor, action: 'selection.rolling.reopen', targetType: 'project', targetId: project.id, at: now,
        detail: { code: project.code, reason: '第三十条：回购房源再配售', unitId: unit.id, resaleOfferId: offer.id },
      });
    }
    await appendAudit(tx, {
      actor: ctx.actor, action: 'resale.approve', targetType: 'resale_offer', targetId: offer.id, at: now,
      detail: {
        unitId: unit.id, priceFen, floorFen: minimum, buybackPriceFen: offer.buybackPriceFen, renovationCostFen: offer.renovationCostFen,
        maintenanceFundDueFen: offer.maintenanceFundDueFen, projectStatus: project.status, releasedSelections: released.map((r) => r.id), rule: floor,
      },
    });
    return row!;
  });
}
