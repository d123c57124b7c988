/**
 * The gateway of a running app: the one injected in AppDeps, else (tests, a bare buildApp) one
 * simulated bank with a random key per deps object, shared by every route of that app.
 */
import { randomSimBankKey } from './key.js';
import type { PaymentGateway } from './gateway.js';
import { SimulatedBank } from './simulated-bank.js';

const fallback = new WeakMap<object, PaymentGateway>();

/** The app's gateway. */
export function gatewayOf(deps: { gateway?: PaymentGateway; clock: { now(): Date } }): PaymentGateway {
  if (deps.gateway) return deps.gateway;
  let g = fallback.get(deps);
  if (!g) {
    g = new SimulatedBank({ key: randomSimBankKey(), now: () => deps.clock.now() });
    fallback.set(deps, g);
  }
  return g;
}
