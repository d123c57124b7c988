/**
 * The family's exit applications (济政发〔2025〕3号 第二十四条: 取得不动产权证满2年后可退出):
 * GET /api/my/exits · POST /api/my/exits {unitId, route} (Idempotency-Key) · POST /api/my/exits/:id/withdraw.
 * Another family's unit or exit answers 404.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applyToExit, myExits, withdrawExit } from '../../../commands/exits/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentExit } from '../exits/presenter.js';
import { ApplyBody, Exit, ExitList, IdParams } from '../exits/schema.js';

const tags = ['my'];
const security = [{ session: [] }];

/** Registers the family's exit routes. */
export function myExitRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/my/exits', {
    preValidation: guard('my.home.read'),
    schema: { tags, security, response: { 200: ExitList }, summary: '我的退出申请 My exit applications, newest first' },
  }, async (req) => ({ items: (await myExits(commandContext(deps, req))).map(presentExit) }));

  r.post('/api/my/exits', {
    preValidation: guard('my.exits.write'),
    schema: { tags, security, body: ApplyBody, response: { 201: Exit }, summary: '申请退出 Apply to exit by buyback or internal transfer; 409 EXIT_TOO_EARLY before the two years of 第二十四条 (message names the date), 409 EXIT_OPEN' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: presentExit(await applyToExit(commandContext(deps, req), req.body)),
  })));

  r.post('/api/my/exits/:id/withdraw', {
    preValidation: guard('my.exits.write'),
    schema: { tags, security, params: IdParams, response: { 200: Exit }, summary: '撤回退出申请 Withdraw before acceptance' },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: presentExit(await withdrawExit(commandContext(deps, req), { exitId: req.params.id })),
  })));
}
