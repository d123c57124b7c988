/**
 * unitGrid: a project's buildings with their units, as the sale shows them (public page,
 * selection, staff). Read-only, in the caller's transaction; no buyer appears here.
 * 第十二条 prices a unit by base price × area × coefficient; a bought-back unit offered again is
 * priced by its approved resale offer instead (第三十条), which `resale` tells the reader.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { buildings, units } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';

/**
 * One unit in the grid. Area and coefficient are decimal strings; price in fen (null until approved).
 * `resale`: the unit carries a resale offer (units.resale_offer_id), so its price is the one approved
 * under 第三十条 (not below buyback price + renovation), not the 第十二条 schedule. It stays true once
 * the resale is sold: the price shown is still that one.
 */
export type GridUnit = {
  id: string; floor: number; number: string; area: string; layout: string; orientation: string;
  coefficient: string | null; priceFen: number | null; status: string; resale: boolean;
};

/** One building with its units, floor by floor, room numbers in natural order. */
export type GridBuilding = { id: string; name: string; floors: number; completedOn: string | null; units: GridUnit[] };

const natural = new Intl.Collator('zh-CN', { numeric: true });

/** The grid of a project: buildings in natural name order (2号楼 before 10号楼). */
export async function unitGrid(tx: Tx | Db, projectId: string): Promise<GridBuilding[]> {
  const bs = await tx.select().from(buildings).where(eq(buildings.projectId, projectId));
  const us = await tx.select({
    id: units.id, buildingId: units.buildingId, floor: units.floor, number: units.number, area: units.area, layout: units.layout,
    orientation: units.orientation, coefficient: units.coefficient, priceFen: units.priceFen, status: units.status,
    resaleOfferId: units.resaleOfferId,
  }).from(units).where(eq(units.projectId, projectId)).orderBy(asc(units.floor));
  const grid = new Map<string, GridBuilding>(bs.map((b) => [b.id, { id: b.id, name: b.name, floors: b.floors, completedOn: b.completedOn, units: [] }]));
  for (const { buildingId, resaleOfferId, ...u } of us) grid.get(buildingId)?.units.push({ ...u, resale: resaleOfferId !== null });
  const out = [...grid.values()].sort((a, b) => natural.compare(a.name, b.name));
  for (const b of out) b.units.sort((x, y) => x.floor - y.floor || natural.compare(x.number, y.number));
  return out;
}

/** The grid for a reader of the project (implementer, staff, auditor); the public grid is the public module's. */
export async function projectGrid(ctx: CommandContext, input: { projectId: string }): Promise<GridBuilding[]> {
  return ctx.db.transaction(async (tx) => {
    assertProjectAccess(ctx.actor, await loadProject(tx, input.projectId), 'read');
    return unitGrid(tx, input.projectId);
  });
}
