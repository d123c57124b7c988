/**
 * /api/my/registrations and /api/my/sale/projects: the family registers for projects, pays 认购金
 * through the gateway and may withdraw before the list is frozen (第十一条). Every route needs an
 * applicant session; the commands check ownership again (404 for another family's registration).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  listMyRegistrations, listOpenSaleProjects, registerForProject, startPayment, withdrawRegistration,
} from '../../../commands/registrations/index.js';
import { gatewayOf } from '../../../payments/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentMine, presentRegistered } from './presenter.js';
import { IdParams, MyRegistrationList, OpenProjectList, PaymentStarted, RegisterBody, Registered, WithdrawBody, Withdrawn } from './schema.js';

const tags = ['my-sale'];
const security = [{ session: [] }];

/** Registers the family's registration routes. */
export function myRegistrationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/my/sale/projects', {
    preValidation: guard('my.registrations.read'),
    schema: { tags, security, summary: '可认购项目 Projects open for registration now, with my registration if any', response: { 200: OpenProjectList } },
  }, async (req) => ({
    items: (await listOpenSaleProjects(commandContext(deps, req))).map((p) => ({ ...p, registration: p.registration && presentMine(p.registration) })),
  }));

  r.get('/api/my/registrations', {
    preValidation: guard('my.registrations.read'),
    schema: { tags, security, summary: '我的认购 My registrations with 认购金 held, rank, turn, selection, contract', response: { 200: MyRegistrationList } },
  }, async (req) => ({ items: (await listMyRegistrations(commandContext(deps, req))).map(presentMine) }));

  r.post('/api/my/registrations', {
    preValidation: guard('my.registrations.write'),
    schema: { tags, security, summary: '认购登记 Register for a project (第十一条); Idempotency-Key honoured', body: RegisterBody, response: { 201: Registered } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: presentRegistered(await registerForProject(commandContext(deps, req), { projectId: req.body.projectId })),
  })));

  r.post('/api/my/registrations/:id/pay', {
    preValidation: guard('my.payments.write'),
    schema: { tags, security, summary: '缴纳认购金 Open the payment order; pay at payUrl', params: IdParams, response: { 200: PaymentStarted } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await startPayment(commandContext(deps, req), gatewayOf(deps), { registrationId: req.params.id }),
  })));

  r.post('/api/my/registrations/:id/withdraw', {
    preValidation: guard('my.registrations.write'),
    schema: { tags, security, summary: '撤回认购 Withdraw before the list is frozen; held 认购金 refunded', params: IdParams, body: WithdrawBody, response: { 200: Withdrawn } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await withdrawRegistration(commandContext(deps, req), { registrationId: req.params.id, reason: req.body?.reason }),
  })));
}
