/**
 * Internal transfer to a waiting family (济政发〔2025〕3号 第二十四条), for staff of the project's level; the auditor reads.
 * POST /api/exits/:id/transfer-offer          {priceFen, opensOn, closesOn?}  price ≤ the method's price on opensOn
 * GET  /api/transfer-offers?status=           the offers in scope with their interested families in waiting order
 * POST /api/transfer-offers/:id/match         after closesOn: the first eligible interested family in waiting order
 * POST /api/transfer-offers/:id/register      {certificateNo, issuedOn}  buyer's title, seller exited
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listTransferOffers, matchTransfer, openTransferOffer, registerTransfer, type TransferOfferRow } from '../../../commands/transfers/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { IdParams, ListQuery, Matched, OfferBody, RegisterBody, Registered, TransferOffer, TransferOfferList } from './schema.js';

const tags = ['transfers'];
const security = [{ session: [] }];

/** The offer without its valuation and version. */
export function presentTransferOffer<T extends Omit<TransferOfferRow, 'valuation' | 'version'> & { valuation?: unknown; version?: number }>(o: T) {
  const { valuation: _v, version: _n, status, ...rest } = o;
  return { ...rest, status: status as 'open' | 'matched' | 'failed' | 'completed' };
}

/** Registers the internal-transfer routes. */
export function transferRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/exits/:id/transfer-offer', {
    preValidation: guard('exits.decide'),
    schema: { tags, security, params: IdParams, body: OfferBody, response: { 200: TransferOffer }, summary: '内部流转征集 Offer an accepted internal-transfer exit to waiting families (第二十四条); 400 naming priceFen above the method\'s price' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentTransferOffer(await openTransferOffer(commandContext(deps, req), { exitId: req.params.id, ...req.body })),
  })));

  r.get('/api/transfer-offers', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, querystring: ListQuery, response: { 200: TransferOfferList }, summary: '内部流转房源 Transfer offers in scope with interested families in waiting order' },
  }, async (req) => ({ items: (await listTransferOffers(commandContext(deps, req), { status: req.query.status })).map(presentTransferOffer) }));

  r.post('/api/transfer-offers/:id/match', {
    preValidation: guard('exits.decide'),
    schema: { tags, security, params: IdParams, response: { 200: Matched }, summary: '确定受让家庭 Match the first eligible interested family in waiting order (after closesOn)' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => {
    const m = await matchTransfer(commandContext(deps, req), { offerId: req.params.id });
    return { status: 200, body: { ...presentTransferOffer(m), skipped: m.skipped } };
  }));

  r.post('/api/transfer-offers/:id/register', {
    preValidation: guard('postsale.write'),
    schema: { tags, security, params: IdParams, body: RegisterBody, response: { 200: Registered }, summary: '内部流转转移登记 Register the buyer\'s title (origin internal_transfer); the seller exits (第二十四条)' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => {
    const d = await registerTransfer(commandContext(deps, req), { offerId: req.params.id, ...req.body });
    return { status: 200, body: { ...presentTransferOffer(d), titleId: d.titleId } };
  }));
}
