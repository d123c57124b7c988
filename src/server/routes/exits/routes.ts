/**
 * Exits for staff and the auditor (济政发〔2025〕3号 第二十二、二十四至二十七、三十一条):
 * POST /api/units/:id/exits                         staff file for a holder (第二十二条 extra unit, 第三十一条(三))
 * GET  /api/exits?status=&overdue=1                 the board (第二十六条): due date, days left, overdue first; eligibility verdict only
 * GET  /api/exits/:id                               detail: eligibility trace, checks, valuation, contract, payments, vacating
 * POST /api/exits/:id/checks/refresh                第二十五条(一) from the platform's case register + the purchase contract
 * POST /api/exits/:id/checks/:item/inspection       第二十五条(二) inspection
 * POST /api/exits/:id/accept | /refuse | /revalue   第二十六、二十七条
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  acceptExit, exitBoard, exitDetail, fileExit, recordInspection, refreshDataChecks, refuseExit, revalueExit,
} from '../../../commands/exits/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentBoardRow, presentDetail, presentExit } from './presenter.js';
import {
  AcceptBody, BoardList, BoardQuery, CheckList, Exit, ExitDetail, FileBody, IdParams, InspectionBody, InspectionParams, RefuseBody,
} from './schema.js';

const tags = ['exits'];
const security = [{ session: [] }];

/** Registers the staff exit routes. */
export function exitRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/units/:id/exits', {
    preValidation: guard('exits.decide'),
    schema: { tags, security, params: IdParams, body: FileBody, response: { 201: Exit }, summary: '代为提交退出申请 File an exit for a holder (第二十二条 extra unit; 第三十一条(三)); meets the 第二十二条 obligation' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: presentExit(await fileExit(commandContext(deps, req), { unitId: req.params.id, ...req.body })),
  })));

  r.get('/api/exits', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, querystring: BoardQuery, response: { 200: BoardList }, summary: '退出台账 The exit board (第二十六条): due date, days left (negative = overdue), overdue first' },
  }, async (req) => ({ items: (await exitBoard(commandContext(deps, req), req.query)).map(presentBoardRow) }));

  r.get('/api/exits/:id', {
    preValidation: guard('postsale.read'),
    schema: { tags, security, params: IdParams, response: { 200: ExitDetail }, summary: '退出申请详情 Eligibility trace, 第二十五条 checks with evidence, 第二十七条 valuation, contract, payments, vacating' },
  }, async (req) => presentDetail(await exitDetail(commandContext(deps, req), req.params.id)));

  r.post('/api/exits/:id/checks/refresh', {
    preValidation: guard('exits.decide'),
    schema: { tags, security, params: IdParams, response: { 200: CheckList }, summary: '数据核查 第二十五条(一) from the platform\'s case register and the purchase contract (第二十三条 loan allowed)' },
  }, async (req) => ({ items: await refreshDataChecks(commandContext(deps, req), { exitId: req.params.id }) }));

  r.post('/api/exits/:id/checks/:item/inspection', {
    preValidation: guard('exits.decide'),
    schema: { tags, security, params: InspectionParams, body: InspectionBody, response: { 200: CheckList }, summary: '现场核查 第二十五条(二) inspection; an open case of the kind fails the item whatever the finding' },
  }, async (req) => ({ items: await recordInspection(commandContext(deps, req), { exitId: req.params.id, item: req.params.item, ...req.body }) }));

  r.post('/api/exits/:id/accept', {
    preValidation: guard('exits.decide'),
    schema: { tags, security, params: IdParams, body: AcceptBody, response: { 200: Exit }, summary: '受理 Accept: all five 第二十五条 items ok (409 naming the rest); due = +6 months (第二十六条); valued by housing.buyback-price' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentExit(await acceptExit(commandContext(deps, req), { exitId: req.params.id, ...(req.body ?? {}) })),
  })));

  r.post('/api/exits/:id/refuse', {
    preValidation: guard('exits.decide'),
    schema: { tags, security, params: IdParams, body: RefuseBody, response: { 200: Exit }, summary: '不予受理 Refuse with a reason the family reads' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentExit(await refuseExit(commandContext(deps, req), { exitId: req.params.id, reason: req.body.reason })),
  })));

  r.post('/api/exits/:id/revalue', {
    preValidation: guard('exits.decide'),
    schema: { tags, security, params: IdParams, body: AcceptBody, response: { 200: Exit }, summary: '重新测算 Value an accepted exit again on today (第二十七条), before the buyback contract' },
  }, async (req) => presentExit(await revalueExit(commandContext(deps, req), { exitId: req.params.id, ...(req.body ?? {}) })));
}
