/**
 * Unit events (济政发〔2025〕3号 第二十、二十二、二十三、二十五条):
 * POST /api/units/:id/events  staff of the project's level (assertUnitAccess) record an event with evidence;
 *                             inheritance/divorce pass the title (第二十二条), reports open a case
 * GET  /api/units/:id/events  the unit's events, with their case, new title and obligation
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listUnitEvents, recordUnitEvent } from '../../../commands/unit-events/index.js';
import { unitScope } from '../../../commands/unit-events/store.js';
import { assertUnitAccess } from '../../../commands/titles/access.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { EventBody, UnitEvent, UnitEventList, UnitParams } from './schema.js';

const tags = ['post-sale'];
const security = [{ session: [] }];

/** Registers the unit-event routes. */
export function unitEventRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/units/:id/events', {
    preValidation: guard('postsale.write'),
    schema: { tags, security, summary: '登记房屋事项 Record a unit event with evidence (第二十、二十二、二十三、二十五条)', params: UnitParams, body: EventBody, response: { 201: UnitEvent } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: await recordUnitEvent(commandContext(deps, req), { ...req.body, unitId: req.params.id }),
  })));

  r.get('/api/units/:id/events', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, summary: '房屋事项 Events of a unit, with cases, new titles and obligations', params: UnitParams, response: { 200: UnitEventList } },
  }, async (req) => {
    const ctx = commandContext(deps, req);
    return ctx.db.transaction(async (tx) => {
      const scope = await unitScope(tx, req.params.id);
      assertUnitAccess(ctx.actor, scope.project, 'read');
      return { items: await listUnitEvents(tx, scope.unit.id) };
    });
  });
}
