/**
 * Storage helpers of the buyback commands (济政发〔2025〕3号 第二十七至二十九条). All take the
 * caller's transaction.
 *
 * Lock order, the exits' own (src/commands/exits/store.ts) extended by one step, so that a buyback
 * command never waits in a cycle with an exit command: unit → exit application → buyback contract.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { buybackContracts, buybackPayments, exitApplications, titles, VACATING_ITEMS, vacatingItems } from '../../db/schema.js';
import { param } from '../../params/load.js';
import type { Actor } from '../context.js';
import { DomainError, notFound } from '../errors.js';
import { assertExitRead, assertExitStaff, exitStage, loadExit, lockExitWithUnit, unitHolding, type ExitRow } from '../exits/store.js';

export type BuybackContractRow = typeof buybackContracts.$inferSelect;
export type BuybackPaymentRow = typeof buybackPayments.$inferSelect;
export type VacatingRow = typeof vacatingItems.$inferSelect;
export type VacatingItem = (typeof VACATING_ITEMS)[number];

/** housing.buyback-payments' split, as stored on the contract (buyback_contracts.schedule). */
export type Schedule = {
  first: number; balance: number; firstToLender: number; firstToFamily: number; balanceToLender: number; balanceToFamily: number;
  loanUnpaid: number;
  /** The first-payment share the rule read (第二十九条), e.g. "0.10", and the day it was read. */
  firstShare: string; asOf: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 409 for an exit by internal transfer: buyback steps do not apply to it. */
const notBuyback = (e: ExitRow) => new DomainError('NOT_BUYBACK', 409, '该退出申请为轮候家庭内部流转，不适用政府回购（第二十四条）。',
  'This exit is an internal transfer, not a buyback (第二十四条).', undefined, { route: e.route, exitNo: e.exitNo });

/**
 * The buyback exit with its unit, project and current title, locked (unit → exit), checked for the
 * acting staff (project's level) and the route; and its contract, locked, when there is one.
 */
export async function lockBuyback(tx: Tx, actor: Actor, exitId: string) {
  const held = await lockExitWithUnit(tx, exitId);
  assertExitStaff(actor, held.project);
  if (held.exit.route !== 'buyback') throw notBuyback(held.exit);
  const [contract] = await tx.select().from(buybackContracts).where(eq(buybackContracts.exitId, held.exit.id)).for('update');
  return { ...held, contract };
}

/** The same for reading: no locks; the project's staff, the implementer of it and the auditor. */
export async function readBuyback(tx: Tx, actor: Actor, exitId: string) {
  const exit = await loadExit(tx, exitId);
  const held = await unitHolding(tx, exit.unitId);
  assertExitRead(actor, held.project);
  if (exit.route !== 'buyback') throw notBuyback(exit);
  const [contract] = await tx.select().from(buybackContracts).where(eq(buybackContracts.exitId, exit.id));
  return { ...held, exit, contract };
}

/** The exit id of a buyback contract; 404 when absent. */
export async function exitOfContract(tx: Tx, contractId: string): Promise<string> {
  if (!UUID.test(contractId)) throw notFound('回购合同', 'buyback contract');
  const [row] = await tx.select({ exitId: buybackContracts.exitId }).from(buybackContracts).where(eq(buybackContracts.id, contractId));
  if (!row) throw notFound('回购合同', 'buyback contract');
  return row.exitId;
}

/** The contract of a locked buyback, or 409 when none was drawn up. */
export function requireContract(b: { exit: ExitRow; contract?: BuybackContractRow }): BuybackContractRow {
  if (!b.contract) throw exitStage(b.exit, '尚未生成回购合同。', 'no buyback contract has been drawn up.');
  return b.contract;
}

/** Next contract number, 回购〔YYYY〕N号 (buyback_contract_seq; the year it is drawn up). */
export async function nextBuybackContractNo(tx: Tx, today: string): Promise<string> {
  const [r] = await queryRows<{ n: string }>(tx, sql`select nextval('buyback_contract_seq')::text as n`);
  return `回购〔${today.slice(0, 4)}〕${r!.n}号`;
}

/** 第二十九条: the vacating checklist in force on `asOf` (params housing.closed-loop.vacating_items). */
export function vacatingChecklist(asOf: string): VacatingItem[] {
  const items = param<string[]>('housing.closed-loop.vacating_items', asOf).value;
  const known = new Set<string>(VACATING_ITEMS);
  const bad = items.filter((i) => !known.has(i));
  if (bad.length) throw new Error(`vacating_items names items the schema does not hold: ${bad.join(', ')}`);
  return items as VacatingItem[];
}

/** The items recorded for the exit, in the checklist's order. */
export async function vacatingOf(tx: Tx, exitId: string): Promise<VacatingRow[]> {
  return tx.select().from(vacatingItems).where(eq(vacatingItems.exitId, exitId)).orderBy(asc(vacatingItems.doneOn), asc(vacatingItems.item));
}

/** The payments booked on the contract, first stage first, lender before family. */
export async function paymentsOf(tx: Tx, contractId: string): Promise<BuybackPaymentRow[]> {
  const rows = await tx.select().from(buybackPayments).where(eq(buybackPayments.contractId, contractId));
  const order = (p: BuybackPaymentRow) => (p.stage === 'first' ? 0 : 2) + (p.payee === 'lender' ? 0 : 1);
  return rows.sort((a, b) => order(a) - order(b));
}

/** The government's title created by this buyback (第二十九条 不动产转移登记), current or not. */
export async function transferTitleOf(tx: Tx, exitId: string) {
  const [t] = await tx.select().from(titles)
    .where(and(eq(titles.exitId, exitId), eq(titles.origin, 'buyback'), eq(titles.holderKind, 'government')));
  return t;
}

/** The unit's current title. */
export async function currentTitle(tx: Tx, unitId: string) {
  const [t] = await tx.select().from(titles).where(and(eq(titles.unitId, unitId), isNull(titles.supersededOn)));
  return t;
}

/** Bumps the exit's version and sets fields. */
export async function updateExit(tx: Tx, exit: ExitRow, set: Partial<typeof exitApplications.$inferInsert>): Promise<ExitRow> {
  const [row] = await tx.update(exitApplications).set({ ...set, version: exit.version + 1 }).where(eq(exitApplications.id, exit.id)).returning();
  return row!;
}
