/**
 * recordDelivery: 交房, the implementer hands the unit over to the family that signed for it.
 * Delivery is the step before registration (第十八条: the implementer and the buyer apply for the
 * title together) and the line after which a deceiving family is ordered to vacate rather than
 * rescinded (第三十一条).
 *
 * Readings: delivery is a fact with a date; recording it again with the same date is a retry and
 * answers the same, a different date after it was recorded is a conflict (a correction is not a
 * retry and is not offered here). The date is not before the contract was signed and not after today.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { contracts } from '../../db/schema.js';
import { isIsoDate, todayInShanghai } from '../../rules/core/dates.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid, notFound } from '../errors.js';
import { assertUnitAccess, isUuid, loadUnitScope } from './access.js';

export type ContractRow = typeof contracts.$inferSelect;

/** What delivery answers: the contract's number and its delivery. */
export type Delivery = { contractId: string; contractNo: string; unitId: string; deliveredOn: string; deliveredBy: string | null };

/** The contract locked FOR UPDATE (404 when absent). */
export async function lockContract(tx: Tx, contractId: string): Promise<ContractRow> {
  if (!isUuid(contractId)) throw notFound('购房合同', 'contract');
  const [c] = await tx.select().from(contracts).where(eq(contracts.id, contractId)).for('update');
  if (!c) throw notFound('购房合同', 'contract');
  return c;
}

/** 409 unless the contract is signed. */
export function assertSigned(c: ContractRow): void {
  if (c.status !== 'signed') {
    throw new DomainError('CONTRACT_NOT_SIGNED', 409, `购房合同 ${c.contractNo} 尚未签订（当前状态：${c.status}）。`,
      `Contract ${c.contractNo} is not signed (it is ${c.status}).`, 'contractId', { status: c.status });
  }
}

/** Record the delivery of a signed contract's unit (implementer of the project or staff of its level). */
export async function recordDelivery(ctx: CommandContext, input: { contractId: string; deliveredOn: string }): Promise<Delivery> {
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  if (!isIsoDate(input.deliveredOn)) throw invalid('deliveredOn', '交房日期须为有效的 YYYY-MM-DD 日期。', 'deliveredOn must be a calendar date YYYY-MM-DD.');
  return ctx.db.transaction(async (tx) => {
    const c = await lockContract(tx, input.contractId);
    const { project } = await loadUnitScope(tx, c.unitId);
    assertUnitAccess(ctx.actor, project, 'implementer_or_staff');
    assertSigned(c);
    const answer = (on: string, by: string | null): Delivery => ({ contractId: c.id, contractNo: c.contractNo, unitId: c.unitId, deliveredOn: on, deliveredBy: by });
    if (c.deliveredOn) {
      if (c.deliveredOn === input.deliveredOn) return answer(c.deliveredOn, c.deliveredBy);
      throw new DomainError('ALREADY_DELIVERED', 409, `该房屋已于 ${c.deliveredOn} 交付，不能改为 ${input.deliveredOn}。`,
        `The unit was delivered on ${c.deliveredOn}; it cannot be recorded as delivered on ${input.deliveredOn}.`, 'deliveredOn', { deliveredOn: c.deliveredOn });
    }
    if (input.deliveredOn > today) throw invalid('deliveredOn', `交房日期（${input.deliveredOn}）不能晚于今天（${today}）。`, `deliveredOn (${input.deliveredOn}) cannot be after today (${today}).`);
    const signedOn = todayInShanghai(c.signedAt!);
    if (input.deliveredOn < signedOn) {
      throw invalid('deliveredOn', `交房日期（${input.deliveredOn}）不能早于合同签订日（${signedOn}）。`, `deliveredOn (${input.deliveredOn}) cannot be before the contract was signed (${signedOn}).`);
    }
    const by = ctx.actor.accountId || null;
    await tx.update(contracts).set({ deliveredOn: input.deliveredOn, deliveredBy: by }).where(eq(contracts.id, c.id));
    await appendAudit(tx, {
      actor: ctx.actor, action: 'contract.deliver', targetType: 'contract', targetId: c.id, at: now,
      detail: { contractNo: c.contractNo, unitId: c.unitId, deliveredOn: input.deliveredOn },
    });
    return answer(input.deliveredOn, by);
  });
}
