/**
 * A waiting family and the internal-transfer offers open to it (济政发〔2025〕3号 第二十四条).
 * GET  /api/my/transfer-offers                 open offers, with whether the family has asked
 * POST /api/my/transfer-offers/:id/interest    ask to take one during its window (Idempotency-Key)
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expressInterest, myTransferOffers } from '../../../commands/transfers/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';

const tags = ['my'];
const security = [{ session: [] }];
const IdParams = z.object({ id: z.uuid().describe('transfer offer id') });
const MyOffer = z.object({
  id: z.string(), status: z.string(), priceFen: z.number(), opensOn: z.string(), closesOn: z.string(), interested: z.boolean(),
  project: z.object({ id: z.string(), name: z.string(), address: z.string(), districtCode: z.string() }),
  unit: z.object({ id: z.string(), building: z.string(), floor: z.number(), number: z.string(), area: z.string(), layout: z.string(), orientation: z.string() }),
});
const MyOffers = z.object({ eligible: z.boolean().describe('the family may take a transfer now (admitted, no unit)'), items: z.array(MyOffer) });
const Interest = z.object({ offerId: z.string(), applicationId: z.string(), outcome: z.string(), expressedAt: z.string() });

/** Registers the family's transfer routes. */
export function myTransferRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/my/transfer-offers', {
    preValidation: guard('my.home.read'),
    schema: { tags, security, response: { 200: MyOffers }, summary: '轮候家庭内部流转房源 Internal-transfer offers open to waiting families (第二十四条)' },
  }, async (req) => myTransferOffers(commandContext(deps, req)));

  r.post('/api/my/transfer-offers/:id/interest', {
    preValidation: guard('my.transfers.write'),
    schema: { tags, security, params: IdParams, response: { 200: Interest }, summary: '登记受让意向 Ask to take the offer during its window; 409 for a family not on the waiting list or holding a unit' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await expressInterest(commandContext(deps, req), { offerId: req.params.id }),
  })));
}
