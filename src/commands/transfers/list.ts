/**
 * The internal-transfer offers (第二十四条) for staff of the projects' level and the auditor, with the
 * families that asked for each in waiting order (masked, as on public lists).
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { applications, buildings, exitApplications, projects, transferInterests, transferOffers, units } from '../../db/schema.js';
import { staffDistrict } from '../authz.js';
import type { CommandContext } from '../context.js';
import type { TransferOfferRow } from './store.js';

export type TransferOfferListItem = Omit<TransferOfferRow, 'valuation'> & {
  exitNo: string; project: { id: string; name: string; level: string; districtCode: string }; unit: { id: string; building: string; number: string };
  interests: { applicationId: string; regCode: string; maskedName: string | null; admittedOn: string | null; outcome: string; expressedAt: string }[];
};

/** Offers in the actor's scope, newest first; `status` filters. */
export async function listTransferOffers(ctx: CommandContext, q: { status?: string } = {}): Promise<TransferOfferListItem[]> {
  const district = staffDistrict(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const where: SQL[] = [];
    if (district) where.push(eq(projects.districtCode, district), eq(projects.level, 'district'));
    if (q.status) where.push(eq(transferOffers.status, q.status));
    const rows = await tx.select({ o: transferOffers, exitNo: exitApplications.exitNo, p: projects, u: units, b: buildings }).from(transferOffers)
      .innerJoin(exitApplications, eq(exitApplications.id, transferOffers.exitId)).innerJoin(units, eq(units.id, transferOffers.unitId))
      .innerJoin(buildings, eq(buildings.id, units.buildingId)).innerJoin(projects, eq(projects.id, units.projectId))
      .where(and(...where)).orderBy(desc(transferOffers.opensOn)).limit(500);
    const interests = rows.length ? await tx.select({ i: transferInterests, a: applications }).from(transferInterests)
      .innerJoin(applications, eq(applications.id, transferInterests.applicationId))
      .where(inArray(transferInterests.offerId, rows.map((r) => r.o.id))).orderBy(asc(applications.admittedOn), asc(applications.regCode)) : [];
    return rows.map(({ o, exitNo, p, u, b }) => {
      const { valuation: _v, ...rest } = o;
      return {
        ...rest, exitNo, project: { id: p.id, name: p.name, level: p.level, districtCode: p.districtCode }, unit: { id: u.id, building: b.name, number: u.number },
        interests: interests.filter((x) => x.i.offerId === o.id).map(({ i, a }) => ({
          applicationId: a.id, regCode: a.regCode, maskedName: a.maskedApplicantName, admittedOn: a.admittedOn, outcome: i.outcome, expressedAt: i.expressedAt.toISOString(),
        })),
      };
    });
  });
}
