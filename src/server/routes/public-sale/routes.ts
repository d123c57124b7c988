/**
 * /api/public/projects… and /api/public/draws…: the sale as the public sees it, no sign-in
 * (济政发〔2025〕3号 第七条 及时公开摇号顺序，主动接受社会监督). The bundle's files are served as the
 * exact stored bytes, so anyone can verify the draw (QLOT-1 section 6; docs/lottery.md).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bundleFiles, drawView, listPublicProjects, loadDraw, publicProject, publicRanks } from '../../../commands/draws/index.js';
import type { AppDeps } from '../../deps.js';
import { attachment } from '../../content-disposition.js';
import { HttpError } from '../../errors.js';
import { guard } from '../../pipeline.js';
import { presentDrawSummary, presentRank } from './presenter.js';
import { CodeParams, DrawParams, DrawSummary, ProjectDetail, ProjectList, RanksPage, RanksQuery } from './schema.js';

const tags = ['public'];

/**
 * Sends stored bytes as a download named exactly as QLOT-1 names the files (entrants.tsv,
 * lottery.json): `quancheng lottery verify <folder>` and docs/lottery.md's verifier read those names.
 */
function sendFile(reply: FastifyReply, bytes: Buffer, type: string, name: string) {
  return reply.code(200).type(type)
    .header('content-disposition', attachment(name, name))
    .header('cache-control', 'public, max-age=60')
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}

/** Registers the public sale routes. */
export function publicSaleRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = { db: deps.db.db };

  r.get('/api/public/projects', {
    preValidation: guard('public.sale.read'),
    schema: { tags, summary: '配售项目 Projects with a published sale notice', response: { 200: ProjectList } },
  }, async () => ({ items: await listPublicProjects(ctx) }));

  r.get('/api/public/projects/:code', {
    preValidation: guard('public.sale.read'),
    schema: { tags, summary: '项目公示 Project, published plan, unit grid (no buyers) and draws', params: CodeParams, response: { 200: ProjectDetail } },
  }, async (req) => publicProject(ctx, req.params.code));

  r.get('/api/public/draws/:drawId', {
    preValidation: guard('public.sale.read'),
    schema: { tags, summary: '摇号公示 One draw: list digest, commitment, beacon, seed, secret once drawn, void reason', params: DrawParams, response: { 200: DrawSummary } },
  }, async (req) => presentDrawSummary(await drawView(ctx.db, await loadDraw(ctx.db, req.params.drawId))));

  r.get('/api/public/draws/:drawId/ranks', {
    preValidation: guard('public.sale.read'),
    schema: { tags, summary: '摇号排序结果 Ranks with masked names, paged; q = registration number', params: DrawParams, querystring: RanksQuery, response: { 200: RanksPage } },
  }, async (req) => {
    const out = await publicRanks(ctx, { drawId: req.params.drawId, ...req.query });
    return { ...out, items: out.items.map(presentRank) };
  });

  r.get('/api/public/draws/:drawId/entrants.tsv', {
    preValidation: guard('public.sale.read'),
    schema: { tags, summary: '摇号名单 entrants.tsv exactly as frozen (QLOT-1 section 2)', params: DrawParams },
  }, async (req, reply) => {
    const f = await bundleFiles(ctx, req.params.drawId);
    return sendFile(reply, f.entrantsTsv, 'text/tab-separated-values; charset=utf-8', 'entrants.tsv');
  });

  r.get('/api/public/draws/:drawId/lottery.json', {
    preValidation: guard('public.sale.read'),
    schema: { tags, summary: '摇号结果 lottery.json exactly as published (QLOT-1 section 5); 404 until drawn', params: DrawParams },
  }, async (req, reply) => {
    const f = await bundleFiles(ctx, req.params.drawId);
    if (!f.lotteryJson) throw new HttpError(404, 'NOT_DRAWN', '尚未摇号，摇号结果文件在摇号后公布。', 'Not drawn yet; lottery.json is published by the draw.');
    return sendFile(reply, f.lotteryJson, 'application/json; charset=utf-8', 'lottery.json');
  });
}
