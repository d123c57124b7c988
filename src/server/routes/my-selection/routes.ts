/**
 * The family's selection (选房): its open turn with the grid, choosing a unit, giving up the
 * turn, and buying in a rolling sale (济政发〔2025〕3号 第十一、十六条). 409 UNIT_TAKEN when another
 * family was first, ALREADY_HOLDS_UNIT when the family holds a unit (第五条), NOT_YOUR_TURN
 * outside its batch's window. Writes honour Idempotency-Key; a repeated choice returns the same selection.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { myLiveSelection, mySelectionTurn, refuseTurn, rollingSelect, selectUnit } from '../../../commands/selection/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentSelection, presentTurn } from './presenter.js';
import { RefuseBody, Refused, Selection, Turn, TurnQuery, UnitBody } from './schema.js';

const tags = ['my'];
const security = [{ session: [] }];

/** Registers the family's selection routes. */
export function mySelectionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/my/selection', {
    preValidation: guard('my.registrations.read'),
    schema: { tags, security, summary: '我的选房 My open turn: batch, window, outcome and the grid (null when none)', querystring: TurnQuery, response: { 200: Turn } },
  }, async (req) => presentTurn(await mySelectionTurn(commandContext(deps, req), { projectId: req.query.projectId })));

  r.get('/api/my/selections/current', {
    preValidation: guard('my.registrations.read'),
    schema: { tags, security, summary: '我选定的房源 The unit my family holds now (round or rolling sale), or null', response: { 200: Selection.nullable() } },
  }, async (req) => {
    const s = await myLiveSelection(commandContext(deps, req));
    return s ? presentSelection(s) : null;
  });

  r.post('/api/my/selections', {
    preValidation: guard('my.selection.write'),
    schema: { tags, security, summary: '选定房源 Choose a unit in my turn (第十一条); 409 UNIT_TAKEN / ALREADY_HOLDS_UNIT / NOT_YOUR_TURN', body: UnitBody, response: { 200: Selection } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => {
    return { status: 200, body: presentSelection(await selectUnit(commandContext(deps, req), { unitId: req.body.unitId })) };
  }));

  r.post('/api/my/selections/refuse', {
    preValidation: guard('my.selection.write'),
    schema: { tags, security, summary: '放弃本次选房 Give up this turn (after choosing and before a contract: the unit goes back)', body: RefuseBody, response: { 200: Refused } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await refuseTurn(commandContext(deps, req), req.body),
  })));

  r.post('/api/my/rolling-selections', {
    preValidation: guard('my.selection.write'),
    schema: { tags, security, summary: '常态化配售选房 Take an available unit in a rolling sale (第十六条)', body: UnitBody, response: { 200: Selection } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => {
    return { status: 200, body: presentSelection(await rollingSelect(commandContext(deps, req), { unitId: req.body.unitId })) };
  }));
}
