/** GET /api/public/results: the published qualification results (第七条), paginated, masked. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listPublicResults } from '../../../commands/applications/index.js';
import type { AppDeps } from '../../deps.js';
import { guard } from '../../pipeline.js';
import { presentPublicResult } from './presenter.js';

const Query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
  district: z.string().regex(/^[0-9A-Z]{3,6}$/).optional(),
  regCode: z.string().max(32).optional().describe('registration code, exact match'),
});
const Row = z.object({
  regCode: z.string(), maskedName: z.string(), maskedId: z.string(), district: z.string(), districtCode: z.string(),
  category: z.string().nullable(), priority: z.array(z.string()), admittedOn: z.string().nullable(),
});
const Page = z.object({ items: z.array(Row), total: z.number(), page: z.number(), pageSize: z.number() });

/** Registers the public routes. */
export function publicRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/public/results', {
    preValidation: guard('public.results.read'),
    schema: { tags: ['public'], summary: '资格审核结果公示 Qualification results (第七条), masked', querystring: Query, response: { 200: Page } },
  }, async (req) => {
    const out = await listPublicResults({ db: deps.db.db }, req.query);
    return { ...out, items: out.items.map(presentPublicResult) };
  });
}
