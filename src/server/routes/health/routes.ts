/** GET /api/health: answers after a real round trip to the database. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { HttpError } from '../../errors.js';

const Health = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });

/** Registers the health route. */
export function healthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: { tags: ['health'], summary: '健康检查 Health check', response: { 200: Health } },
  }, async () => {
    try {
      await deps.db.sql('select 1 as ok');
    } catch {
      throw new HttpError(503, 'DB_UNAVAILABLE', '数据库不可用。', 'The database is unavailable.');
    }
    return { status: 'ok' as const, db: deps.db.kind };
  });
}
