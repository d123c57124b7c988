/**
 * Who may act on an owned unit after the sale (第十八、十九、二十一条), checked inside the
 * command's transaction. 第三条 and 第十八条: the implementer (项目实施主体) takes part in delivery
 * and registration of its own projects; staff of the project's level act on it — district staff
 * on district-level projects in their district, city staff on every project (the city supervises
 * the districts); the auditor reads.
 *
 * Reading: "staff of its level" admits city staff to district projects as well, as everywhere
 * else in the sale (assertProjectAccess); district staff never act on a city-level project.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { buildings, projects, units } from '../../db/schema.js';
import { requireRole } from '../authz.js';
import type { Actor } from '../context.js';
import { forbidden, notFound } from '../errors.js';

export type UnitRow = typeof units.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type BuildingRow = typeof buildings.$inferSelect;
export type UnitScope = { unit: UnitRow; project: ProjectRow; building: BuildingRow };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a syntactically valid uuid (anything else is "not found", never a database error). */
export const isUuid = (s: string) => UUID.test(s);

/** The unit with its project and building; the unit row locked FOR UPDATE when `lock`. */
export async function loadUnitScope(tx: Tx, unitId: string, lock = false): Promise<UnitScope> {
  if (!isUuid(unitId)) throw notFound('房屋', 'unit');
  const q = tx.select().from(units).where(eq(units.id, unitId));
  const [unit] = lock ? await q.for('update') : await q;
  if (!unit) throw notFound('房屋', 'unit');
  const [project] = await tx.select().from(projects).where(eq(projects.id, unit.projectId));
  const [building] = await tx.select().from(buildings).where(eq(buildings.id, unit.buildingId));
  return { unit, project: project!, building: building! };
}

/**
 * read: implementer (own project), staff in scope, auditor · staff: district staff of a district
 * project in their district, city staff · implementer_or_staff: either.
 */
export function assertUnitAccess(actor: Actor, project: ProjectRow, access: 'read' | 'staff' | 'implementer_or_staff'): void {
  const roles: Actor['role'][] = access === 'read' ? ['implementer', 'district_staff', 'city_staff', 'auditor']
    : access === 'staff' ? ['district_staff', 'city_staff'] : ['implementer', 'district_staff', 'city_staff'];
  requireRole(actor, roles);
  if (actor.role === 'implementer' && project.implementerAccountId !== actor.accountId) throw notFound('房屋', 'unit');
  if (actor.role === 'district_staff' && (project.level !== 'district' || actor.districtCode !== project.districtCode)) {
    throw forbidden('您只能处理本区县的项目。', 'You may act only on projects of your own district.');
  }
}

/** Staff (and the auditor) see names; the implementer sees the masked forms only. */
export const seesNames = (actor: Actor) => actor.role === 'district_staff' || actor.role === 'city_staff' || actor.role === 'auditor';
