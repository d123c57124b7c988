/**
 * addBuilding: the implementer adds a building (楼栋) to its project while the catalogue is
 * open (see catalogue.ts, 第十条).
 */
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { buildings } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { parseInput } from '../validate.js';
import { assertCatalogueOpen } from './catalogue.js';
import { BuildingInput } from './schema.js';

export type Building = typeof buildings.$inferSelect;

/** Adds the building; a retry with the same name and floors returns the existing building. */
export async function addBuilding(ctx: CommandContext, raw: { projectId: string } & Record<string, unknown>): Promise<Building> {
  const input = parseInput(BuildingInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, raw.projectId, true);
    assertProjectAccess(ctx.actor, project, 'implementer');
    assertCatalogueOpen(project);
    const [row] = await tx.insert(buildings).values({
      projectId: project.id, name: input.name, floors: input.floors, completedOn: input.completedOn ?? null,
    }).onConflictDoNothing().returning();
    if (!row) {
      const [existing] = await tx.select().from(buildings).where(and(eq(buildings.projectId, project.id), eq(buildings.name, input.name)));
      if (existing && existing.floors === input.floors) return existing;
      throw new DomainError('BUILDING_EXISTS', 409, `本项目已有名为“${input.name}”的楼栋。`, `The project already has a building named ${input.name}.`, 'name');
    }
    await appendAudit(tx, {
      actor: ctx.actor, action: 'project.building.add', targetType: 'project', targetId: project.id, at: now,
      detail: { buildingId: row.id, name: row.name, floors: row.floors },
    });
    return row;
  });
}
