/**
 * The steps every route goes through: auth (plugins/auth.ts: session → actor) → role check
 * (`guard`, preValidation) → validate (zod schema on the route) → authorize the resource (the
 * command, inside its transaction, with the same rules as authz/policies.ts) → command
 * (`commandContext`) → presenter (per resource).
 *
 * The role check runs before validation on purpose: a visitor who may not use a route learns
 * 401/403, not the route's schema.
 */
import type { FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { authorize, districtFilter, type Action, type Target } from './authz/policies.js';
import { HttpError, forbidden, notFound, unauthenticated } from './errors.js';
import type { AppDeps } from './deps.js';
import type { CommandContext } from '../commands/context.js';

/** preValidation hook: refuses the request unless the actor's role may do `action` at all. */
export function guard(action: Action): preValidationAsyncHookHandler {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const d = authorize(req.actor, action);
    if (!d.ok) throw d.status === 401 ? unauthenticated() : forbidden();
  };
}

/** Checks the actor against a loaded resource: 404 for another family's, 403 for another district's. */
export function assertTarget(req: FastifyRequest, action: Action, target: Target): void {
  const d = authorize(req.actor, action, target);
  if (d.ok) return;
  if (d.status === 404) throw notFound('申请', 'application');
  if (d.status === 401) throw unauthenticated();
  throw forbidden('您只能处理本区县的申请。', 'You may act only on applications of your own district.');
}

/** The district a list query must be limited to (undefined = all), or a 403. */
export function listDistrict(req: FastifyRequest, action: Action, requested?: string): string | undefined {
  const f = districtFilter(req.actor, action, requested);
  if (f.ok) return f.district;
  if (f.status === 401) throw unauthenticated();
  throw forbidden('您只能查看本区县的数据。', 'You may see only your own district.');
}

/** CommandContext (docs/CONTRACT.md) for this request's actor. */
export function commandContext(deps: AppDeps, req: FastifyRequest): CommandContext {
  return {
    db: deps.db.db,
    clock: deps.clock,
    actor: req.actor,
    dataChecks: deps.dataChecks,
    crypto: deps.crypto,
    requestId: req.id,
  };
}

export { HttpError };
