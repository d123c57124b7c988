/**
 * 第二十二条 multi-unit obligations (济政发〔2025〕3号):
 * GET /api/multi-unit-obligations?overdue=1&status=   the list with deadlines, days left, reminders sent,
 *                                                      the units held and the exit that met it
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listObligations } from '../../../commands/unit-events/index.js';
import { OBLIGATION_STATUSES } from '../../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { commandContext, guard } from '../../pipeline.js';

const tags = ['post-sale'];
const security = [{ session: [] }];
const Query = z.object({
  overdue: z.enum(['0', '1', 'true', 'false']).optional().describe('1: open obligations past their deadline only'),
  status: z.enum(OBLIGATION_STATUSES).optional(),
});
const Obligation = z.object({
  id: z.string(), status: z.string(),
  holder: z.object({ kind: z.enum(['family', 'person']), applicationId: z.string().nullable(), regCode: z.string().nullable(), maskedName: z.string().nullable() }),
  unitsHeld: z.number(), units: z.array(z.object({ unitId: z.string(), label: z.string(), certificateNo: z.string(), origin: z.string() })),
  changeOn: z.string(), deadlineOn: z.string(), daysLeft: z.number(), overdue: z.boolean(), remindersSent: z.array(z.number()),
  event: z.object({ id: z.string(), kind: z.string(), unitId: z.string() }),
  met: z.object({ exitId: z.string(), exitNo: z.string().nullable(), on: z.string().nullable() }).nullable(),
});

/** Registers the obligations route. */
export function obligationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/multi-unit-obligations', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, summary: '多套住房退出期限 Multi-unit exit deadlines (第二十二条)', querystring: Query, response: { 200: z.object({ items: z.array(Obligation) }) } },
  }, async (req) => ({
    items: await listObligations(commandContext(deps, req), { overdue: req.query.overdue === '1' || req.query.overdue === 'true', status: req.query.status }),
  }));
}
