/**
 * What the public reads of a sale (济政发〔2025〕3号 第七条: 及时公开…摇号顺序…，主动接受社会监督):
 * projects whose sale notice (配售通告) is published, each with its plan, its units (never buyers),
 * its draws with the QLOT-1 values, and each draw's ranks joined to masked names. No sign-in.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { projects, salePlans } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { loadDraw } from './load.js';
import { projectDraws } from './read.js';
import { type GridBuilding, unitGrid } from '../projects/index.js';

type Ctx = Pick<CommandContext, 'db'>;

/** A published project in the public list. */
export interface PublicProjectSummary {
  id: string; code: string; name: string; districtCode: string; district: string; level: string; saleMode: string; status: string;
  address: string; round: number; noticeNo: string | null; registrationOpensAt: string; registrationClosesAt: string; drawOn: string;
  depositFen: number; unitsOffered: number; unitsSold: number;
}

const LATEST_PLAN = sql`(select sp.* from sale_plans sp where sp.project_id = p.id and sp.status = 'published' order by sp.round desc limit 1)`;

/** Projects with a published sale notice, newest notice first. */
export async function listPublicProjects(ctx: Ctx): Promise<PublicProjectSummary[]> {
  const rows = await queryRows<Record<string, unknown>>(ctx.db, sql`
    select p.id, p.code, p.name, p.district_code, d.name as district, p.level, p.sale_mode, p.status, p.address,
           pl.round, pl.notice_no, pl.registration_opens_at, pl.registration_closes_at, pl.draw_on::text as draw_on, pl.deposit_fen, pl.published_at,
           (select count(*)::int from units u where u.project_id = p.id and u.status not in ('draft', 'converted')) as units_offered,
           (select count(*)::int from units u where u.project_id = p.id and u.status = 'sold') as units_sold
    from projects p
    join lateral ${LATEST_PLAN} pl on true
    left join districts d on d.code = p.district_code
    order by pl.published_at desc nulls last, p.code`);
  return rows.map((r) => ({
    id: r.id as string, code: r.code as string, name: r.name as string, districtCode: r.district_code as string, district: (r.district as string) ?? '',
    level: r.level as string, saleMode: r.sale_mode as string, status: r.status as string, address: r.address as string, round: Number(r.round),
    noticeNo: (r.notice_no as string) ?? null, registrationOpensAt: new Date(r.registration_opens_at as string).toISOString(),
    registrationClosesAt: new Date(r.registration_closes_at as string).toISOString(), drawOn: r.draw_on as string,
    depositFen: Number(r.deposit_fen), unitsOffered: Number(r.units_offered), unitsSold: Number(r.units_sold),
  }));
}

/** A draw as the public sees it (QLOT-1 values; the secret only once revealed). */
export interface PublicDraw {
  id: string; round: number; attempt: number; status: string; pools: { label: string; quota: number | 'all' }[];
  listDigest: string; commitment: string; entrantCount: number; frozenAt: string;
  beacon: string | null; seed: string | null; serverSecret: string | null; drawnAt: string | null; voidReason: string | null; voidedAt: string | null;
}

/** One published project: the project, its latest published plan, the unit grid, every draw (redraws with reasons). */
export async function publicProject(ctx: Ctx, code: string) {
  const [p] = await ctx.db.select().from(projects).where(eq(projects.code, code));
  if (!p) throw notFound('项目', 'project');
  const [plan] = await ctx.db.select().from(salePlans).where(and(eq(salePlans.projectId, p.id), eq(salePlans.status, 'published'))).orderBy(desc(salePlans.round)).limit(1);
  if (!plan) throw notFound('项目', 'project');
  const [{ district }] = await queryRows<{ district: string | null }>(ctx.db, sql`select name as district from districts where code = ${p.districtCode}`);
  const grid: GridBuilding[] = await unitGrid(ctx.db, p.id);
  const draws: PublicDraw[] = (await projectDraws(ctx.db, p.id)).map((d) => ({
    id: d.id, round: d.round, attempt: d.attempt, status: d.status,
    pools: (d.pools as { label: string; quota: number | 'all' }[]).map(({ label, quota }) => ({ label, quota })),
    listDigest: d.listDigest, commitment: d.commitment, entrantCount: d.entrantCount, frozenAt: d.frozenAt.toISOString(),
    beacon: d.beacon, seed: d.seed, serverSecret: d.status === 'frozen' ? null : d.serverSecret, drawnAt: d.drawnAt?.toISOString() ?? null,
    voidReason: d.voidReason, voidedAt: d.voidedAt?.toISOString() ?? null,
  }));
  return {
    project: {
      id: p.id, code: p.code, name: p.name, districtCode: p.districtCode, district: district ?? '', level: p.level, saleMode: p.saleMode,
      status: p.status, address: p.address, deliveryOn: p.deliveryOn, propertyService: p.propertyService,
    },
    plan: {
      id: plan.id, round: plan.round, noticeNo: plan.noticeNo, publishedAt: plan.publishedAt?.toISOString() ?? null,
      registrationOpensAt: plan.registrationOpensAt.toISOString(), registrationClosesAt: plan.registrationClosesAt.toISOString(),
      drawOn: plan.drawOn, depositFen: plan.depositFen, pools: plan.pools as unknown[], batchSize: plan.batchSize,
      windowMinutes: plan.windowMinutes, contractDeadlineDays: plan.contractDeadlineDays, documents: plan.documents,
    },
    grid,
    draws,
  };
}

/** One row of the public ranks (masked: as stored on the application, re-checked by the presenter). */
export interface PublicRank { rank: number; entrantId: string; pool: string; maskedName: string | null; maskedId: string | null; district: string | null }

/**
 * Ranks of a draw, page by page in rank order, or the rank of one registration number (`q`,
 * exact). Empty while the draw is frozen. Names and ID numbers appear only as masked at submission.
 */
export async function publicRanks(ctx: Ctx, input: { drawId: string; page?: number; pageSize?: number; q?: string }) {
  const page = input.page ?? 1, pageSize = input.pageSize ?? 50;
  if (!Number.isSafeInteger(page) || page < 1) throw invalid('page', '页码须为正整数', 'page must be a positive integer');
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 200) throw invalid('pageSize', '每页条数须为 1 至 200', 'pageSize must be 1 to 200');
  const d = await loadDraw(ctx.db, input.drawId);
  const q = input.q?.trim();
  const where = q
    ? sql`dr.draw_id = ${d.id} and dr.entrant_id = ${q}`
    : sql`dr.draw_id = ${d.id} and dr.rank > ${(page - 1) * pageSize} and dr.rank <= ${page * pageSize}`;
  const rows = await queryRows<{ rank: number; entrant_id: string; pool: string; masked_name: string | null; masked_id: string | null; district: string | null }>(ctx.db, sql`
    select dr.rank, dr.entrant_id, dr.pool, a.masked_applicant_name as masked_name, a.masked_applicant_id as masked_id, dd.name as district
    from draw_ranks dr
    left join registrations r on r.reg_no = dr.entrant_id
    left join applications a on a.id = r.application_id
    left join districts dd on dd.code = a.district_code
    where ${where}
    order by dr.rank`);
  const ranked = d.status !== 'frozen' && d.drawnAt !== null;
  const items: PublicRank[] = rows.map((r) => ({ rank: Number(r.rank), entrantId: r.entrant_id, pool: r.pool, maskedName: r.masked_name, maskedId: r.masked_id, district: r.district }));
  return { drawId: d.id, status: d.status, items, total: q ? items.length : ranked ? d.entrantCount : 0, page: q ? 1 : page, pageSize };
}
