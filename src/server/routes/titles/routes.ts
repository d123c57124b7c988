/**
 * After the sale (第十八、十九条):
 * POST /api/contracts/:id/delivery               交房 (implementer of the project, staff of its level)
 * POST /api/units/:id/title                      不动产登记: nature 配售型保障性住房, land 划拨 (staff)
 * POST /api/units/:id/maintenance-fund           open the unit's account, with the first deposit (staff)
 * POST /api/units/:id/maintenance-fund/entries   a deposit, once per reference (staff)
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { openFundAccount, recordDelivery, recordFundDeposit, registerTitle } from '../../../commands/titles/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { Delivery, DeliveryBody, FundAccountBody, FundBalance, FundEntryBody, IdParams, Title, TitleBody } from './schema.js';

const tags = ['post-sale'];
const security = [{ session: [] }];

/** Registers the routes. */
export function titleRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/contracts/:id/delivery', {
    preValidation: guard('delivery.write'),
    schema: { tags, security, summary: '交房 Record delivery of a signed contract\'s unit; the same date again is a retry', params: IdParams, body: DeliveryBody, response: { 200: Delivery } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await recordDelivery(commandContext(deps, req), { contractId: req.params.id, deliveredOn: req.body.deliveredOn }),
  })));

  r.post('/api/units/:id/title', {
    preValidation: guard('postsale.write'),
    schema: { tags, security, summary: '不动产登记 Register the title (第十八条: 配售型保障性住房, 划拨)', params: IdParams, body: TitleBody, response: { 201: Title } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: await registerTitle(commandContext(deps, req), { unitId: req.params.id, ...req.body }),
  })));

  r.post('/api/units/:id/maintenance-fund', {
    preValidation: guard('postsale.write'),
    schema: { tags, security, summary: '维修资金开户 Open the unit\'s maintenance-fund account (第十九条)', params: IdParams, body: FundAccountBody, response: { 201: FundBalance } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: await openFundAccount(commandContext(deps, req), { unitId: req.params.id, ...req.body }),
  })));

  r.post('/api/units/:id/maintenance-fund/entries', {
    preValidation: guard('postsale.write'),
    schema: { tags, security, summary: '维修资金缴存 A deposit into the unit\'s account (第十九条); once per reference', params: IdParams, body: FundEntryBody, response: { 201: FundBalance } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => {
    const { kind: _deposit, ...entry } = req.body;
    return { status: 201, body: await recordFundDeposit(commandContext(deps, req), { unitId: req.params.id, ...entry }) };
  }));
}
