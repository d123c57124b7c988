/** GET /api/districts: the districts, counties and functional zones that take applications. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { districts } from '../../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { guard } from '../../pipeline.js';

const District = z.object({ code: z.string(), name: z.string(), kind: z.enum(['district', 'county', 'zone']) });

/** Registers the districts route. */
export function districtRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/districts', {
    preValidation: guard('districts.read'),
    schema: { tags: ['public'], summary: '区县及功能区 Districts, counties and zones', response: { 200: z.array(District) } },
  }, async (_req, reply) => {
    const rows = await deps.db.db.select().from(districts).orderBy(asc(districts.code));
    reply.header('cache-control', 'public, max-age=300');
    return rows.map((d) => ({ code: d.code, name: d.name, kind: d.kind as 'district' | 'county' | 'zone' }));
  });
}
