/**
 * 第十八条 with 第三十条: POST /api/units/:id/title registers the title of the contract given —
 * the unit's first title (registerFirstTitle), or, when that contract is the signed contract of
 * the unit's sold resale offer, the resale buyer's title superseding the government's
 * (registerResaleTitle in src/commands/resale), so one form on the unit page serves both.
 *
 * Reading: which command applies is decided by the contract alone (a contract belongs to at most
 * one resale offer); the chosen command re-checks access, the offer's state and the contract in its
 * own transaction, so the look-up here decides nothing but the path.
 */
import { and, eq } from 'drizzle-orm';
import { resaleOffers } from '../../db/schema.js';
import { registerResaleTitle } from '../resale/title.js';
import type { CommandContext } from '../context.js';
import { registerFirstTitle, type TitleView } from './title.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Registers the title of `contractId` on the unit: a resale buyer's (第三十条) or the first (第十八条). Staff. */
export async function registerTitle(ctx: CommandContext, input: { unitId: string; contractId: string; certificateNo: string; issuedOn: string }): Promise<TitleView> {
  if (UUID.test(input.contractId) && UUID.test(input.unitId)) {
    const [offer] = await ctx.db.select({ id: resaleOffers.id }).from(resaleOffers)
      .where(and(eq(resaleOffers.contractId, input.contractId), eq(resaleOffers.unitId, input.unitId), eq(resaleOffers.status, 'sold')));
    if (offer) return registerResaleTitle(ctx, { offerId: offer.id, certificateNo: input.certificateNo, issuedOn: input.issuedOn });
  }
  return registerFirstTitle(ctx, input);
}
