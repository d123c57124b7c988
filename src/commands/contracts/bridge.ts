/**
 * The two functions of other modules a contract needs (docs/CONTRACT.md "Cross-module
 * functions"): closeOtherRegistrations (money, 第十一条) and releaseSelection (selection).
 *
 * INTERIM: until src/commands/registrations and src/commands/selection export them, these are
 * written here against the contract's signatures; they are replaced by re-exports as soon as
 * the owners' code lands, and nothing else in this folder changes.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { registrations, selections, units } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { depositBalance, postDeposit } from '../deposits/ledger.js';

/** 第十一条: the family bought elsewhere; its other open registrations close and their held 认购金 is refunded. */
export async function closeOtherRegistrations(tx: Tx, ctx: CommandContext, applicationId: string, exceptRegistrationId: string | null, reason: string): Promise<number> {
  const open = await tx.select().from(registrations).where(and(
    eq(registrations.applicationId, applicationId), inArray(registrations.status, ['pending_payment', 'registered']),
    ...(exceptRegistrationId ? [ne(registrations.id, exceptRegistrationId)] : []),
  )).orderBy(registrations.id).for('update');
  const now = ctx.clock.now();
  for (const r of open) {
    await tx.update(registrations).set({ status: 'closed', closedAt: now, closedReason: reason, version: r.version + 1 }).where(eq(registrations.id, r.id));
    const held = (await depositBalance(tx, r.id)).held;
    if (held > 0) await postDeposit(tx, { projectId: r.projectId, registrationId: r.id, kind: 'refunded', amountFen: held, reference: `RF-${r.regNo}-closed`, reason, at: now });
  }
  return open.length;
}

/** The selection is released and its unit is offered again. */
export async function releaseSelection(tx: Tx, selectionId: string, reason: string, at: Date): Promise<void> {
  const [sel] = await tx.update(selections).set({ status: 'released', releasedAt: at, releaseReason: reason })
    .where(and(eq(selections.id, selectionId), eq(selections.status, 'locked'))).returning();
  if (sel) await tx.update(units).set({ status: 'available' }).where(and(eq(units.id, sel.unitId), eq(units.status, 'reserved')));
}
