/**
 * Staff routes of selection (选房; 济政发〔2025〕3号 第十一、十六条): open the next batch, close a
 * batch, mark a family's no-show or refusal, the board, start the rolling sale, convert a
 * long-unsold unit. The project's implementer and its district's (or the city's) staff run the
 * batches; only staff record a conversion; the auditor reads the board. The commands check the
 * project again inside their transaction. Writes honour Idempotency-Key.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  closeBatch, convertUnit, markCall, openNextBatch, selectionBoard, startRollingSale,
} from '../../../commands/selection/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentBatch, presentBoard, presentConversion } from './presenter.js';
import {
  BatchParams, Board, Closed, ConversionBody, Converted, DrawParams, MarkBody, Marked, OpenBody, Opened, ProjectParams, Rolling, UnitParams,
} from './schema.js';

const tags = ['selection'];
const security = [{ session: [] }];

/** Registers the staff selection routes. */
export function selectionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/draws/:id/batches/open', {
    preValidation: guard('selection.manage'),
    schema: { tags, security, summary: '开启下一批选房 Open the next batch (closes the open one: waiting → no_show) (第十一条)', params: DrawParams, body: OpenBody, response: { 200: Opened } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentBatch(await openNextBatch(commandContext(deps, req), { drawId: req.params.id, batchNo: req.body?.batchNo })),
  })));

  r.post('/api/selection-batches/:id/close', {
    preValidation: guard('selection.manage'),
    schema: { tags, security, summary: '结束选房批次 Close a batch (waiting → no_show)', params: BatchParams, response: { 200: Closed } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentBatch(await closeBatch(commandContext(deps, req), { batchId: req.params.id })),
  })));

  r.post('/api/selection-calls/mark', {
    preValidation: guard('selection.manage'),
    schema: { tags, security, summary: '登记未到场或放弃 Mark a no-show or a refusal', body: MarkBody, response: { 200: Marked } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await markCall(commandContext(deps, req), req.body),
  })));

  r.get('/api/projects/:id/selection', {
    preValidation: guard('projects.read'),
    schema: { tags, security, summary: '选房看板 Board: batches, calls (masked names), outcomes, units left', params: ProjectParams, response: { 200: Board } },
  }, async (req) => presentBoard(await selectionBoard(commandContext(deps, req), { projectId: req.params.id })));

  r.post('/api/projects/:id/rolling', {
    preValidation: guard('selection.manage'),
    schema: { tags, security, summary: '开始常态化配售 Start the rolling sale after the rounds (第十六条)', params: ProjectParams, response: { 200: Rolling } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => {
    const p = await startRollingSale(commandContext(deps, req), { projectId: req.params.id });
    return { status: 200, body: { id: p.id, code: p.code, name: p.name, status: p.status } };
  }));

  r.post('/api/units/:id/conversion', {
    preValidation: guard('units.convert'),
    schema: { tags, security, summary: '转换用途 Convert a long-unsold unit on the government\'s decision (第十六条)', params: UnitParams, body: ConversionBody, response: { 200: Converted } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentConversion(await convertUnit(commandContext(deps, req), { unitId: req.params.id, ...req.body })),
  })));
}
