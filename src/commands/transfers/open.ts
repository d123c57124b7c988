/**
 * openTransferOffer: 第二十四条 购房家庭取得保障性住房不动产权证满2年后，可采用轮候家庭内部流转……的方式退出. Staff
 * offer the unit of an accepted internal-transfer exit to the waiting families, at a price the
 * seller and staff agree on, no higher than the unit's price by the published method on the day
 * the offer opens (rule housing.buyback-price, 第二十七条).
 *
 * Readings:
 * - The ceiling: a unit leaving by transfer stays in the closed loop (第二十条、第二十四条), so it
 *   may not cost the next family more than the government itself would pay for it that day.
 *   The inputs are the exit's own valuation inputs (P0, paidOn, builtOn, price indexes), valued
 *   again on opensOn.
 * - closesOn defaults to opensOn + housing.closed-loop.internal_transfer_offer_window_days.
 * - opensOn is not before today (an offer published for a past window would have no readers).
 * - The offer is listed to every waiting family (GET /api/my/transfer-offers); families of the
 *   project's district are told by notice, up to NOTICE_CAP (an operational limit on one
 *   transaction's outbox rows, not a policy number; beyond it the listing suffices).
 * - A failed offer (nobody eligible was interested) may be opened again: one offer row per exit
 *   (transfer_offers.exit_id is unique), so the same row takes the new price and window and the
 *   families express interest anew.
 * A retry with the same terms returns the open offer.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import { applications, exitApplications, transferOffers, units } from '../../db/schema.js';
import { rmbFigures } from '../../documents/contract-money.js';
import { enqueueMany } from '../../notify/index.js';
import { param } from '../../params/load.js';
import { addDays } from '../../rules/core/dates.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { assertLevelAccess, fenField, isoDay, projectOf } from '../resale/store.js';
import { parseInput } from '../validate.js';
import { transferCeiling } from './ceiling.js';
import { lockExit, type TransferOfferRow } from './store.js';

const NOTICE_CAP = 500;

/** The body of POST /api/exits/:id/transfer-offer. */
export const TransferOfferSchema = z.object({
  priceFen: fenField('priceFen', 1),
  opensOn: isoDay('opensOn'),
  closesOn: isoDay('closesOn').optional(),
  /** Only while the method's price-level factor K is on (第二十七条 物价水平). */
  cpiAtPurchase: z.string().max(20).optional(),
  cpiAtValuation: z.string().max(20).optional(),
});

/** Opens (or re-opens after a failure) the internal-transfer offer of an accepted exit. */
export async function openTransferOffer(ctx: CommandContext, raw: { exitId: string } & Record<string, unknown>): Promise<TransferOfferRow> {
  const input = parseInput(TransferOfferSchema, raw);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const exit = await lockExit(tx, raw.exitId);
    const project = await projectOf(tx, exit.projectId);
    assertLevelAccess(ctx.actor, project, 'staff');
    // The days are judged against today only for staff who may act (another district's staff get 403, not 400).
    if (input.opensOn < today) throw invalid('opensOn', `征集开始日期（${input.opensOn}）不能早于今天（${today}）。`, `opensOn (${input.opensOn}) cannot be before today (${today}).`);
    const closesOn = input.closesOn ?? addDays(input.opensOn, param<number>('housing.closed-loop.internal_transfer_offer_window_days', input.opensOn).value);
    if (closesOn < input.opensOn) throw invalid('closesOn', '征集截止日期不能早于开始日期。', 'closesOn cannot be before opensOn.');
    const [existing] = await tx.select().from(transferOffers).where(eq(transferOffers.exitId, exit.id)).for('update');
    if (existing && existing.status === 'open' && exit.status === 'offered') {
      if (existing.priceFen === input.priceFen && existing.opensOn === input.opensOn && existing.closesOn === closesOn) return existing;
      throw new DomainError('TRANSFER_OFFER_OPEN', 409, '该退出申请已在向轮候家庭征集，不能更改条件。', 'The transfer offer is already open; its terms cannot change.', 'exitId', { offerId: existing.id });
    }
    if (exit.route !== 'internal_transfer' || exit.status !== 'accepted') {
      throw new DomainError('EXIT_NOT_ACCEPTED_TRANSFER', 409, `只有已受理的内部流转退出申请可以向轮候家庭征集（当前：${exit.route}，${exit.status}）。`,
        `Only an accepted internal-transfer exit can be offered (it is ${exit.route}, ${exit.status}).`, 'exitId', { route: exit.route, status: exit.status });
    }
    const valuation = await transferCeiling(tx, exit, input.opensOn, { cpiAtPurchase: input.cpiAtPurchase, cpiAtValuation: input.cpiAtValuation });
    const ceiling = valuation.value.price;
    if (input.priceFen > ceiling) {
      throw new DomainError('TRANSFER_PRICE_ABOVE_CEILING', 400,
        `内部流转价格不得高于按回购价格测算方式于 ${input.opensOn} 计算的价格 ${rmbFigures(ceiling)}（第二十四条、第二十七条）；您填写的是 ${rmbFigures(input.priceFen)}。`,
        `priceFen must not exceed ${ceiling} fen, the buyback method's price on ${input.opensOn} (第二十四条, 第二十七条); got ${input.priceFen}.`,
        'priceFen', { ceilingFen: ceiling });
    }
    const terms = { ceilingFen: ceiling, valuation, priceFen: input.priceFen, opensOn: input.opensOn, closesOn, status: 'open' as const };
    const [offer] = existing
      ? await tx.update(transferOffers).set({ ...terms, buyerApplicationId: null, matchedOn: null, version: sql`${transferOffers.version} + 1` })
        .where(eq(transferOffers.id, existing.id)).returning()
      : await tx.insert(transferOffers).values({ exitId: exit.id, unitId: exit.unitId, ...terms }).returning();
    await tx.update(exitApplications).set({ status: 'offered', version: sql`${exitApplications.version} + 1` }).where(eq(exitApplications.id, exit.id));
    const [unit] = await tx.select().from(units).where(eq(units.id, exit.unitId));
    const waiting = await tx.select({ accountId: applications.accountId }).from(applications)
      .where(and(eq(applications.status, 'admitted'), eq(applications.districtCode, project.districtCode))).limit(NOTICE_CAP);
    await enqueueMany(tx, waiting.map((w) => ({
      accountId: w.accountId, template: 'transfer_offer_open' as const,
      params: { projectName: project.name, unit: unit!.number, price: rmbFigures(input.priceFen), closesOn },
    })), now);
    await appendAudit(tx, {
      actor: ctx.actor, action: existing ? 'transfer.offer.reopen' : 'transfer.offer.open', targetType: 'transfer_offer', targetId: offer!.id, at: now,
      detail: { exitNo: exit.exitNo, unitId: exit.unitId, priceFen: input.priceFen, ceilingFen: ceiling, opensOn: input.opensOn, closesOn, noticed: waiting.length },
    });
    return offer!;
  });
}
