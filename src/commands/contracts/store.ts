/**
 * Storage helpers of the contract commands (第十三、十四条). All take the caller's transaction.
 *
 * Lock order, shared by generate, sign and the lapse job so that two of them never wait on each
 * other in a cycle: selection → contract → unit → registration → application.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { contracts, registrations, salePlans, selections, units } from '../../db/schema.js';
import { param } from '../../params/load.js';
import { addDays, todayInShanghai } from '../../rules/core/dates.js';
import { DomainError, notFound } from '../errors.js';

export type ContractRow = typeof contracts.$inferSelect;
export type SelectionRow = typeof selections.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The selection, locked FOR UPDATE; 404 when absent. */
export async function lockSelection(tx: Tx, id: string): Promise<SelectionRow> {
  if (!UUID.test(id)) throw notFound('选房记录', 'selection');
  const [row] = await tx.select().from(selections).where(eq(selections.id, id)).for('update');
  if (!row) throw notFound('选房记录', 'selection');
  return row;
}

/** The contract without a lock; 404 when absent. */
export async function readContract(tx: Tx, id: string): Promise<ContractRow> {
  if (!UUID.test(id)) throw notFound('合同', 'contract');
  const [row] = await tx.select().from(contracts).where(eq(contracts.id, id));
  if (!row) throw notFound('合同', 'contract');
  return row;
}

/** The selection's contract, locked FOR UPDATE (take the selection's lock first). */
export async function lockContractOf(tx: Tx, selectionId: string): Promise<ContractRow | undefined> {
  const [row] = await tx.select().from(contracts).where(eq(contracts.selectionId, selectionId)).for('update');
  return row;
}

/** The unit, locked FOR UPDATE. */
export async function lockUnit(tx: Tx, id: string): Promise<UnitRow> {
  const [row] = await tx.select().from(units).where(eq(units.id, id)).for('update');
  if (!row) throw notFound('房源', 'unit');
  return row;
}

/** The registration, locked FOR UPDATE. */
export async function lockRegistration(tx: Tx, id: string): Promise<RegistrationRow> {
  const [row] = await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
  if (!row) throw notFound('认购登记', 'registration');
  return row;
}

/** Next contract number, e.g. 济配售合〔2026〕000123号 (contract_seq; the year of the day it is drawn up). */
export async function nextContractNo(tx: Tx, today: string): Promise<string> {
  const [{ n }] = await queryRows<{ n: string }>(tx, sql`select nextval('contract_seq')::text as n`);
  return `济配售合〔${today.slice(0, 4)}〕${n.padStart(6, '0')}号`;
}

/**
 * The last day the family may sign for this selection (inclusive).
 *
 * Reading (第十一条 选房签约; the plan's contract_deadline_days): the period runs from the day
 * the unit was chosen, not from the day the contract is drawn up, so drawing it up late or again
 * (a different loan) never lengthens the hold on a unit other families wait for. A selection of
 * the rolling sale (第十六条) has no plan; its period is the parameter
 * housing.contract.rolling_contract_deadline_days on the day it was chosen.
 */
export async function signingDeadline(tx: Tx | Db, sel: SelectionRow): Promise<string> {
  const chosenOn = todayInShanghai(sel.lockedAt);
  if (!sel.registrationId) return addDays(chosenOn, param<number>('housing.contract.rolling_contract_deadline_days', chosenOn).value);
  const [plan] = await tx.select({ days: salePlans.contractDeadlineDays }).from(registrations)
    .innerJoin(salePlans, eq(salePlans.id, registrations.planId)).where(eq(registrations.id, sel.registrationId));
  if (!plan) throw new Error(`registration ${sel.registrationId} has no plan`);
  return addDays(chosenOn, plan.days);
}

/** 409 for a selection that no longer holds its unit. */
export function selectionNotLocked(status: string): DomainError {
  return status === 'signed'
    ? new DomainError('ALREADY_SIGNED', 409, '该房源已签订买卖合同。', 'A contract for this unit is already signed.', undefined, { status })
    : new DomainError('SELECTION_RELEASED', 409, '该选房记录已释放（放弃或超过签约期限），不能生成或签订合同。',
      'This selection was released (refused or past the signing deadline); no contract can be drawn up or signed.', undefined, { status });
}

/** 409 after the last signing day. */
export function deadlinePassed(deadline: string): DomainError {
  return new DomainError('CONTRACT_DEADLINE_PASSED', 409, `签约期限（${deadline}，含当日）已过，不能再签订合同。`,
    `The signing deadline (${deadline}, inclusive) has passed.`, undefined, { deadline });
}
