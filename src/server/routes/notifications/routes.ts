/** /api/my/notifications: the signed-in family's in-app inbox. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listInbox, markRead } from '../../../notify/index.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { guard } from '../../pipeline.js';

const Item = z.object({ id: z.string(), template: z.string(), subject: z.string(), body: z.string(), createdAt: z.string(), readAt: z.string().nullable() });

/** Registers the notification routes. */
export function notificationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/my/notifications', {
    preValidation: guard('my.notifications.read'),
    schema: { tags: ['my'], security: [{ session: [] }], summary: '站内消息 In-app notifications', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }), response: { 200: z.object({ items: z.array(Item) }) } },
  }, async (req) => {
    const rows = await listInbox(deps.db.db, req.actor.accountId, req.query.limit ?? 50);
    return { items: rows.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt ? n.readAt.toISOString() : null })) };
  });

  r.post('/api/my/notifications/:id/read', {
    preValidation: guard('my.notifications.read'),
    schema: { tags: ['my'], security: [{ session: [] }], summary: '标记已读 Mark read', params: z.object({ id: z.uuid() }) },
  }, async (req, reply) => {
    // Only the owner's unread message changes; anyone else's answers 404 like a missing one.
    const ok = await markRead(deps.db.db, req.actor.accountId, req.params.id, deps.clock.now());
    if (!ok) {
      const mine = (await listInbox(deps.db.db, req.actor.accountId, 200)).some((n) => n.id === req.params.id);
      if (!mine) throw notFound('消息', 'notification');
    }
    return reply.code(204).send();
  });
}
