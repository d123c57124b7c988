/**
 * The public unit grid of a project: buildings, then units by floor and number with area, layout,
 * orientation, price and status (第十二条 prices are public), never who reserved or bought a unit.
 * Written here until the catalogue's `unitGrid` (src/commands/projects) exists; same shape.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';

/** One unit of the grid. */
export interface GridUnit {
  id: string; floor: number; number: string; area: string; layout: string; orientation: string;
  coefficient: string | null; priceFen: number | null; status: string;
}
/** One building with its units. */
export interface GridBuilding { id: string; name: string; floors: number; units: GridUnit[] }

/** Buildings by name, units by floor then number. */
export async function publicGrid(db: Db | Tx, projectId: string): Promise<GridBuilding[]> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select b.id as building_id, b.name, b.floors, u.id, u.floor, u.number, u.area::text as area, u.layout, u.orientation,
           u.coefficient::text as coefficient, u.price_fen, u.status
    from buildings b left join units u on u.building_id = b.id
    where b.project_id = ${projectId}
    order by b.name, u.floor, u.number`);
  const out = new Map<string, GridBuilding>();
  for (const r of rows) {
    let b = out.get(r.building_id as string);
    if (!b) out.set(r.building_id as string, b = { id: r.building_id as string, name: r.name as string, floors: Number(r.floors), units: [] });
    if (r.id === null) continue;
    b.units.push({
      id: r.id as string, floor: Number(r.floor), number: r.number as string, area: r.area as string, layout: r.layout as string,
      orientation: r.orientation as string, coefficient: (r.coefficient as string) ?? null,
      priceFen: r.price_fen === null ? null : Number(r.price_fen), status: r.status as string,
    });
  }
  return [...out.values()];
}
