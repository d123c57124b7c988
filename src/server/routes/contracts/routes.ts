/**
 * A project's contracts for its implementer (own projects), district/city staff and the auditor
 * (第十四条), with buyers masked as on public lists; the PDF of one, audited (it names the buyer).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listProjectContracts } from '../../../commands/contracts/index.js';
import { CONTRACT_STATUSES } from '../../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { commandContext, guard } from '../../pipeline.js';
import { sendContractPdf } from '../my-contracts/pdf.js';
import { presentContract } from '../my-contracts/presenter.js';
import { ContractList, IdParams } from '../my-contracts/schema.js';

const tags = ['contracts'];
const security = [{ session: [] }];
const ListQuery = z.object({ status: z.enum(CONTRACT_STATUSES).optional() });

/** Registers the staff/implementer contract routes. */
export function contractRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/projects/:id/contracts', {
    preValidation: guard('projects.read'),
    schema: { tags, security, params: IdParams, querystring: ListQuery, summary: '项目购房合同 Contracts of a project (buyers masked)', response: { 200: ContractList } },
  }, async (req) => ({
    items: (await listProjectContracts(commandContext(deps, req), { projectId: req.params.id, status: req.query.status }))
      .map((c) => presentContract(c, '/api/contracts')),
  }));

  r.get('/api/contracts/:id/contract.pdf', {
    preValidation: guard('projects.read'),
    schema: { tags, security, params: IdParams, summary: '购房合同 PDF for the project\'s implementer and staff (audited read)' },
  }, async (req, reply) => sendContractPdf(commandContext(deps, req), reply, req.params.id));
}
