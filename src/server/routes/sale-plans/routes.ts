/**
 * Sale plans (配售方案) and the sale notice (配售通告), 济政发〔2025〕3号 第十条: the implementer
 * drafts and submits; staff of the project's level approve or reject; the implementer or those
 * staff publish. A published plan and its notice are public.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  approvePlan, createPlan, getPlan, publishPlan, rejectPlan, saleNoticeData, submitPlan,
} from '../../../commands/sale-plans/index.js';
import { renderSaleNotice } from '../../../documents/sale-notice.js';
import { authorize } from '../../authz/policies.js';
import { attachment } from '../../content-disposition.js';
import type { AppDeps } from '../../deps.js';
import { forbidden, unauthenticated } from '../../errors.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentPlan } from './presenter.js';
import { ApproveBody, IdParams, Plan, PlanBody, RejectBody } from './schema.js';

const tags = ['sale-plans'];
const security = [{ session: [] }];

/** Publishing is the implementer's (plans.write) or the approving staff's (plans.approve). */
async function publisherGuard(req: FastifyRequest): Promise<void> {
  if (authorize(req.actor, 'plans.write').ok || authorize(req.actor, 'plans.approve').ok) return;
  throw req.actor && req.actor.role !== 'public' ? forbidden() : unauthenticated();
}

/** Registers the sale plan routes. */
export function salePlanRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/projects/:id/plans', {
    preValidation: guard('plans.write'),
    schema: {
      tags, security, params: IdParams, body: PlanBody, response: { 201: Plan },
      summary: '拟定配售方案 Draft (or revise a draft/rejected) plan of a round; Idempotency-Key honoured',
    },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: presentPlan(await createPlan(commandContext(deps, req), { ...req.body, projectId: req.params.id })),
  })));

  r.get('/api/sale-plans/:id', {
    preValidation: guard('public.sale.read'),
    schema: { tags, summary: '配售方案 One plan (public once published)', params: IdParams, response: { 200: Plan } },
  }, async (req) => presentPlan((await getPlan(commandContext(deps, req), { planId: req.params.id })).plan));

  r.post('/api/sale-plans/:id/submit', {
    preValidation: guard('plans.write'),
    schema: { tags, security, summary: '报审 Submit the draft for approval', params: IdParams, response: { 200: Plan } },
  }, async (req) => presentPlan(await submitPlan(commandContext(deps, req), { planId: req.params.id })));

  r.post('/api/sale-plans/:id/approve', {
    preValidation: guard('plans.approve'),
    schema: { tags, security, summary: '批准 Approve (staff of the project\'s level)', params: IdParams, body: ApproveBody, response: { 200: Plan } },
  }, async (req) => presentPlan(await approvePlan(commandContext(deps, req), { planId: req.params.id, note: req.body?.note })));

  r.post('/api/sale-plans/:id/reject', {
    preValidation: guard('plans.approve'),
    schema: { tags, security, summary: '驳回 Reject with a reason', params: IdParams, body: RejectBody, response: { 200: Plan } },
  }, async (req) => presentPlan(await rejectPlan(commandContext(deps, req), { planId: req.params.id, reason: req.body.reason })));

  r.post('/api/sale-plans/:id/publish', {
    preValidation: publisherGuard,
    schema: { tags, security, summary: '发布配售通告 Publish: notice number, units with an approved price offered; Idempotency-Key honoured', params: IdParams, response: { 200: Plan } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentPlan(await publishPlan(commandContext(deps, req), { planId: req.params.id })),
  })));

  r.get('/api/sale-plans/:id/notice.pdf', {
    preValidation: guard('public.sale.read'),
    schema: { tags, summary: '配售通告 PDF (public once published; a draft for the project\'s readers)', params: IdParams },
  }, async (req, reply) => {
    const data = await saleNoticeData(commandContext(deps, req), { planId: req.params.id });
    const pdf = await renderSaleNotice(data);
    return reply.code(200).type('application/pdf')
      .header('cache-control', data.draft ? 'private, no-store' : 'public, max-age=300')
      .header('content-disposition', attachment('sale-notice.pdf', `配售通告-${data.project.code}-第${data.round}轮${data.draft ? '-草案' : ''}.pdf`))
      .send(pdf);
  });
}
