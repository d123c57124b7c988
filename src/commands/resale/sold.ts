/**
 * markResaleSold: 第三十条 — when the buyer of a resold unit signs its contract (src/commands/contracts/sign.ts),
 * the resale offer becomes `sold` and names the contract, in the signing's own transaction.
 * The offer stays `approved` while a chosen unit is unsigned: a lapsed contract returns the unit to sale.
 */
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { resaleOffers } from '../../db/schema.js';
import type { CommandContext } from '../context.js';

/** Marks the approved offer sold with the contract (no change when it already is). */
export async function markResaleSold(tx: Tx, ctx: CommandContext, input: { offerId: string; contractId: string; contractNo: string; at: Date }): Promise<void> {
  const [row] = await tx.update(resaleOffers).set({ status: 'sold', contractId: input.contractId, version: sql`${resaleOffers.version} + 1` })
    .where(and(eq(resaleOffers.id, input.offerId), eq(resaleOffers.status, 'approved'))).returning({ id: resaleOffers.id, unitId: resaleOffers.unitId });
  if (!row) return;
  await appendAudit(tx, {
    actor: ctx.actor, action: 'resale.sold', targetType: 'resale_offer', targetId: row.id, at: input.at,
    detail: { unitId: row.unitId, contractId: input.contractId, contractNo: input.contractNo },
  });
}
