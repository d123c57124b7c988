/**
 * The two functions of other modules a contract needs (docs/CONTRACT.md "Cross-module
 * functions"): closeOtherRegistrations (money, 第十一条) and releaseSelection (selection).
 *
 * releaseSelection is the selection module's. INTERIM: until src/commands/registrations exports
 * closeOtherRegistrations it is written here against the contract's signature; it becomes a
 * re-export as soon as the owner's code lands, and nothing else in this folder changes.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { registrations } from '../../db/schema.js';
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

/** The selection is released and its unit is offered again (src/commands/selection). */
export { releaseSelection } from '../selection/index.js';
