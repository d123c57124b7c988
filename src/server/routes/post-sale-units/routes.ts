/**
 * The post-sale console's reads (第十八至二十一条):
 * GET /api/post-sale/units?projectId=&q=   owned units in scope, holder masked
 * GET /api/units/:id/record                the unit dossier (audited read; staff see the holder's name)
 * GET /api/units/:id/archive.json[?full=1] 第二十一条 export, unit-archive 1.x, validated before sending;
 *                                          full names and IDs for city staff only (audited)
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOwnedUnits, unitArchive, unitRecord } from '../../../commands/titles/index.js';
import type { AppDeps } from '../../deps.js';
import { commandContext, guard } from '../../pipeline.js';

const tags = ['post-sale'];
const security = [{ session: [] }];
const IdParams = z.object({ id: z.uuid().describe('unit id') });
const ListQuery = z.object({ projectId: z.uuid().optional(), q: z.string().max(100).optional() });
const ArchiveQuery = z.object({ full: z.enum(['0', '1']).optional().describe('1: with full names and ID numbers (city staff; audited)') });

const OwnedUnit = z.object({
  unitId: z.string(), unitLabel: z.string(), projectId: z.string(), projectCode: z.string(), projectName: z.string(), building: z.string(), number: z.string(),
  titleId: z.string(), certificateNo: z.string(), holderKind: z.string(), holderMaskedName: z.string().nullable(), holderRegCode: z.string().nullable(),
  issuedOn: z.string(), earliestExitOn: z.string().nullable().describe('第二十四条: title date + 2 years (rule housing.exit-eligibility)'),
  fundBalanceFen: z.number().nullable(), openCases: z.number(),
  openExit: z.object({ id: z.string(), exitNo: z.string(), status: z.string(), route: z.string() }).nullable(),
});

/** Registers the routes. */
export function postSaleUnitRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/post-sale/units', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, summary: '已售房屋 Owned units in scope: title, masked holder, earliest exit date, fund, cases, exit', querystring: ListQuery, response: { 200: z.object({ items: z.array(OwnedUnit) }) } },
  }, async (req) => ({ items: await listOwnedUnits(commandContext(deps, req), req.query) }));

  r.get('/api/units/:id/record', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, summary: '房屋档案 The unit dossier: unit, project, contract, titles, fund, events, cases, exits (audited read)', params: IdParams },
  }, async (req) => unitRecord(commandContext(deps, req), req.params.id));

  r.get('/api/units/:id/archive.json', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, summary: '档案导出 第二十一条 unit-archive 1.x (schema: /api/public/schemas/unit-archive-v1.json)', params: IdParams, querystring: ArchiveQuery },
  }, async (req, reply) => {
    const doc = await unitArchive(commandContext(deps, req), req.params.id, { full: req.query.full === '1' });
    return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(doc));
  });
}
