/**
 * Storage helpers of selection (选房), all in the caller's transaction, and the refusals the
 * selection commands share.
 */
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { LIVE_SELECTION, draws, salePlans, selectionBatches, selections } from '../../db/schema.js';
import { DomainError, notFound } from '../errors.js';

export type DrawRow = typeof draws.$inferSelect;
export type BatchRow = typeof selectionBatches.$inferSelect;
export type SelectionRow = typeof selections.$inferSelect;
export type PlanRow = typeof salePlans.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 404 unless `id` is a uuid (a malformed id would otherwise be a database error). */
export function assertUuid(id: string, what_zh: string, what_en: string): void {
  if (!UUID.test(id)) throw notFound(what_zh, what_en);
}

/** The draw, locked FOR UPDATE: opening and closing batches of one draw take turns on it. */
export async function lockDraw(tx: Tx, drawId: string): Promise<DrawRow> {
  assertUuid(drawId, '摇号', 'draw');
  const [d] = await tx.select().from(draws).where(eq(draws.id, drawId)).for('update');
  if (!d) throw notFound('摇号', 'draw');
  return d;
}

/** The project's current draw: the newest round's attempt that is not void (at most one, `draws_live_uq`). */
export async function currentDrawOf(tx: Tx, projectId: string): Promise<DrawRow | undefined> {
  const [d] = await tx.select().from(draws).where(and(eq(draws.projectId, projectId), ne(draws.status, 'void')))
    .orderBy(desc(draws.round), desc(draws.attempt)).limit(1);
  return d;
}

/** The sale plan a draw belongs to. */
export async function planOf(tx: Tx, planId: string): Promise<PlanRow> {
  const [p] = await tx.select().from(salePlans).where(eq(salePlans.id, planId));
  if (!p) throw notFound('配售方案', 'sale plan');
  return p;
}

/** The open batch of a draw (at most one, `selection_batches_one_open_uq`). */
export async function openBatchOf(tx: Tx, drawId: string): Promise<BatchRow | undefined> {
  const [b] = await tx.select().from(selectionBatches).where(and(eq(selectionBatches.drawId, drawId), eq(selectionBatches.status, 'open')));
  return b;
}

/** The batch, locked FOR UPDATE. */
export async function lockBatch(tx: Tx, batchId: string): Promise<BatchRow> {
  assertUuid(batchId, '选房批次', 'selection batch');
  const [b] = await tx.select().from(selectionBatches).where(eq(selectionBatches.id, batchId)).for('update');
  if (!b) throw notFound('选房批次', 'selection batch');
  return b;
}

/** The family's live (locked or signed) selection anywhere in the city, if any (at most one, `selections_app_live_uq`). */
export async function liveSelectionOf(tx: Tx, applicationId: string): Promise<SelectionRow | undefined> {
  const [s] = await tx.select().from(selections)
    .where(and(eq(selections.applicationId, applicationId), inArray(selections.status, [...LIVE_SELECTION])));
  return s;
}

/** Units of the project still on offer. */
export async function availableUnits(tx: Tx, projectId: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from units where project_id = ${projectId} and status = 'available'`);
  return Number(r?.n ?? 0);
}

/** Ranked families of the draw after the last batch's range who could still buy (registered, no live selection). */
export async function uncalledEntrants(tx: Tx, drawId: string, planId: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(tx, sql`
    select count(*)::int as n
      from draw_ranks r join registrations g on g.reg_no = r.entrant_id and g.plan_id = ${planId}
     where r.draw_id = ${drawId} and g.status = 'registered'
       and r.rank > coalesce((select max(to_rank) from selection_batches where draw_id = ${drawId}), 0)
       and not exists (select 1 from selections s where s.application_id = g.application_id and s.status in ('locked', 'signed'))`);
  return Number(r?.n ?? 0);
}

/** The constraint a unique violation (SQLSTATE 23505) names, looking through Drizzle's wrapper; undefined for any other error. */
export function uniqueViolation(e: unknown): string | undefined {
  for (let x = e as { code?: string; constraint?: string; cause?: unknown } | undefined, i = 0; x && i < 5; x = x.cause as typeof x, i++) {
    if (x.code === '23505') return x.constraint ?? '';
  }
  return undefined;
}

/** 409: someone else holds the unit. `by` says which guard refused (the conditional update or the unique index). */
export const unitTaken = (by: string) => new DomainError('UNIT_TAKEN', 409, '该房源已被选定，请另选。', 'This unit has already been taken; choose another.', 'unitId', undefined, { by });

/** 409: the family already holds a unit (第五条: one unit per family; 第十一条: it buys one). */
export const alreadyHolds = (by: string) => new DomainError('ALREADY_HOLDS_UNIT', 409,
  '您的家庭已选定一套房源，每个家庭限购1套（济政发〔2025〕3号 第五条、第十一条）。',
  'Your family already holds a unit; a family may buy one unit only (第五条, 第十一条).', 'unitId', undefined, { by });

/** 409: no turn to select now. */
export const notYourTurn = (zh: string, en: string) => new DomainError('NOT_YOUR_TURN', 409, zh, en, 'unitId');

/**
 * Runs `fn` and maps a unique violation of the live-selection indexes onto the refusal the
 * family understands. The transaction `fn` ran in has already been rolled back.
 */
export async function mappingLiveIndexes<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const c = uniqueViolation(e);
    if (c === 'selections_app_live_uq') throw alreadyHolds(c);
    if (c === 'selections_unit_live_uq') throw unitTaken(c);
    throw e;
  }
}

/** "2026-03-12 10:30" in Asia/Shanghai (UTC+8, no daylight saving), for notices. */
export function shanghaiMinute(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** "1号楼 1203" */
export const unitLabel = (u: { buildingName: string; number: string }) => `${u.buildingName} ${u.number}`;

/** "¥1,234,567.89" from fen. */
export function yuan(fen: number): string {
  const s = (Math.abs(fen) / 100).toFixed(2);
  const [i, f] = s.split('.');
  return `${fen < 0 ? '-' : ''}¥${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}
