/**
 * expressInterest / myTransferOffers: 第二十四条 轮候家庭内部流转 — a family on the waiting list asks to
 * take an open internal-transfer offer during its window, and sees the offers open to it.
 *
 * Readings: the offers are open to the city-wide waiting list (第四条: one list for the city), not
 * only to the project's district; the window counts whole days, opensOn and closesOn included
 * (Asia/Shanghai). A family barred at the time it asks (see store.ts) is refused at once; it is
 * checked again when the offer is matched. Asking twice is a retry.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { buildings, projects, transferInterests, transferOffers, units } from '../../db/schema.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { admittedApplicationOf, barred, lockTransferOffer, transferBar } from './store.js';

/** An open offer as a family sees it. */
export type MyTransferOffer = {
  id: string; status: string; priceFen: number; opensOn: string; closesOn: string; interested: boolean;
  project: { id: string; name: string; address: string; districtCode: string };
  unit: { id: string; building: string; floor: number; number: string; area: string; layout: string; orientation: string };
};

/** The family's interest in the offer (outcome `waiting`). A retry returns the same. */
export async function expressInterest(ctx: CommandContext, input: { offerId: string }): Promise<{ offerId: string; applicationId: string; outcome: string; expressedAt: string }> {
  requireRole(ctx.actor, ['applicant']);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // The offer row is locked so that matching (which also locks it) sees every interest or none.
    const offer = await lockTransferOffer(tx, input.offerId);
    const app = await admittedApplicationOf(tx, ctx.actor.accountId);
    if (!app) throw barred('not_admitted');
    const [again] = await tx.select().from(transferInterests)
      .where(and(eq(transferInterests.offerId, offer.id), eq(transferInterests.applicationId, app.id)));
    if (again && again.outcome === 'waiting') return { ...again, expressedAt: again.expressedAt.toISOString() };
    if (offer.status !== 'open' || today < offer.opensOn || today > offer.closesOn) {
      throw new DomainError('TRANSFER_WINDOW_CLOSED', 409, `该内部流转房源的意向登记期为 ${offer.opensOn} 至 ${offer.closesOn}，当前不能登记。`,
        `Interest in this offer may be expressed from ${offer.opensOn} to ${offer.closesOn}; not now.`, 'offerId', { opensOn: offer.opensOn, closesOn: offer.closesOn, status: offer.status });
    }
    const bar = await transferBar(tx, app);
    if (bar) throw barred(bar);
    // A family whose interest in an earlier round of a re-opened offer ended asks afresh.
    const [row] = again
      ? await tx.update(transferInterests).set({ outcome: 'waiting', expressedAt: now })
        .where(and(eq(transferInterests.offerId, offer.id), eq(transferInterests.applicationId, app.id))).returning()
      : await tx.insert(transferInterests).values({ offerId: offer.id, applicationId: app.id, expressedAt: now }).returning();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'transfer.interest', targetType: 'transfer_offer', targetId: offer.id, at: now,
      detail: { applicationId: app.id, regCode: app.regCode },
    });
    return { ...row!, expressedAt: row!.expressedAt.toISOString() };
  });
}

/** Offers open today, with whether the family has asked for each. */
export async function myTransferOffers(ctx: CommandContext): Promise<{ eligible: boolean; items: MyTransferOffer[] }> {
  requireRole(ctx.actor, ['applicant']);
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const app = await admittedApplicationOf(tx, ctx.actor.accountId);
    const rows = await tx.select({ o: transferOffers, u: units, b: buildings, p: projects }).from(transferOffers)
      .innerJoin(units, eq(units.id, transferOffers.unitId)).innerJoin(buildings, eq(buildings.id, units.buildingId))
      .innerJoin(projects, eq(projects.id, units.projectId))
      .where(and(eq(transferOffers.status, 'open'), lte(transferOffers.opensOn, today), gte(transferOffers.closesOn, today)))
      .orderBy(transferOffers.closesOn);
    const mine = app && rows.length
      ? await tx.select().from(transferInterests).where(and(eq(transferInterests.applicationId, app.id), inArray(transferInterests.offerId, rows.map((r) => r.o.id))))
      : [];
    const asked = new Set(mine.filter((i) => i.outcome === 'waiting').map((i) => i.offerId));
    return {
      eligible: !!app && (await transferBar(tx, app)) === null,
      items: rows.map(({ o, u, b, p }) => ({
        id: o.id, status: o.status, priceFen: o.priceFen, opensOn: o.opensOn, closesOn: o.closesOn, interested: asked.has(o.id),
        project: { id: p.id, name: p.name, address: p.address, districtCode: p.districtCode },
        unit: { id: u.id, building: b.name, floor: u.floor, number: u.number, area: u.area, layout: u.layout, orientation: u.orientation },
      })),
    };
  });
}
