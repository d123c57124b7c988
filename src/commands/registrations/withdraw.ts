/**
 * withdrawRegistration: the family leaves a project's lottery before its list is frozen; what it
 * holds is refunded (第十一条: 认购金 is the family's money until credited against a price).
 * Interpretation: after the freeze the list is public and fixed (QLOT-1), so a family that no
 * longer wants the home simply does not select; its 认购金 returns when the sale ends.
 */
import { eq } from 'drizzle-orm';
import { registrations } from '../../db/schema.js';
import { enqueue } from '../../notify/index.js';
import { assertOwner } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { expireOrders, refundHeld } from './refunds.js';
import { listFrozen, lockRegistration, planOf, projectName, regState } from './store.js';

/** Withdraws; withdrawing again returns the same answer. */
export async function withdrawRegistration(
  ctx: CommandContext, input: { registrationId: string; reason?: string },
): Promise<{ id: string; regNo: string; status: 'withdrawn'; refundedFen: number }> {
  const reason = (input.reason ?? '').trim().slice(0, 500) || '本人撤回认购登记';
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const reg = await lockRegistration(tx, input.registrationId);
    assertOwner(ctx.actor, reg);
    if (reg.status === 'withdrawn') return { id: reg.id, regNo: reg.regNo, status: 'withdrawn' as const, refundedFen: 0 };
    if (reg.status !== 'pending_payment' && reg.status !== 'registered') throw regState(reg.status, '撤回', 'withdraw');
    if (await listFrozen(tx, await planOf(tx, reg.planId))) {
      throw new DomainError('LIST_FROZEN', 409, '摇号排序名单已锁定，不能再撤回认购登记；未签约的认购金将在配售结束后退还（第十一条）。',
        'The lottery list is frozen; the registration can no longer be withdrawn. Unsigned deposits are refunded when the sale ends.', 'registrationId');
    }
    await tx.update(registrations).set({ status: 'withdrawn', closedAt: now, closedReason: reason, version: reg.version + 1 }).where(eq(registrations.id, reg.id));
    await expireOrders(tx, reg.id);
    const refundedFen = await refundHeld(tx, ctx, reg.id, reason, `WD-${reg.regNo}`);
    await enqueue(tx, { accountId: reg.accountId, template: 'registration_closed', params: { projectName: await projectName(tx, reg.projectId), regNo: reg.regNo, reason } }, now);
    return { id: reg.id, regNo: reg.regNo, status: 'withdrawn' as const, refundedFen };
  });
}
