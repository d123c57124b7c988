/**
 * The exit board (济政发〔2025〕3号 第二十六条: 回购原则上应当于半年内完成，回购信息及时录入保障性住房信息管理
 * 平台): open exits in the reader's scope with their due dates, overdue first; and one exit in full
 * (eligibility trace, the 第二十五条 checks with evidence, the 第二十七条 valuation, and what the buyback
 * and transfer modules recorded, read straight from their tables). For a buyback it also says
 * whether the transfer to the government is registered and which vacating items the checklist in
 * force today expects (第二十九条, params housing.closed-loop.vacating_items), from buybackState.
 */
import { and, asc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  buybackContracts, buybackPayments, EXIT_STATUSES, exitApplications, OPEN_EXIT_STATUSES, projects, transferOffers, vacatingItems,
} from '../../db/schema.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { parseInput } from '../validate.js';
import { checksOf, type CheckView } from './checks.js';
import { assertExitRead, loadExit } from './store.js';
import type { Valuation } from './valuation.js';
import { exitBoardRows, exitView, type ExitBoardRow, type ExitView } from './view.js';
import { loadProject } from '../sale/access.js';
import { buybackState, type BuybackState } from '../buybacks/view.js';

const BoardQuery = z.object({
  status: z.enum(EXIT_STATUSES, { message: `状态应为 ${EXIT_STATUSES.join('、')} 之一 / status must be one of ${EXIT_STATUSES.join(', ')}` }).optional(),
  overdue: z.boolean().optional(),
});
export type BoardQuery = z.infer<typeof BoardQuery>;

type BoardKey = Pick<ExitView, 'overdue' | 'dueOn' | 'submittedOn' | 'exitNo'>;

/** Overdue first (most overdue on top), then by due date, then those not yet accepted by submission. */
export function boardOrder(a: BoardKey, b: BoardKey): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1;
  return a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : a.exitNo.localeCompare(b.exitNo);
}

/**
 * The board: open exits (or those of `status`) in scope; `overdue` keeps those past their due date.
 * Each row carries the eligibility's verdict only (the trace and the valuation are in exitDetail).
 */
export async function exitBoard(ctx: CommandContext, raw: BoardQuery = {}): Promise<ExitBoardRow[]> {
  const q = parseInput(BoardQuery, raw);
  requireRole(ctx.actor, ['district_staff', 'city_staff', 'auditor', 'implementer']);
  const today = ctx.clock.today();
  const where: (SQL | undefined)[] = [
    q.status ? eq(exitApplications.status, q.status) : inArray(exitApplications.status, [...OPEN_EXIT_STATUSES]),
    q.overdue ? and(lt(exitApplications.dueOn, today), inArray(exitApplications.status, [...OPEN_EXIT_STATUSES])) : undefined,
    // District staff see only district-level projects of their district (assertExitRead).
    ctx.actor.role === 'district_staff' ? and(eq(projects.districtCode, ctx.actor.districtCode ?? ''), eq(projects.level, 'district')) : undefined,
    ctx.actor.role === 'implementer' ? eq(projects.implementerAccountId, ctx.actor.accountId) : undefined,
  ];
  return ctx.db.transaction(async (tx) => (await exitBoardRows(tx, and(...where), today)).sort(boardOrder));
}

/** One exit in full, for the project's staff, the auditor and its implementer. */
export type ExitDetail = ExitView & {
  checks: CheckView[];
  valuation: (Valuation & { valuedOn: string }) | null;
  contract: typeof buybackContracts.$inferSelect | null;
  payments: (typeof buybackPayments.$inferSelect)[];
  vacating: (typeof vacatingItems.$inferSelect)[];
  transferOffer: typeof transferOffers.$inferSelect | null;
  /** 第二十九条: the transfer to the government, once registered (buyback only). */
  transfer: BuybackState['transfer'];
  /** 第二十九条: the vacating items the checklist in force today expects (buyback only; [] otherwise). */
  vacatingExpected: string[];
};

/** The exit with its checks, valuation, buyback contract, payments, vacating items and transfer offer. */
export async function exitDetail(ctx: CommandContext, exitId: string): Promise<ExitDetail> {
  requireRole(ctx.actor, ['district_staff', 'city_staff', 'auditor', 'implementer']);
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const exit = await loadExit(tx, exitId);
    assertExitRead(ctx.actor, await loadProject(tx, exit.projectId));
    const [contract] = await tx.select().from(buybackContracts).where(eq(buybackContracts.exitId, exit.id));
    const payments = contract
      ? await tx.select().from(buybackPayments).where(eq(buybackPayments.contractId, contract.id)).orderBy(asc(buybackPayments.paidOn), asc(buybackPayments.stage), asc(buybackPayments.payee))
      : [];
    const [offer] = await tx.select().from(transferOffers).where(eq(transferOffers.exitId, exit.id));
    const buyback = exit.route === 'buyback' ? await buybackState(tx, exit.id, today) : null;
    return {
      ...(await exitView(tx, exit.id, today)),
      checks: await checksOf(tx, exit.id),
      valuation: exit.valuation ? { ...(exit.valuation as Valuation), valuedOn: exit.valuedOn! } : null,
      contract: contract ?? null, payments,
      vacating: await tx.select().from(vacatingItems).where(eq(vacatingItems.exitId, exit.id)).orderBy(asc(vacatingItems.doneOn)),
      transferOffer: offer ?? null,
      transfer: buyback?.transfer ?? null,
      vacatingExpected: buyback?.vacating.items.map((i) => i.item) ?? [],
    };
  });
}
