/** Loading draws and the plan a draw belongs to, inside a command's transaction. */
import { and, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { draws, salePlans } from '../../db/schema.js';
import { DomainError, notFound } from '../errors.js';

export type DrawRow = typeof draws.$inferSelect;
/** A draw without its two files (which for a million entrants are tens of megabytes). */
export type DrawMeta = Omit<DrawRow, 'entrantsTsv' | 'bundleJson'>;
export type PlanRow = typeof salePlans.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const { entrantsTsv: _tsv, bundleJson: _json, ...metaColumns } = getTableColumns(draws);
/** The columns of DrawMeta, for selects. */
export const DRAW_META = metaColumns;

/** The draw without its files, locked FOR UPDATE when `lock`; 404 when there is none. */
export async function loadDraw(tx: Tx | Db, drawId: string, lock = false): Promise<DrawMeta> {
  if (!UUID.test(drawId)) throw notFound('摇号', 'draw');
  const q = tx.select(DRAW_META).from(draws).where(eq(draws.id, drawId));
  const rows = lock ? await q.for('update') : await q;
  if (!rows[0]) throw notFound('摇号', 'draw');
  return rows[0];
}

/** The whole draw row, files included; 404 when there is none. */
export async function loadDrawWithFiles(tx: Tx | Db, drawId: string): Promise<DrawRow> {
  if (!UUID.test(drawId)) throw notFound('摇号', 'draw');
  const rows = await tx.select().from(draws).where(eq(draws.id, drawId));
  if (!rows[0]) throw notFound('摇号', 'draw');
  return rows[0];
}

/**
 * The published plan of the project's latest round, locked FOR UPDATE: two freezes of one round
 * queue here, so the second sees the first's draw (第十一条 one 摇号排序库 per round).
 */
export async function lockPublishedPlan(tx: Tx, projectId: string): Promise<PlanRow> {
  const rows = await tx.select().from(salePlans)
    .where(and(eq(salePlans.projectId, projectId), eq(salePlans.status, 'published')))
    .orderBy(desc(salePlans.round)).limit(1).for('update');
  if (!rows[0]) {
    throw new DomainError('NO_PUBLISHED_PLAN', 409, '该项目尚无已发布的配售方案，不能冻结摇号名单。', 'The project has no published sale plan; there is no list to freeze.');
  }
  return rows[0];
}

/** The draw of the round that is not void (at most one: draws_live_uq), or null. */
export async function liveDraw(tx: Tx | Db, projectId: string, round: number): Promise<DrawMeta | null> {
  const rows = await tx.select(DRAW_META).from(draws).where(and(eq(draws.projectId, projectId), eq(draws.round, round), ne(draws.status, 'void')));
  return rows[0] ?? null;
}

/** The next attempt number of a round: 1, or one more than the last (void) attempt. */
export async function nextAttempt(tx: Tx, projectId: string, round: number): Promise<number> {
  const [r] = await tx.select({ max: sql<number | null>`max(${draws.attempt})` }).from(draws)
    .where(and(eq(draws.projectId, projectId), eq(draws.round, round)));
  return Number(r?.max ?? 0) + 1;
}

/**
 * The project's current draw: the live draw of its latest round that has one (frozen or drawn),
 * or null. Selection (选房) calls families in this draw's rank order.
 */
export async function currentDraw(tx: Tx | Db, projectId: string): Promise<DrawMeta | null> {
  const rows = await tx.select(DRAW_META).from(draws).where(and(eq(draws.projectId, projectId), ne(draws.status, 'void')))
    .orderBy(desc(draws.round)).limit(1);
  return rows[0] ?? null;
}

/** The draw's pools as stored at freeze (QLOT-1 {label, quota} plus the plan's eligibility). */
export type StoredPool = { label: string; quota: number | 'all'; eligibility: 'priority' | 'all' };

/** QLOT-1 pools of a stored draw (section 5 shape: label and quota only). */
export function qlotPools(d: DrawMeta): { label: string; quota: number | 'all' }[] {
  return (d.pools as StoredPool[]).map((p) => ({ label: p.label, quota: p.quota }));
}
