/**
 * registerResaleTitle: 第三十条 (出售给符合条件的其他购房家庭) with 第十八条 — after the resale contract is
 * signed and the unit delivered, staff register the buyer's title. The government's title (origin
 * buyback) is superseded by the family's, origin `resale`, with the 配售型保障性住房 / 划拨 nature
 * fixed (titles_nature_ck); a family holds one bought unit (titles_family_bought_uq).
 *
 * Reading: registerTitle (src/commands/titles) records a unit's first title only; a resold unit
 * already has one (the government's), so its buyer's title is the next one (supersedeTitle). The
 * certificate's date is not before delivery. A retry with the same certificate answers the title.
 */
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { contracts, resaleOffers } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { currentTitle, supersedeTitle, titleView, type TitleView } from '../titles/title.js';
import { assertLevelAccess, lockOffer, lockUnitRow, projectOf } from './store.js';

/** The signed resale contract of an offer marked sold (409 otherwise). */
export async function soldContractOf(tx: Tx, offerId: string) {
  const [row] = await tx.select({ o: resaleOffers, c: contracts }).from(resaleOffers).innerJoin(contracts, eq(contracts.id, resaleOffers.contractId))
    .where(and(eq(resaleOffers.id, offerId), eq(resaleOffers.status, 'sold')));
  if (!row || row.c.status !== 'signed') {
    throw new DomainError('RESALE_NOT_SOLD', 409, '该再配售房源尚未签订购房合同。', 'The resale offer has no signed contract yet.', 'offerId');
  }
  return row;
}

/** Registers the resale buyer's title (staff of the project's level). */
export async function registerResaleTitle(ctx: CommandContext, input: { offerId: string; certificateNo: string; issuedOn: string }): Promise<TitleView> {
  if (typeof input.certificateNo !== 'string') throw invalid('certificateNo', '请填写不动产权证书号。', 'certificateNo is required.');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const offer = await lockOffer(tx, input.offerId);
    const unit = await lockUnitRow(tx, offer.unitId);
    assertLevelAccess(ctx.actor, await projectOf(tx, unit.projectId), 'staff');
    const { c } = await soldContractOf(tx, offer.id);
    const current = await currentTitle(tx, unit.id, true);
    if (current?.origin === 'resale' && current.contractId === c.id) {
      if (current.certificateNo === input.certificateNo.trim() && current.issuedOn === input.issuedOn) return titleView(current);
      throw new DomainError('TITLE_EXISTS', 409, `该房屋已登记再配售购房人的不动产权证书（${current.certificateNo}）。`,
        `The resale buyer's title is already registered (${current.certificateNo}).`, 'certificateNo', { certificateNo: current.certificateNo });
    }
    if (!c.deliveredOn) {
      throw new DomainError('NOT_DELIVERED', 409, '房屋尚未交付，不能办理不动产登记（第十八条）。', 'The unit has not been delivered; it cannot be registered yet (第十八条).', 'offerId');
    }
    if (input.issuedOn < c.deliveredOn) {
      throw invalid('issuedOn', `发证日期（${input.issuedOn}）不能早于交房日期（${c.deliveredOn}）。`, `issuedOn (${input.issuedOn}) cannot be before delivery (${c.deliveredOn}).`);
    }
    const { current: t } = await supersedeTitle(tx, ctx, {
      unitId: unit.id, on: input.issuedOn,
      newTitle: { certificateNo: input.certificateNo, issuedOn: input.issuedOn, origin: 'resale', holder: { kind: 'family', applicationId: c.applicationId }, contractId: c.id },
    });
    await appendAudit(tx, {
      actor: ctx.actor, action: 'resale.title.register', targetType: 'resale_offer', targetId: offer.id, at: now,
      detail: { unitId: unit.id, titleId: t.id, certificateNo: t.certificateNo, contractNo: c.contractNo, issuedOn: input.issuedOn },
    });
    return titleView(t);
  });
}
