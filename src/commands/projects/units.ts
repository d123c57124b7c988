/**
 * addUnit: the implementer adds one unit (房源) to a building of its project while the
 * catalogue is open (see catalogue.ts, 第十条). A new unit is `draft` until an approved price
 * (第十二条) and a published plan offer it.
 */
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { buildings, units } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { parseInput } from '../validate.js';
import { assertCatalogueOpen } from './catalogue.js';
import { UnitInput } from './schema.js';

export type Unit = typeof units.$inferSelect;

const sameFacts = (u: Unit, i: UnitInput) =>
  u.floor === i.floor && Number(u.area) === Number(i.area) && u.layout === i.layout && u.orientation === i.orientation;

/** A building of the project, or 400 naming `buildingId`. */
export async function buildingOf(tx: Tx, projectId: string, buildingId: string) {
  const [b] = await tx.select().from(buildings).where(and(eq(buildings.id, buildingId), eq(buildings.projectId, projectId)));
  if (!b) throw invalid('buildingId', '楼栋不属于本项目。', 'The building is not part of this project.');
  return b;
}

/**
 * Adds the unit. A retry with the same facts returns the existing unit; the same room number
 * in the building with other facts is a 409 naming `number` (the database's unique
 * units_building_number_uq decides between two concurrent requests).
 */
export async function addUnit(ctx: CommandContext, raw: { projectId: string } & Record<string, unknown>): Promise<Unit> {
  const input = parseInput(UnitInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, raw.projectId, true);
    assertProjectAccess(ctx.actor, project, 'implementer');
    assertCatalogueOpen(project);
    const building = await buildingOf(tx, project.id, input.buildingId);
    if (input.floor > building.floors) {
      throw invalid('floor', `${building.name}共${building.floors}层，楼层不能为${input.floor}。`, `${building.name} has ${building.floors} floors; floor ${input.floor} does not exist.`);
    }
    const [row] = await tx.insert(units).values({
      projectId: project.id, buildingId: building.id, floor: input.floor, number: input.number, area: input.area,
      layout: input.layout, orientation: input.orientation,
    }).onConflictDoNothing().returning();
    if (!row) {
      const [existing] = await tx.select().from(units).where(and(eq(units.buildingId, building.id), eq(units.number, input.number)));
      if (existing && sameFacts(existing, input)) return existing;
      throw new DomainError('UNIT_EXISTS', 409, `${building.name}已有房号 ${input.number}。`, `${building.name} already has unit ${input.number}.`, 'number');
    }
    await appendAudit(tx, {
      actor: ctx.actor, action: 'project.unit.add', targetType: 'project', targetId: project.id, at: now,
      detail: { unitId: row.id, building: building.name, number: row.number, floor: row.floor, area: row.area },
    });
    return row;
  });
}
