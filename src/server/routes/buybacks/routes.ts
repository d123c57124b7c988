/**
 * The buyback over HTTP (济政发〔2025〕3号 第二十七至二十九条), for staff of the project's level
 * (buyback.manage) and, for reading, the project's staff, its implementer and the auditor (postsale.read):
 * POST /api/exits/:id/buyback-contract          draw up the contract from the model text (第二十八条)
 * GET  /api/buyback-contracts/:id/contract.pdf  the PDF (audited read)
 * POST /api/buyback-contracts/:id/sign          signed: PDF hash kept, exit contracted
 * POST /api/buyback-contracts/:id/payments      book a stage: lender first (第二十九条)
 * POST /api/exits/:id/vacating/:item            one item of the vacating checklist (第二十九条)
 * POST /api/exits/:id/transfer-registration     the title to the government (第二十九条)
 * POST /api/exits/:id/complete                  fund refunded, unit bought back, family exited (第二十九条)
 * GET  /api/exits/:id/reconciliation            the money to the fen; ?format=xlsx
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appendAudit } from '../../../audit/index.js';
import {
  buybackContractPdf, buybackReconciliation, completeBuyback, generateBuybackContract, recordBuybackPayment, recordVacatingItem,
  registerBuybackTransfer, signBuybackContract,
} from '../../../commands/buybacks/index.js';
import type { AppDeps } from '../../deps.js';
import { attachment } from '../../content-disposition.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentBookedStage, presentBuybackContract } from './presenter.js';
import {
  BookedStage, BuybackContract, Completion, GenerateBuybackBody, IdParams, PaymentBody, Reconciliation, ReconciliationQuery, Transfer,
  TransferBody, Vacating, VacatingBody, VacatingParams,
} from './schema.js';
import { buybackReconciliationXlsx } from './xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['buyback'];
const security = [{ session: [] }];

/** Registers the buyback routes. */
export function buybackRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/exits/:id/buyback-contract', {
    preValidation: guard('buyback.manage'),
    schema: { tags, security, summary: '拟定回购合同 Draw up the buyback contract (第二十八、二十九条)', params: IdParams, body: GenerateBuybackBody, response: { 200: BuybackContract } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentBuybackContract(await generateBuybackContract(commandContext(deps, req), { exitId: req.params.id, ...req.body })),
  })));

  r.get('/api/buyback-contracts/:id/contract.pdf', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, summary: '回购合同 PDF (audited read; 第二十八条)', params: IdParams },
  }, async (req, reply) => {
    const p = await buybackContractPdf(commandContext(deps, req), req.params.id);
    return reply.code(200).type('application/pdf').header('cache-control', 'private, no-store').header('x-content-sha256', p.sha256)
      .header('content-disposition', attachment('buyback-contract.pdf', `回购合同-${p.contractNo}.pdf`)).send(p.pdf);
  });

  r.post('/api/buyback-contracts/:id/sign', {
    preValidation: guard('buyback.manage'),
    schema: { tags, security, summary: '签订回购合同 Record the signing; the exit becomes contracted (第二十九条)', params: IdParams, response: { 200: BuybackContract } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentBuybackContract(await signBuybackContract(commandContext(deps, req), { id: req.params.id })),
  })));

  r.post('/api/buyback-contracts/:id/payments', {
    preValidation: guard('buyback.manage'),
    schema: { tags, security, summary: '登记回购价款 Book a stage of the price, the lender first (第二十九条)', params: IdParams, body: PaymentBody, response: { 200: BookedStage } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentBookedStage(await recordBuybackPayment(commandContext(deps, req), { contractId: req.params.id, ...req.body })),
  })));

  r.post('/api/exits/:id/vacating/:item', {
    preValidation: guard('buyback.manage'),
    schema: { tags, security, summary: '登记腾退事项 Record a vacating item with its evidence (第二十九条)', params: VacatingParams, body: VacatingBody, response: { 200: Vacating } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await recordVacatingItem(commandContext(deps, req), { exitId: req.params.id, item: req.params.item, ...req.body }),
  })));

  r.post('/api/exits/:id/transfer-registration', {
    preValidation: guard('buyback.manage'),
    schema: { tags, security, summary: '转移登记至政府 The title passes to the government (第二十九条)', params: IdParams, body: TransferBody, response: { 200: Transfer } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await registerBuybackTransfer(commandContext(deps, req), { exitId: req.params.id, ...req.body }),
  })));

  r.post('/api/exits/:id/complete', {
    preValidation: guard('buyback.manage'),
    schema: { tags, security, summary: '完成回购 Refund the maintenance fund; unit bought back, family exited (第二十四、二十九条)', params: IdParams, response: { 200: Completion } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await completeBuyback(commandContext(deps, req), { exitId: req.params.id }),
  })));

  r.get('/api/exits/:id/reconciliation', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, summary: '回购对账 The buyback money to the fen (第二十九条); ?format=xlsx', params: IdParams, querystring: ReconciliationQuery, response: { 200: Reconciliation } },
  }, async (req, reply) => {
    const rec = await buybackReconciliation(commandContext(deps, req), req.params.id);
    if (req.query.format !== 'xlsx') return rec;
    await deps.db.db.transaction((tx) => appendAudit(tx, {
      actor: req.actor, action: 'buyback.reconciliation.export', targetType: 'exit_application', targetId: rec.exitId, at: deps.clock.now(), detail: { exitNo: rec.exitNo, requestId: req.id },
    }));
    const file = `回购对账-${rec.exitNo}-${rec.asOf}.xlsx`;
    return reply.type(XLSX).header('content-disposition', attachment('buyback-reconciliation.xlsx', file)).send((await buybackReconciliationXlsx(rec)) as never);
  });
}
