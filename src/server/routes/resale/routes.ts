/**
 * Resale of a bought-back unit (济政发〔2025〕3号 第三十条), for staff of the project's level; the auditor reads.
 * POST /api/units/:id/renovation          {costFen, completedOn, evidence}  renovation of a bought-back unit
 * POST /api/resale-offers/:id/approve     {priceFen}  ≥ the floor (400 naming priceFen below it); unit back on sale
 * GET  /api/resale-offers?status=         the offers in scope
 * POST /api/resale-offers/:id/title       {certificateNo, issuedOn}  the buyer's title, origin resale (第十八条)
 * POST /api/units/:id/resale-fund         {paidOn, reference}  the buyer's maintenance-fund deposit = the refund at buyback
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { approveResale, collectResaleFund, listResaleOffers, recordRenovation, registerResaleTitle } from '../../../commands/resale/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentResaleOffer } from './presenter.js';
import { ApproveBody, FundBody, FundPosted, IdParams, ListQuery, RenovationBody, ResaleOffer, ResaleOfferList, Title, TitleBody } from './schema.js';

const tags = ['resale'];
const security = [{ session: [] }];

/** Registers the resale routes. */
export function resaleRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/units/:id/renovation', {
    preValidation: guard('buyback.manage'),
    schema: { tags, security, params: IdParams, body: RenovationBody, response: { 200: ResaleOffer }, summary: '登记回购房屋修缮 Record the renovation of a bought-back unit (第三十条)' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentResaleOffer(await recordRenovation(commandContext(deps, req), { unitId: req.params.id, ...req.body })),
  })));

  r.post('/api/resale-offers/:id/approve', {
    preValidation: guard('buyback.manage'),
    schema: { tags, security, params: IdParams, body: ApproveBody, response: { 200: ResaleOffer }, summary: '批准再次配售价格 Approve the resale price (≥ buyback price + renovation cost, 第三十条); the unit returns to the rolling sale' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentResaleOffer(await approveResale(commandContext(deps, req), { offerId: req.params.id, ...req.body })),
  })));

  r.get('/api/resale-offers', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, querystring: ListQuery, response: { 200: ResaleOfferList }, summary: '回购房源再配售 Resale offers in scope (第三十条)' },
  }, async (req) => ({ items: (await listResaleOffers(commandContext(deps, req), { status: req.query.status })).map(presentResaleOffer) }));

  r.post('/api/resale-offers/:id/title', {
    preValidation: guard('postsale.write'),
    schema: { tags, security, params: IdParams, body: TitleBody, response: { 200: Title }, summary: '再配售购房人不动产登记 Register the resale buyer\'s title, origin resale (第十八、三十条)' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await registerResaleTitle(commandContext(deps, req), { offerId: req.params.id, ...req.body }),
  })));

  r.post('/api/units/:id/resale-fund', {
    preValidation: guard('postsale.write'),
    schema: { tags, security, params: IdParams, body: FundBody, response: { 200: FundPosted }, summary: '再配售购房人缴存维修资金 The resale buyer\'s maintenance-fund deposit, the amount refunded at buyback (第三十条)' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => {
    const f = await collectResaleFund(commandContext(deps, req), { unitId: req.params.id, ...req.body });
    return { status: 200, body: { offerId: f.offerId, accountNo: f.accountNo, bank: f.bank, amountFen: f.amountFen, posted: f.posted, depositsFen: f.depositsFen, refundsFen: f.refundsFen, balanceFen: f.balanceFen } };
  }));
}
