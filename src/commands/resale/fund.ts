/**
 * collectResaleFund: 第三十条 购房家庭按该套房屋回购时退还的维修资金数额缴纳房屋维修资金 — the resale buyer's
 * deposit into the unit's maintenance-fund account (第十九条), posted once its title is registered.
 *
 * Readings: the amount is the contract's maintenanceFundDueFen, which generateContract took from
 * the resale offer (the refund at buyback); nothing else may be posted as this deposit. It is
 * posted once per title: a retry with the same reference answers the same entry (mf_entries_ref_uq),
 * another reference for a title already paid for is refused. The day paid is not after today
 * and not before the title was issued.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import { maintenanceFundAccounts, maintenanceFundEntries, resaleOffers } from '../../db/schema.js';
import { rmbFigures } from '../../documents/contract-money.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { currentTitle } from '../titles/title.js';
import { fundBalance, postFundEntry, type FundBalance } from '../titles/fund.js';
import { parseInput } from '../validate.js';
import { assertLevelAccess, isoDay, lockUnitRow, projectOf } from './store.js';
import { soldContractOf } from './title.js';

/** The body of POST /api/units/:id/resale-fund. */
export const ResaleFundSchema = z.object({
  paidOn: isoDay('paidOn'),
  reference: z.string({ message: '请填写缴款凭证号 / reference is required' }).trim().min(1, '请填写缴款凭证号 / reference is required').max(100, '凭证号不超过 100 字 / reference is at most 100 characters'),
});

/** Posts the resale buyer's maintenance-fund deposit (staff of the project's level). */
export async function collectResaleFund(ctx: CommandContext, raw: { unitId: string } & Record<string, unknown>): Promise<FundBalance & { amountFen: number; posted: boolean; offerId: string }> {
  const input = parseInput(ResaleFundSchema, raw);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const unit = await lockUnitRow(tx, raw.unitId);
    assertLevelAccess(ctx.actor, await projectOf(tx, unit.projectId), 'staff');
    // Judged after the access check: another district's staff get 403, not 400.
    if (input.paidOn > today) throw invalid('paidOn', `缴款日期（${input.paidOn}）不能晚于今天（${today}）。`, `paidOn (${input.paidOn}) cannot be after today (${today}).`);
    const title = await currentTitle(tx, unit.id);
    const [offer] = title?.origin === 'resale' && title.contractId
      ? await tx.select().from(resaleOffers).where(and(eq(resaleOffers.unitId, unit.id), eq(resaleOffers.contractId, title.contractId)))
      : [];
    if (!title || !offer) {
      throw new DomainError('NO_RESALE_TITLE', 409, '该房屋尚未登记再配售购房人的不动产权证书（第三十条、第十八条）。',
        'The resale buyer\'s title is not registered yet (第三十条, 第十八条).', 'unitId');
    }
    const { c } = await soldContractOf(tx, offer.id);
    if (input.paidOn < title.issuedOn) throw invalid('paidOn', `缴款日期不能早于发证日期（${title.issuedOn}）。`, `paidOn cannot be before the title was issued (${title.issuedOn}).`);
    const amountFen = c.maintenanceFundDueFen;
    if (amountFen <= 0) throw new DomainError('NOTHING_DUE', 409, '该再配售合同无应缴维修资金。', 'The resale contract names no maintenance fund due.', 'unitId');
    const [acct] = await tx.select().from(maintenanceFundAccounts).where(eq(maintenanceFundAccounts.unitId, unit.id));
    if (!acct) throw new DomainError('NO_FUND_ACCOUNT', 409, '该房屋尚未开立维修资金分户账（第十九条）。', 'The unit has no maintenance-fund account (第十九条).', 'unitId');
    const [paid] = await tx.select().from(maintenanceFundEntries)
      .where(and(eq(maintenanceFundEntries.accountId, acct.id), eq(maintenanceFundEntries.kind, 'deposit'), eq(maintenanceFundEntries.titleId, title.id)));
    if (paid && paid.reference !== input.reference) {
      throw new DomainError('RESALE_FUND_PAID', 409, `该购房人已缴存维修资金（凭证 ${paid.reference}）。`, `The buyer's deposit is already posted (reference ${paid.reference}).`, 'reference', { reference: paid.reference });
    }
    const posted = await postFundEntry(tx, {
      accountId: acct.id, kind: 'deposit', amountFen, occurredOn: input.paidOn, reference: input.reference, titleId: title.id,
      memo: `再配售购房人按回购时退还数额缴存维修资金 ${rmbFigures(amountFen)}（合同 ${c.contractNo}，第三十条）`, recordedBy: ctx.actor.accountId, at: now,
    });
    if (posted) {
      await appendAudit(tx, {
        actor: ctx.actor, action: 'resale.fund.collect', targetType: 'resale_offer', targetId: offer.id, at: now,
        detail: { unitId: unit.id, amountFen, paidOn: input.paidOn, reference: input.reference, contractNo: c.contractNo, titleId: title.id },
      });
    }
    return { ...(await fundBalance(tx, unit.id))!, amountFen, posted, offerId: offer.id };
  });
}
