/**
 * The payment gateway through which families pay 认购金 (济政发〔2025〕3号 第十一条) and through which
 * it is returned. The platform never trusts a browser about money: only a callback signed by the
 * gateway books a payment, and every refund carries our refund number as the bank's idempotency key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a gateway tells us when it has taken money for an order. */
export type PaymentCallback = {
  orderNo: string;
  /** The bank's transaction id: booked once (deposit_ledger_txn_uq). */
  txnId: string;
  amountFen: number;
  /** ISO 8601 instant at which the bank took the money. */
  paidAt: string;
};

/** A callback as sent on the wire: the exact bytes and their signature. */
export type SignedCallback = { rawBody: Buffer; signature: string; callback: PaymentCallback };

/** The header carrying the HMAC-SHA256 signature of the raw body (hex). */
export const SIGNATURE_HEADER = 'x-qc-signature';

/** A payment gateway adapter. */
export interface PaymentGateway {
  /** Path segment of the callback route: POST /api/payments/callback/:name. */
  readonly name: string;
  /** Opens (or, for the same orderNo, re-opens) an order; the family pays at payUrl. */
  createOrder(order: { orderNo: string; amountFen: number; subject: string }): Promise<{ payUrl: string }>;
  /** Returns money of a payment; the same refundNo never pays out twice. */
  refund(refundNo: string, amountFen: number, originalTxnId: string): Promise<{ bankRef: string }>;
  /** The parsed callback when the signature over the exact bytes is right and the body well formed, else null. */
  verifyCallback(rawBody: Buffer | string, signatureHeader: string | undefined): PaymentCallback | null;
}

const Callback = z.strictObject({
  orderNo: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  txnId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  paidAt: z.iso.datetime({ offset: true }),
});

/** Hex HMAC-SHA256 of the bytes. */
export function hmacHex(key: Buffer, raw: Buffer | string): string {
  return createHmac('sha256', key).update(raw).digest('hex');
}

/** Constant-time check of a hex signature. */
export function signatureMatches(key: Buffer, raw: Buffer | string, signature: string | undefined): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  return timingSafeEqual(Buffer.from(hmacHex(key, raw), 'hex'), Buffer.from(signature.toLowerCase(), 'hex'));
}

/** The callback in the body, or null when it is not JSON of the expected shape. */
export function parseCallback(raw: Buffer | string): PaymentCallback | null {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);
  } catch {
    return null;
  }
  const r = Callback.safeParse(json);
  return r.success ? r.data : null;
}
