/**
 * The family's contracts (第十三、十四条): draw up the contract of the unit it holds, read and
 * download it, sign it. Every route needs an applicant session; the commands check ownership
 * again and answer 404 for anyone else's selection or contract.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { generateContract, listMyContracts, signContract } from '../../../commands/contracts/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { sendContractPdf } from './pdf.js';
import { presentContract } from './presenter.js';
import { Contract, ContractList, GenerateBody, IdParams } from './schema.js';

const tags = ['my'];
const security = [{ session: [] }];

/** Registers the family's contract routes. */
export function myContractRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/my/selections/:id/contract', {
    preValidation: guard('my.contracts.write'),
    schema: {
      tags, security, params: IdParams, body: GenerateBody, response: { 200: Contract },
      summary: '生成购房合同 Draw up (or redraw before signing) the contract of a locked selection; 400 naming downPaymentFen below the 第十三条 minimum',
    },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200,
    body: presentContract(await generateContract(commandContext(deps, req), { selectionId: req.params.id, ...req.body })),
  })));

  r.get('/api/my/contracts', {
    preValidation: guard('my.contracts.read'),
    schema: { tags, security, summary: '我的购房合同 My contracts', response: { 200: ContractList } },
  }, async (req) => ({ items: (await listMyContracts(commandContext(deps, req))).map((c) => presentContract(c)) }));

  r.get('/api/my/contracts/:id/contract.pdf', {
    preValidation: guard('my.contracts.read'),
    schema: { tags, security, params: IdParams, summary: '购房合同 PDF (a signed one re-renders to its SHA-256, header x-content-sha256)' },
  }, async (req, reply) => sendContractPdf(commandContext(deps, req), reply, req.params.id));

  r.post('/api/my/contracts/:id/sign', {
    preValidation: guard('my.contracts.write'),
    schema: {
      tags, security, params: IdParams, response: { 200: Contract },
      summary: '签署购房合同 Sign: 认购金 credited, other registrations closed and refunded (第十一条), unit sold; 409 after the deadline; retry-safe',
    },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentContract(await signContract(commandContext(deps, req), { contractId: req.params.id })),
  })));
}
