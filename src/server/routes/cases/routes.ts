/**
 * Cases opened by reports on a unit (济政发〔2025〕3号 第二十、二十三、二十五条):
 * GET  /api/cases?status=&unitId=   staff (own district; city all) and the auditor
 * POST /api/cases/:id/close         {status: rectified | closed, resolution}
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeCase, listCases } from '../../../commands/unit-events/index.js';
import { CASE_STATUSES } from '../../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';

const tags = ['post-sale'];
const security = [{ session: [] }];
const CaseParams = z.object({ id: z.uuid().describe('case id') });
const ListQuery = z.object({ status: z.enum(CASE_STATUSES).optional(), unitId: z.uuid().optional() });
const CloseBody = z.object({ status: z.enum(['rectified', 'closed']), resolution: z.string() });
export const CaseView = z.object({
  id: z.string(), caseNo: z.string(), unitId: z.string(), unit: z.string(), projectId: z.string(), kind: z.string(), article: z.string(),
  status: z.string(), openedOn: z.string(), closedOn: z.string().nullable(), resolution: z.string().nullable(), eventId: z.string(),
});

/** Registers the case routes. */
export function caseRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/cases', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, summary: '案件 Cases opened by reports on units (第二十、二十三、二十五条)', querystring: ListQuery, response: { 200: z.object({ items: z.array(CaseView) }) } },
  }, async (req) => ({ items: await listCases(commandContext(deps, req), req.query) }));

  r.post('/api/cases/:id/close', {
    preValidation: guard('postsale.write'),
    schema: { tags, security, summary: '结案 Close a case as rectified or closed, with the resolution', params: CaseParams, body: CloseBody, response: { 200: CaseView } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await closeCase(commandContext(deps, req), { caseId: req.params.id, ...req.body }),
  })));
}
