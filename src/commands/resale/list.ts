/**
 * The resale offers (第三十条) for staff of the projects' level and the auditor: each bought-back
 * unit with its buyback price, renovation, floor, price, the maintenance fund the buyer owes, the
 * contract that sold it, the buyer's title (第十八条) and whether the buyer's deposit is posted.
 *
 * Reading: the deposit is the one collectResaleFund posts — the `deposit` entry of the unit's fund
 * account on the resale title (origin resale, on the offer's contract); collectResaleFund allows one
 * per title, so the join yields at most one row per offer.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { buildings, contracts, exitApplications, maintenanceFundEntries, projects, resaleOffers, titles, units } from '../../db/schema.js';
import { staffDistrict } from '../authz.js';
import type { CommandContext } from '../context.js';
import type { ResaleOfferRow } from './store.js';

export type ResaleOfferListItem = ResaleOfferRow & {
  exitNo: string; contractNo: string | null; unitStatus: string;
  /** The resale buyer's title (第十八条), once registered. */
  titleIssuedOn: string | null;
  /** The buyer's maintenance-fund deposit (第三十条), once posted: amount, day paid and voucher. */
  fundCollectedFen: number | null; fundCollectedOn: string | null; fundReference: string | null;
  project: { id: string; name: string; level: string; districtCode: string; status: string }; unit: { id: string; building: string; number: string; area: string };
};

/** Offers in the actor's scope, newest first; `status` filters. */
export async function listResaleOffers(ctx: CommandContext, q: { status?: string } = {}): Promise<ResaleOfferListItem[]> {
  const district = staffDistrict(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const where: SQL[] = [];
    if (district) where.push(eq(projects.districtCode, district), eq(projects.level, 'district'));
    if (q.status) where.push(eq(resaleOffers.status, q.status));
    const rows = await tx.select({
      o: resaleOffers, exitNo: exitApplications.exitNo, contractNo: contracts.contractNo, p: projects, u: units, b: buildings,
      titleIssuedOn: titles.issuedOn, fundCollectedFen: maintenanceFundEntries.amountFen, fundCollectedOn: maintenanceFundEntries.occurredOn,
      fundReference: maintenanceFundEntries.reference,
    })
      .from(resaleOffers).innerJoin(exitApplications, eq(exitApplications.id, resaleOffers.exitId)).innerJoin(units, eq(units.id, resaleOffers.unitId))
      .innerJoin(buildings, eq(buildings.id, units.buildingId)).innerJoin(projects, eq(projects.id, units.projectId))
      .leftJoin(contracts, eq(contracts.id, resaleOffers.contractId))
      .leftJoin(titles, and(eq(titles.contractId, resaleOffers.contractId), eq(titles.unitId, resaleOffers.unitId), eq(titles.origin, 'resale')))
      .leftJoin(maintenanceFundEntries, and(eq(maintenanceFundEntries.titleId, titles.id), eq(maintenanceFundEntries.kind, 'deposit')))
      .where(and(...where)).orderBy(desc(exitApplications.completedOn), desc(resaleOffers.id)).limit(500);
    return rows.map(({ o, exitNo, contractNo, p, u, b, titleIssuedOn, fundCollectedFen, fundCollectedOn, fundReference }) => ({
      ...o, exitNo, contractNo, unitStatus: u.status, titleIssuedOn, fundCollectedFen, fundCollectedOn, fundReference,
      project: { id: p.id, name: p.name, level: p.level, districtCode: p.districtCode, status: p.status },
      unit: { id: u.id, building: b.name, number: u.number, area: u.area },
    }));
  });
}
