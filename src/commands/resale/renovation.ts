/**
 * recordRenovation: 第三十条 回购的房屋适当修缮后可继续作为配售房源 — staff record the repair of a
 * bought-back unit (its cost and the day it was finished, with evidence); the cost is part of the
 * resale floor (再次配售价格应覆盖回购价格、二次装修成本等).
 *
 * Readings: the renovation may be recorded again while the offer is `renovating` (a correction
 * replaces the figures; the audit log keeps each version); the same figures again is a retry and
 * changes nothing. Once the resale is approved the cost is fixed (the floor rests on it). A cost
 * of 0 is allowed (a unit that needed no repair). The day is not after today.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit, canonicalJson } from '../../audit/index.js';
import { resaleOffers } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { parseInput } from '../validate.js';
import { assertLevelAccess, fenField, isoDay, lockUnitRow, projectOf, type ResaleOfferRow } from './store.js';

const Evidence = z.object({
  kind: z.string().trim().min(1).max(50).default('document'),
  ref: z.string({ message: '请填写凭证编号 / ref is required' }).trim().min(1, '请填写凭证编号 / ref is required').max(200, '凭证编号不超过 200 字 / ref is at most 200 characters'),
  note: z.string().trim().max(500, '说明不超过 500 字 / note is at most 500 characters').optional(),
});

/** The body of POST /api/units/:id/renovation; the command checks it again. */
export const RenovationSchema = z.object({
  costFen: fenField('costFen', 0),
  completedOn: isoDay('completedOn'),
  evidence: z.array(Evidence, { message: '请提供修缮凭证 / evidence must be a list' })
    .min(1, '至少提供一项修缮凭证（验收单、结算单等） / evidence needs at least one item (acceptance or settlement record)').max(20),
});
export type RenovationInput = z.infer<typeof RenovationSchema>;

/** Records (or corrects, before approval) the renovation of a bought-back unit. */
export async function recordRenovation(ctx: CommandContext, raw: { unitId: string } & Record<string, unknown>): Promise<ResaleOfferRow> {
  const input = parseInput(RenovationSchema, raw);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const unit = await lockUnitRow(tx, raw.unitId);
    assertLevelAccess(ctx.actor, await projectOf(tx, unit.projectId), 'staff');
    // Judged after the access check: another district's staff get 403, not 400.
    if (input.completedOn > today) throw invalid('completedOn', `修缮完成日期（${input.completedOn}）不能晚于今天（${today}）。`, `completedOn (${input.completedOn}) cannot be after today (${today}).`);
    const [offer] = await tx.select().from(resaleOffers).where(and(eq(resaleOffers.unitId, unit.id), ne(resaleOffers.status, 'sold'))).for('update');
    if (!offer || unit.status !== 'bought_back' && offer.status === 'renovating') {
      throw new DomainError('NOT_BOUGHT_BACK', 409, '该房屋不是待修缮的政府回购房源（第三十条）。', 'This unit is not a bought-back unit awaiting renovation (第三十条).', 'unitId', { status: unit.status });
    }
    const same = offer.renovationCostFen === input.costFen && offer.renovationCompletedOn === input.completedOn
      && canonicalJson(offer.renovationEvidence) === canonicalJson(input.evidence);
    if (same) return offer;
    if (offer.status !== 'renovating') {
      throw new DomainError('RESALE_ALREADY_APPROVED', 409, '该房源再配售价格已批准，修缮费用不能再更改。', 'The resale has been approved; the renovation cost can no longer change.', 'costFen', { status: offer.status });
    }
    const [row] = await tx.update(resaleOffers).set({
      renovationCostFen: input.costFen, renovationCompletedOn: input.completedOn, renovationEvidence: input.evidence, version: sql`${resaleOffers.version} + 1`,
    }).where(eq(resaleOffers.id, offer.id)).returning();
    await appendAudit(tx, {
      actor: ctx.actor, action: offer.renovationCostFen === null ? 'resale.renovation.record' : 'resale.renovation.correct', targetType: 'resale_offer', targetId: offer.id, at: now,
      detail: { unitId: unit.id, costFen: input.costFen, completedOn: input.completedOn, evidence: input.evidence, previousCostFen: offer.renovationCostFen },
    });
    return row!;
  });
}
