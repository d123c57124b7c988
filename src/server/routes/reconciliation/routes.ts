/**
 * Money of a project for the implementer, staff and the auditor:
 * GET  /api/projects/:id/reconciliation[?format=xlsx]  认购金 to the fen (第十一条)
 * POST /api/projects/:id/end-sale                      refunds every unsigned held 认购金; project ended
 * GET/POST /api/projects/:id/funds                     the fund ledger by source (第十七条)
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appendAudit } from '../../../audit/index.js';
import { listFunds, recordFund } from '../../../commands/funds/index.js';
import { endSale, reconcile } from '../../../commands/registrations/index.js';
import type { AppDeps } from '../../deps.js';
import { attachment } from '../../content-disposition.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { FundBody, FundList, FundRecorded, ProjectParams, ReconciliationQuery, ReconciliationView, SaleEnded } from './schema.js';
import { reconciliationXlsx } from './xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['sale-money'];
const security = [{ session: [] }];

/** Registers the routes. */
export function reconciliationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/projects/:id/reconciliation', {
    preValidation: guard('deposits.read'),
    schema: { tags, security, summary: '认购金对账 Deposit reconciliation (第十一条); ?format=xlsx for the finance office', params: ProjectParams, querystring: ReconciliationQuery, response: { 200: ReconciliationView } },
  }, async (req, reply) => {
    const rec = await reconcile(commandContext(deps, req), req.params.id);
    if (req.query.format !== 'xlsx') return rec;
    await deps.db.db.transaction((tx) => appendAudit(tx, {
      actor: req.actor, action: 'deposits.export', targetType: 'project', targetId: rec.projectId, at: deps.clock.now(), detail: { code: rec.code, requestId: req.id },
    }));
    const file = `认购金对账-${rec.code}-${deps.clock.today()}.xlsx`;
    // A Buffer is sent as is: Fastify skips the response serializer for it.
    return reply.type(XLSX).header('content-disposition', attachment('reconciliation.xlsx', file)).send((await reconciliationXlsx(rec)) as never);
  });

  r.post('/api/projects/:id/end-sale', {
    preValidation: guard('sale.manage'),
    schema: { tags, security, summary: '结束配售 End the sale: refund every unsigned held 认购金 (第十一条)', params: ProjectParams, response: { 200: SaleEnded } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await endSale(commandContext(deps, req), { projectId: req.params.id }),
  })));

  r.get('/api/projects/:id/funds', {
    preValidation: guard('funds.read'),
    schema: { tags, security, summary: '项目资金台账 Fund ledger by source and direction (第十七条)', params: ProjectParams, response: { 200: FundList } },
  }, async (req) => listFunds(commandContext(deps, req), req.params.id));

  r.post('/api/projects/:id/funds', {
    preValidation: guard('funds.write'),
    schema: { tags, security, summary: '登记资金收支 Record a fund entry (implementer; 第十七条); retry by reference', params: ProjectParams, body: FundBody, response: { 201: FundRecorded } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => {
    const e = await recordFund(commandContext(deps, req), { projectId: req.params.id, ...req.body });
    return { status: 201, body: { ...e, source: e.source as never, direction: e.direction as 'in' | 'out', recordedAt: e.recordedAt.toISOString() } };
  }));
}
