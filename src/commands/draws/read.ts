/** Reading draws: the staff view, and the bundle's two files exactly as stored. */
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { draws, projects, salePlans } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { notFound } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { DRAW_META, type DrawMeta, type StoredPool, loadDraw, loadDrawWithFiles } from './load.js';

/** A draw as staff and the public see it: never the secret before the draw reveals it. */
export interface DrawView {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  planId: string;
  noticeNo: string | null;
  round: number;
  attempt: number;
  status: string;
  pools: StoredPool[];
  entrantCount: number;
  listDigest: string;
  commitment: string;
  frozenAt: string;
  beacon: string | null;
  seed: string | null;
  /** Revealed by the draw (QLOT-1 section 5); null while frozen. */
  serverSecret: string | null;
  drawnAt: string | null;
  voidReason: string | null;
  voidedAt: string | null;
  /** Ranks written (equals entrantCount once drawn). */
  rankCount: number;
}

/** The view of a draw row; `rankCount` from draw_ranks. */
export async function drawView(db: Db | Tx, d: DrawMeta): Promise<DrawView> {
  const [p] = await db.select({ code: projects.code, name: projects.name }).from(projects).where(eq(projects.id, d.projectId));
  const [plan] = await db.select({ noticeNo: salePlans.noticeNo }).from(salePlans).where(eq(salePlans.id, d.planId));
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from draw_ranks where draw_id = ${d.id}`);
  return {
    id: d.id, projectId: d.projectId, projectCode: p.code, projectName: p.name, planId: d.planId, noticeNo: plan?.noticeNo ?? null,
    round: d.round, attempt: d.attempt, status: d.status, pools: d.pools as StoredPool[], entrantCount: d.entrantCount,
    listDigest: d.listDigest, commitment: d.commitment, frozenAt: d.frozenAt.toISOString(), beacon: d.beacon, seed: d.seed,
    serverSecret: d.status === 'frozen' ? null : d.serverSecret, drawnAt: d.drawnAt?.toISOString() ?? null,
    voidReason: d.voidReason, voidedAt: d.voidedAt?.toISOString() ?? null, rankCount: n,
  };
}

/** Staff view of a draw (implementer of the project, its district's staff, city staff, auditor). */
export async function getDraw(ctx: CommandContext, input: { drawId: string }): Promise<DrawView> {
  return ctx.db.transaction(async (tx) => {
    const d = await loadDraw(tx, input.drawId);
    assertProjectAccess(ctx.actor, await loadProject(tx, d.projectId), 'read');
    return drawView(tx, d);
  });
}

/**
 * The bundle's files (QLOT-1 section 5) exactly as stored: entrants.tsv from the freeze on,
 * lottery.json (null until drawn). A voided draw keeps both: what was voided stays checkable.
 */
export async function bundleFiles(ctx: Pick<CommandContext, 'db'>, drawId: string): Promise<{ entrantsTsv: Buffer; lotteryJson: Buffer | null; projectCode: string; round: number; attempt: number }> {
  const d = await loadDrawWithFiles(ctx.db, drawId);
  const [p] = await ctx.db.select({ code: projects.code }).from(projects).where(eq(projects.id, d.projectId));
  if (!p) throw notFound('摇号', 'draw');
  return { entrantsTsv: d.entrantsTsv, lotteryJson: d.bundleJson ?? null, projectCode: p.code, round: d.round, attempt: d.attempt };
}

/** Draws of a project, oldest first (public project page and staff detail). */
export async function projectDraws(db: Db | Tx, projectId: string): Promise<DrawMeta[]> {
  return db.select(DRAW_META).from(draws).where(eq(draws.projectId, projectId)).orderBy(draws.round, draws.attempt);
}
