/**
 * The payment gateway's side of 认购金 (第十一条):
 * - POST /api/payments/callback/:gateway — the gateway's signed notice. The body is read as raw
 *   bytes, because the HMAC covers exactly what was sent; 401 for a bad signature (kept as
 *   evidence), 404 for an order we never opened, else 200 (a replay is 200 and books nothing).
 * - /api/sim-bank/… — the simulated bank's payment page and its "pay" button: the bank takes the
 *   money and POSTs its signed callback to our callback route through the app itself, as a real
 *   gateway would over the network. Present only while the gateway is the simulated bank.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { handlePaymentCallback } from '../../../commands/registrations/index.js';
import { SIGNATURE_HEADER, SimulatedBank, gatewayOf, type SignedCallback } from '../../../payments/index.js';
import type { AppDeps } from '../../deps.js';
import { HttpError } from '../../errors.js';
import { commandContext } from '../../pipeline.js';
import { BankOrder, BankPaid, CallbackAnswer, GatewayParams, OrderParams, PayQuery, TxnParams } from './schema.js';

const RETURN_URL = '/my/sale';

/** Registers the callback and the simulated bank. */
export async function paymentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    // Raw bytes for this route only: the signature is over them.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/payments/callback/:gateway', {
      schema: { tags: ['payments'], summary: '支付回调 Signed gateway callback (header X-QC-Signature); idempotent', params: GatewayParams, response: { 200: CallbackAnswer } },
    }, async (req, reply) => {
      const gateway = gatewayOf(deps);
      if (req.params.gateway !== gateway.name) throw new HttpError(404, 'NOT_FOUND', '支付渠道不存在。', 'No such payment gateway.');
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const sig = req.headers[SIGNATURE_HEADER];
      const out = await handlePaymentCallback(commandContext(deps, req), gateway, { rawBody: raw, signature: Array.isArray(sig) ? sig[0] : sig });
      if (out.outcome === 'rejected') throw new HttpError(401, 'BAD_SIGNATURE', '回调签名无效，未入账。', 'The callback signature is invalid; nothing was booked.', { field: SIGNATURE_HEADER });
      if (out.outcome === 'unknown_order') throw new HttpError(404, 'UNKNOWN_ORDER', '订单不存在，未入账。', 'No such order; nothing was booked.');
      return reply.code(200).send(out);
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const bank = (): SimulatedBank => {
    const g = gatewayOf(deps);
    if (!(g instanceof SimulatedBank)) throw new HttpError(404, 'NOT_FOUND', '模拟银行未启用。', 'The simulated bank is not in use.');
    return g;
  };
  const deliver = async (cbs: SignedCallback[]) => Promise.all(cbs.map(async (cb) => {
    const res = await app.inject({
      method: 'POST', url: `/api/payments/callback/${bank().name}`, payload: cb.rawBody,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: cb.signature },
    });
    let outcome: string | null = null;
    try { outcome = (res.json() as { outcome?: string; code?: string }).outcome ?? null; } catch { /* not JSON */ }
    return { txnId: cb.callback.txnId, httpStatus: res.statusCode, outcome };
  }));

  r.get('/api/sim-bank/orders/:orderNo', {
    schema: { tags: ['sim-bank'], summary: '模拟银行支付页 The simulated bank\'s payment page data', params: OrderParams, response: { 200: BankOrder } },
  }, async (req) => {
    const o = bank().order(req.params.orderNo);
    if (!o) throw new HttpError(404, 'NOT_FOUND', '订单不存在。', 'No such order.');
    return { bank: '模拟银行（演示用，不产生真实扣款）', ...o, returnUrl: RETURN_URL };
  });

  r.post('/api/sim-bank/orders/:orderNo/pay', {
    schema: { tags: ['sim-bank'], summary: '模拟银行确认支付 The bank takes the money and POSTs its signed callback (?times=2: pay twice)', params: OrderParams, querystring: PayQuery, response: { 200: BankPaid } },
  }, async (req) => {
    let cbs: SignedCallback[];
    try {
      cbs = bank().pay(req.params.orderNo, { times: req.query.times });
    } catch (e) {
      if ((e as { code?: string }).code === 'UNKNOWN_ORDER') throw new HttpError(404, 'NOT_FOUND', '订单不存在。', 'No such order.');
      throw e;
    }
    return { orderNo: req.params.orderNo, deliveries: await deliver(cbs), returnUrl: RETURN_URL };
  });

  r.post('/api/sim-bank/transactions/:txnId/replay', {
    schema: { tags: ['sim-bank'], summary: '模拟银行重发回调 The bank sends a transaction\'s callback again, byte for byte', params: TxnParams, response: { 200: BankPaid } },
  }, async (req) => {
    let cb: SignedCallback;
    try {
      cb = bank().replay(req.params.txnId);
    } catch {
      throw new HttpError(404, 'NOT_FOUND', '交易不存在。', 'No such transaction.');
    }
    return { orderNo: cb.callback.orderNo, deliveries: await deliver([cb]), returnUrl: RETURN_URL };
  });
}
