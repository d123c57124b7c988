/**
 * Staff routes of the draw (摇号; 济政发〔2025〕3号 第十一条): freeze the list after the window,
 * draw with the beacon, void with a public reason, read. District staff act on their district's
 * projects, city staff on all (the commands check the project again); the auditor and the
 * project's implementer read. Freeze, draw and void honour Idempotency-Key.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { drawLottery, freezeList, getDraw, voidDraw } from '../../../commands/draws/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { BeaconBody, DrawDetail, DrawParams, Drawn, Frozen, ProjectParams, VoidBody, Voided } from './schema.js';

const tags = ['draws'];
const security = [{ session: [] }];

/** Registers the staff draw routes. */
export function drawRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/projects/:id/draws/freeze', {
    preValidation: guard('draws.manage'),
    schema: { tags, security, summary: '冻结摇号名单 Freeze the list (after the registration window); returns the live draw if frozen already', params: ProjectParams, response: { 200: Frozen } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await freezeList(commandContext(deps, req), { projectId: req.params.id }),
  })));

  r.post('/api/draws/:id/draw', {
    preValidation: guard('draws.manage'),
    schema: { tags, security, summary: '摇号 Draw with the external beacon (QLOT-1); 409 when already drawn', params: DrawParams, body: BeaconBody, response: { 200: Drawn } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await drawLottery(commandContext(deps, req), { drawId: req.params.id, beacon: req.body.beacon }),
  })));

  r.post('/api/draws/:id/void', {
    preValidation: guard('draws.manage'),
    schema: { tags, security, summary: '作废摇号 Void a draw with a public reason (then freeze again for a new attempt)', params: DrawParams, body: VoidBody, response: { 200: Voided } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await voidDraw(commandContext(deps, req), { drawId: req.params.id, reason: req.body.reason }),
  })));

  r.get('/api/draws/:id', {
    preValidation: guard('projects.read'),
    schema: { tags, security, summary: '摇号详情 A draw (staff view)', params: DrawParams, response: { 200: DrawDetail } },
  }, async (req) => {
    const d = await getDraw(commandContext(deps, req), { drawId: req.params.id });
    const base = `/api/public/draws/${d.id}`;
    return { ...d, files: { entrantsTsv: `${base}/entrants.tsv`, lotteryJson: d.seed ? `${base}/lottery.json` : null } };
  });
}
