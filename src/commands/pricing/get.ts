/** getPriceApproval: one price approval with its schedule, each line named by building and room. */
import { eq, inArray } from 'drizzle-orm';
import { buildings, priceApprovals, units } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { notFound } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import type { PriceApproval, ScheduleLine } from './store.js';

/** The approval with schedule lines [{unitId, building, number, floor, area, coefficient, priceFen}]. */
export type PriceApprovalView = PriceApproval & { lines: Array<ScheduleLine & { building: string; number: string; floor: number; area: string }> };

/** Readers of the project (implementer, staff, auditor) see its approvals. */
export async function getPriceApproval(ctx: CommandContext, input: { approvalId: string }): Promise<PriceApprovalView> {
  return ctx.db.transaction(async (tx) => {
    if (!/^[0-9a-f-]{36}$/i.test(input.approvalId)) throw notFound('价格审核', 'price approval');
    const [a] = await tx.select().from(priceApprovals).where(eq(priceApprovals.id, input.approvalId));
    if (!a) throw notFound('价格审核', 'price approval');
    assertProjectAccess(ctx.actor, await loadProject(tx, a.projectId), 'read');
    const schedule = a.schedule as ScheduleLine[];
    const facts = schedule.length ? await tx.select({ id: units.id, number: units.number, floor: units.floor, area: units.area, building: buildings.name })
      .from(units).innerJoin(buildings, eq(buildings.id, units.buildingId)).where(inArray(units.id, schedule.map((l) => l.unitId))) : [];
    const byId = new Map(facts.map((f) => [f.id, f]));
    const natural = new Intl.Collator('zh-CN', { numeric: true });
    const lines = schedule.map((l) => {
      const f = byId.get(l.unitId)!;
      return { ...l, building: f.building, number: f.number, floor: f.floor, area: f.area };
    }).sort((x, y) => natural.compare(x.building, y.building) || x.floor - y.floor || natural.compare(x.number, y.number));
    return { ...a, lines };
  });
}
