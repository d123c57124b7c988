/**
 * releaseSelection: a locked selection ends without a contract (the family refused after
 * choosing, or the contract deadline passed — src/commands/contracts calls this when a contract
 * lapses) and its unit goes back on offer. 第十一条: a family that does not sign keeps no unit;
 * 第十六条: what is left is sold on.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { contracts, selections, units } from '../../db/schema.js';
import { DomainError, notFound } from '../errors.js';
import { assertUuid, type SelectionRow } from './store.js';

/**
 * Releases the selection in the caller's transaction: selection `released` (with reason and
 * time), unit `reserved → available`. Retry-safe: an already released selection is returned
 * with `released: false`. A signed selection cannot be released (409): the unit is sold.
 */
export async function releaseSelection(tx: Tx, selectionId: string, reason: string, at: Date): Promise<{ released: boolean; selection: SelectionRow }> {
  assertUuid(selectionId, '选房记录', 'selection');
  const [s] = await tx.select().from(selections).where(eq(selections.id, selectionId)).for('update');
  if (!s) throw notFound('选房记录', 'selection');
  if (s.status === 'released') return { released: false, selection: s };
  if (s.status === 'signed') {
    throw new DomainError('SELECTION_SIGNED', 409, '该房源已签约，不能收回。', 'The unit has been signed for; the selection cannot be released.', undefined, { selectionId });
  }
  const [row] = await tx.update(selections).set({ status: 'released', releasedAt: at, releaseReason: reason })
    .where(eq(selections.id, s.id)).returning();
  // The unit was reserved by this selection alone (selections_unit_live_uq).
  await tx.update(units).set({ status: 'available', version: sql`${units.version} + 1` })
    .where(and(eq(units.id, s.unitId), eq(units.status, 'reserved')));
  return { released: true, selection: row! };
}

/**
 * 第十一条 with 第九条/第三十一条: a family that leaves the waiting list (withdrawn, removed, lapsed,
 * cancelled) keeps no unit it chose but has not signed for. Its locked selection is released at once
 * (not on the contract deadline) and a drawn-up, unsigned contract lapses. A signed one is not
 * touched: the family bought its home. Returns how many selections were released.
 */
export async function releaseUnsignedOnLeaving(tx: Tx, applicationId: string, reason: string, at: Date): Promise<number> {
  const locked = await tx.select().from(selections)
    .where(and(eq(selections.applicationId, applicationId), eq(selections.status, 'locked'))).for('update');
  for (const s of locked) {
    await tx.update(contracts).set({ status: 'lapsed' }).where(and(eq(contracts.selectionId, s.id), eq(contracts.status, 'generated')));
    await releaseSelection(tx, s.id, reason, at);
  }
  return locked.length;
}
