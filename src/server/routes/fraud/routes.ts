/**
 * 第三十一条 (济政发〔2025〕3号): POST /api/applications/:id/fraud — staff of the family's district (or
 * the city) decide on a deception finding; the action follows the family's stage (an explicit
 * `action` that does not match is refused with 409).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideFraud } from '../../../commands/fraud/index.js';
import { FRAUD_ACTIONS } from '../../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { EvidenceItem } from '../unit-events/schema.js';

const tags = ['post-sale'];
const security = [{ session: [] }];
const Params = z.object({ id: z.uuid().describe('application id') });
const Body = z.object({
  finding: z.string().describe('the deception found'),
  evidence: z.array(EvidenceItem),
  action: z.enum(FRAUD_ACTIONS).optional().describe('derived from the stage when absent'),
  downPaymentPaidFen: z.number().int().optional().describe('(二): down payment paid beyond the credited 认购金'),
  loanDisbursedFen: z.number().int().optional().describe('(二): loan the lender disbursed'),
  vacateByOn: z.string().optional().describe('(三): the day the family must have vacated by'),
});
const Refund = z.object({
  depositCreditedFen: z.number(), downPaymentPaidFen: z.number(), toFamilyFen: z.number(), toLenderFen: z.number(), totalFen: z.number(), reading: z.string(),
});
const Decision = z.object({
  id: z.string(), decisionNo: z.string(), applicationId: z.string(), action: z.enum(FRAUD_ACTIONS), clause: z.string(), article: z.string(),
  finding: z.string(), evidence: z.array(EvidenceItem), contractId: z.string().nullable(), refund: Refund.nullable(), vacateByOn: z.string().nullable(),
  exitId: z.string().nullable(), decidedAt: z.string(),
});

/** Registers the fraud route. */
export function fraudRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/applications/:id/fraud', {
    preValidation: guard('fraud.decide'),
    schema: { tags, security, summary: '弄虚作假处理 Decide on a deception finding (第三十一条)', params: Params, body: Body, response: { 201: Decision } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: (await decideFraud(commandContext(deps, req), { ...req.body, applicationId: req.params.id })) as never,
  })));
}
