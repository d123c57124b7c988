/**
 * Authorization inside commands (defence in depth; the server checks first with
 * src/server/authz/policies.ts). An applicant touches only its own applications; district
 * staff only their district's (第三条: 各区县政府负责组织实施本级…); city staff all; the auditor reads only.
 */
import type { Actor } from './context.js';
import { DomainError, forbidden, notFound } from './errors.js';

export type Access = 'read' | 'write';

const STAFF = new Set(['district_staff', 'city_staff']);

/** Refuse unless the actor holds one of the roles. */
export function requireRole(actor: Actor, roles: ReadonlyArray<Actor['role']>): void {
  if (actor.role === 'public' || !actor.accountId && actor.role !== 'system') {
    throw new DomainError('UNAUTHENTICATED', 401, '请先登录。', 'Please sign in.');
  }
  if (!roles.includes(actor.role)) throw forbidden('您无权执行此操作。', 'You are not allowed to do this.');
}

/** May the actor act on this application as its family? (404 for anyone else's, so existence is not revealed.) */
export function assertOwner(actor: Actor, app: { accountId: string }): void {
  requireRole(actor, ['applicant']);
  if (app.accountId !== actor.accountId) throw notFound();
}

/** May the actor act on this application as staff (`write`) or read it as staff/auditor (`read`)? */
export function assertStaff(actor: Actor, app: { districtCode: string }, access: Access): void {
  requireRole(actor, access === 'read' ? ['district_staff', 'city_staff', 'auditor'] : ['district_staff', 'city_staff']);
  if (actor.role === 'district_staff' && actor.districtCode !== app.districtCode) {
    throw forbidden('您只能处理本区县的申请。', 'You may act only on applications of your own district.');
  }
}

/** Staff list scope: the district to filter on (undefined = all), refusing another district for district staff. */
export function staffDistrict(actor: Actor, requested?: string): string | undefined {
  requireRole(actor, ['district_staff', 'city_staff', 'auditor']);
  if (actor.role === 'district_staff') {
    if (requested && requested !== actor.districtCode) throw forbidden('您只能查看本区县的数据。', 'You may see only your own district.');
    return actor.districtCode;
  }
  return requested || undefined;
}

/** True for roles that act as staff. */
export const isStaff = (actor: Actor) => STAFF.has(actor.role);
