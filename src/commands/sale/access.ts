/**
 * Who may act on a project, checked inside the command's transaction (defence in depth; the
 * server has already checked the role with src/server/authz/policies.ts).
 * 第三条: the implementer (项目实施主体) runs its own projects; district staff act on projects in
 * their district; city staff city-wide; the auditor reads.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { projects } from '../../db/schema.js';
import { requireRole } from '../authz.js';
import type { Actor } from '../context.js';
import { forbidden, notFound } from '../errors.js';

export type Project = typeof projects.$inferSelect;

/** The project, locked FOR UPDATE when `lock` (commands that change it or its units' offer). */
export async function loadProject(tx: Tx, projectId: string, lock = false): Promise<Project> {
  if (!/^[0-9a-f-]{36}$/i.test(projectId)) throw notFound('项目', 'project');
  const q = tx.select().from(projects).where(eq(projects.id, projectId));
  const rows = lock ? await q.for('update') : await q;
  if (!rows[0]) throw notFound('项目', 'project');
  return rows[0];
}

/** The project by its public code (QLOT-1 project_code). */
export async function projectByCode(tx: Tx, code: string): Promise<Project> {
  const rows = await tx.select().from(projects).where(sql`${projects.code} = ${code}`);
  if (!rows[0]) throw notFound('项目', 'project');
  return rows[0];
}

/**
 * read: implementer (own), staff (district/city), auditor. write: implementer (own) and, for
 * `staffToo`, staff of the project's district or the city.
 */
export function assertProjectAccess(actor: Actor, project: Project, access: 'read' | 'implementer' | 'staff' | 'implementer_or_staff'): void {
  const roles: Actor['role'][] =
    access === 'read' ? ['implementer', 'district_staff', 'city_staff', 'auditor']
      : access === 'implementer' ? ['implementer']
        : access === 'staff' ? ['district_staff', 'city_staff']
          : ['implementer', 'district_staff', 'city_staff'];
  requireRole(actor, roles);
  if (actor.role === 'implementer' && project.implementerAccountId !== actor.accountId) throw notFound('项目', 'project');
  if (actor.role === 'district_staff' && actor.districtCode !== project.districtCode) {
    throw forbidden('您只能处理本区县的项目。', 'You may act only on projects of your own district.');
  }
}
