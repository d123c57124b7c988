/**
 * Storage helpers and access of the resale (济政发〔2025〕3号 第三十条: 回购的房屋适当修缮后可继续作为配售房源),
 * all in the caller's transaction.
 *
 * Reading on who acts: 第二十四条 gives the exits to 市、区县住房城乡建设部门; the resale of a bought-back
 * unit is decided by staff of the project's level — district staff of a district-level project in
 * their district, city staff on any project (the city supervises the districts, as in the sale);
 * district staff never on a city-level project. The auditor reads.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { projects, resaleOffers, units } from '../../db/schema.js';
import { isIsoDate } from '../../rules/core/dates.js';
import type { Actor } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { assertProjectAccess, type Project } from '../sale/access.js';

export type ResaleOfferRow = typeof resaleOffers.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 404 unless `id` is a uuid (a malformed id would otherwise be a database error). */
export function assertUuid(id: string, zh: string, en: string): void {
  if (typeof id !== 'string' || !UUID.test(id)) throw notFound(zh, en);
}

/** `staff`: staff of the project's level; `read`: those and the auditor. */
export function assertLevelAccess(actor: Actor, project: Project, access: 'read' | 'staff'): void {
  if (access === 'read' && actor.role === 'auditor') return;
  assertProjectAccess(actor, project, 'staff');
  if (actor.role === 'district_staff' && project.level !== 'district') {
    throw forbidden('市级项目的回购房源再配售由市住房城乡建设部门办理。', 'The resale of a city-level project\'s unit is for the city housing bureau.');
  }
}

/** The project of a unit. */
export async function projectOf(tx: Tx, projectId: string): Promise<Project> {
  const [p] = await tx.select().from(projects).where(eq(projects.id, projectId));
  if (!p) throw notFound('项目', 'project');
  return p;
}

/** The unit, locked FOR UPDATE. */
export async function lockUnitRow(tx: Tx, unitId: string): Promise<UnitRow> {
  assertUuid(unitId, '房屋', 'unit');
  const [u] = await tx.select().from(units).where(eq(units.id, unitId)).for('update');
  if (!u) throw notFound('房屋', 'unit');
  return u;
}

/** The offer, locked FOR UPDATE. */
export async function lockOffer(tx: Tx, offerId: string): Promise<ResaleOfferRow> {
  assertUuid(offerId, '再配售房源', 'resale offer');
  const [o] = await tx.select().from(resaleOffers).where(eq(resaleOffers.id, offerId)).for('update');
  if (!o) throw notFound('再配售房源', 'resale offer');
  return o;
}

/** An ISO date field. */
export const isoDay = (field: string) => z.string({ message: `${field} 须为 YYYY-MM-DD 日期 / ${field} must be a calendar date YYYY-MM-DD` })
  .refine(isIsoDate, `${field} 须为有效的 YYYY-MM-DD 日期 / ${field} must be a calendar date YYYY-MM-DD`);

/** Money in integer fen; `min` 0 or 1. */
export const fenField = (field: string, min: 0 | 1) => z.number({ message: `${field} 须为以分计的整数 / ${field} must be an integer number of fen` })
  .int(`${field} 须为以分计的整数 / ${field} must be an integer number of fen`)
  .min(min, min ? `${field} 须大于 0 / ${field} must be greater than 0` : `${field} 不能为负数 / ${field} cannot be negative`)
  .max(Number.MAX_SAFE_INTEGER, `${field} 过大 / ${field} is too large`);
