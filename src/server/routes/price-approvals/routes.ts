/**
 * Prices (济政发〔2025〕3号 第十二条): the implementer submits a schedule for its project; staff
 * approve it (city project: the city; district project: the district, then the city) or reject it.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { approvePrices, getPriceApproval, rejectPrices, submitPrices } from '../../../commands/pricing/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentApproval } from './presenter.js';
import { Approval, ApproveBody, IdParams, PricesBody, RejectBody } from './schema.js';

const tags = ['prices'];
const security = [{ session: [] }];

/** Registers the price routes. */
export function priceApprovalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/projects/:id/prices', {
    preValidation: guard('prices.submit'),
    schema: {
      tags, security, params: IdParams, body: PricesBody, response: { 201: Approval },
      summary: '报送价格 Submit base price, float range and a coefficient per unit (rule housing.unit-price); Idempotency-Key honoured',
    },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: presentApproval(await submitPrices(commandContext(deps, req), { ...req.body, projectId: req.params.id })),
  })));

  r.get('/api/price-approvals/:id', {
    preValidation: guard('projects.read'),
    schema: { tags, security, summary: '价格审核详情 One approval with its schedule, unit by unit', params: IdParams, response: { 200: Approval } },
  }, async (req) => presentApproval(await getPriceApproval(commandContext(deps, req), { approvalId: req.params.id })));

  r.post('/api/price-approvals/:id/approve', {
    preValidation: guard('prices.approve'),
    schema: { tags, security, summary: '审批价格 Approve at your stage (district, then city)', params: IdParams, body: ApproveBody, response: { 200: Approval } },
  }, async (req) => presentApproval(await approvePrices(commandContext(deps, req), { approvalId: req.params.id, note: req.body?.note })));

  r.post('/api/price-approvals/:id/reject', {
    preValidation: guard('prices.approve'),
    schema: { tags, security, summary: '驳回价格 Reject with a reason', params: IdParams, body: RejectBody, response: { 200: Approval } },
  }, async (req) => presentApproval(await rejectPrices(commandContext(deps, req), { approvalId: req.params.id, reason: req.body.reason })));
}
