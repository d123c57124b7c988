/**
 * Storage helpers of the internal transfer (济政发〔2025〕3号 第二十四条: 轮候家庭内部流转), all in the
 * caller's transaction, and who may take an offer.
 *
 * Reading of "a family that may take a transfer": as a first sale (第五条 每个家庭限购1套, 第十一条):
 * its application is `admitted` (on the waiting list), it holds no live selection anywhere in the
 * city (selections_app_live_uq) and no current title it bought (titles_family_bought_uq). A title
 * that came by inheritance or divorce is not a purchase and does not bar it (第二十二条 handles
 * those holdings with its own deadline).
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { BOUGHT_ORIGINS, LIVE_SELECTION, applications, exitApplications, selections, titles, transferOffers } from '../../db/schema.js';
import { DomainError, notFound } from '../errors.js';
import { assertUuid } from '../resale/store.js';

export type TransferOfferRow = typeof transferOffers.$inferSelect;
export type ExitRow = typeof exitApplications.$inferSelect;

/** The offer, locked FOR UPDATE. */
export async function lockTransferOffer(tx: Tx, offerId: string): Promise<TransferOfferRow> {
  assertUuid(offerId, '内部流转房源', 'transfer offer');
  const [o] = await tx.select().from(transferOffers).where(eq(transferOffers.id, offerId)).for('update');
  if (!o) throw notFound('内部流转房源', 'transfer offer');
  return o;
}

/** The exit application, locked FOR UPDATE. */
export async function lockExit(tx: Tx, exitId: string): Promise<ExitRow> {
  assertUuid(exitId, '退出申请', 'exit application');
  const [e] = await tx.select().from(exitApplications).where(eq(exitApplications.id, exitId)).for('update');
  if (!e) throw notFound('退出申请', 'exit application');
  return e;
}

/** Why a family may not take a transfer now, or null when it may. */
export type Bar = 'not_admitted' | 'holds_selection' | 'holds_bought_title' | null;

/**
 * 第五条、第十一条 as a first sale (see the file's reading). `selection: false` leaves the live
 * selection to the unique index selections_app_live_uq (matchTransfer inserts under a savepoint).
 */
export async function transferBar(tx: Tx, app: { id: string; status: string }, opts: { selection?: boolean } = {}): Promise<Bar> {
  if (app.status !== 'admitted') return 'not_admitted';
  const [live] = opts.selection === false ? [] : await tx.select({ id: selections.id }).from(selections)
    .where(and(eq(selections.applicationId, app.id), inArray(selections.status, [...LIVE_SELECTION]))).limit(1);
  if (live) return 'holds_selection';
  const [bought] = await tx.select({ id: titles.id }).from(titles)
    .where(and(eq(titles.holderApplicationId, app.id), isNull(titles.supersededOn), inArray(titles.origin, [...BOUGHT_ORIGINS]))).limit(1);
  return bought ? 'holds_bought_title' : null;
}

/** The signed-in family's application on the waiting list (the earliest admitted one), if any. */
export async function admittedApplicationOf(tx: Tx, accountId: string) {
  const [a] = await tx.select().from(applications)
    .where(and(eq(applications.accountId, accountId), eq(applications.status, 'admitted'))).orderBy(asc(applications.admittedOn)).limit(1);
  return a;
}

/** The family's refusal for a bar (409, naming the offer). */
export function barred(bar: Exclude<Bar, null>): DomainError {
  const zh = { not_admitted: '只有轮候库中的家庭可以参加轮候家庭内部流转（第二十四条）。', holds_selection: '您的家庭已选定或购买一套房源，每个家庭限购1套（第五条、第十一条）。', holds_bought_title: '您的家庭已持有一套购买的保障性住房，每个家庭限购1套（第五条、第十一条）。' }[bar];
  const en = { not_admitted: 'Only families on the waiting list may take an internal transfer (第二十四条).', holds_selection: 'Your family already holds a unit; a family may buy one unit only (第五条, 第十一条).', holds_bought_title: 'Your family already owns a unit it bought; a family may buy one unit only (第五条, 第十一条).' }[bar];
  return new DomainError(bar === 'not_admitted' ? 'NOT_ON_WAITING_LIST' : 'ALREADY_HOLDS_UNIT', 409, zh, en, 'offerId', { bar });
}
