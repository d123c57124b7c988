/**
 * 第二十一条 (全国联网): the published JSON Schemas of our exchange formats, for anyone.
 * GET /api/public/schemas/unit-archive-v1.json   the unit archive, draft 2020-12
 */
import type { FastifyInstance } from 'fastify';
import { unitArchiveSchema } from '../../../archive/validate.js';
import type { AppDeps } from '../../deps.js';

const body = JSON.stringify(unitArchiveSchema, null, 2);

/** Registers the routes. */
export function publicSchemaRoutes(app: FastifyInstance, _deps: AppDeps): void {
  app.get('/api/public/schemas/unit-archive-v1.json', {
    schema: { tags: ['public'], summary: '档案格式 JSON Schema of the unit archive export (第二十一条)' },
  }, async (_req, reply) => reply.type('application/schema+json; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body));
}
