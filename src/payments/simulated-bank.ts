/**
 * SimulatedBank: a real PaymentGateway adapter that stands in for the bank until one is
 * contracted. It keeps its own books in memory for the life of the process (orders, the
 * payments it took, the refunds it paid, the balance of the 认购金 account); what it sends us is
 * kept on our side in gateway_callbacks. Callbacks are JSON {orderNo, txnId, amountFen, paidAt}
 * signed HMAC-SHA256 with the shared key, header X-QC-Signature, exactly as a real gateway would.
 */
import { randomBytes } from 'node:crypto';
import { hmacHex, parseCallback, signatureMatches, type PaymentCallback, type PaymentGateway, type SignedCallback } from './gateway.js';

/** An order as the bank's payment page shows it. */
export type BankOrder = {
  orderNo: string; amountFen: number; subject: string; createdAt: string;
  status: 'open' | 'paid'; payments: Array<{ txnId: string; amountFen: number; paidAt: string }>;
};

/** One movement on the bank's 认购金 account. */
export type BankMovement = { kind: 'payment' | 'refund'; ref: string; orderNo: string; amountFen: number; at: string };

/** Refused by the bank (unknown order or transaction, refund over the amount paid). */
export class BankError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'BankError';
  }
}

export class SimulatedBank implements PaymentGateway {
  readonly name = 'simbank';
  /** Balance of the 认购金 account at the bank, in fen. */
  balanceFen = 0;
  private readonly orders = new Map<string, BankOrder>();
  private readonly sent = new Map<string, SignedCallback>();
  private readonly refunds = new Map<string, { bankRef: string; amountFen: number; txnId: string }>();
  private readonly movements: BankMovement[] = [];

  constructor(private readonly opts: { key: Buffer; now?: () => Date }) {
    if (opts.key.length < 32) throw new Error('the simulated bank key must be at least 32 bytes');
  }

  private now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  async createOrder(order: { orderNo: string; amountFen: number; subject: string }): Promise<{ payUrl: string }> {
    const known = this.orders.get(order.orderNo);
    if (known && known.amountFen !== order.amountFen) throw new BankError('ORDER_CONFLICT', `order ${order.orderNo} exists with another amount`);
    if (!known) {
      this.orders.set(order.orderNo, { ...order, createdAt: this.now().toISOString(), status: 'open', payments: [] });
    }
    return { payUrl: `/sim-bank/${encodeURIComponent(order.orderNo)}` };
  }

  /** The order as the bank's payment page shows it, or undefined. */
  order(orderNo: string): BankOrder | undefined {
    const o = this.orders.get(orderNo);
    return o && { ...o, payments: [...o.payments] };
  }

  /**
   * The family pays: the bank takes the money `times` times (a double click, two devices) and
   * returns the signed callbacks it is about to send. `amountFen` simulates a bank that takes
   * another amount than ordered.
   */
  pay(orderNo: string, opts: { times?: number; amountFen?: number } = {}): SignedCallback[] {
    const o = this.orders.get(orderNo);
    if (!o) throw new BankError('UNKNOWN_ORDER', `no order ${orderNo}`);
    const out: SignedCallback[] = [];
    for (let i = 0; i < (opts.times ?? 1); i++) {
      const at = this.now().toISOString();
      const callback: PaymentCallback = { orderNo, txnId: `SB${randomBytes(10).toString('hex').toUpperCase()}`, amountFen: opts.amountFen ?? o.amountFen, paidAt: at };
      o.payments.push({ txnId: callback.txnId, amountFen: callback.amountFen, paidAt: at });
      o.status = 'paid';
      this.balanceFen += callback.amountFen;
      this.movements.push({ kind: 'payment', ref: callback.txnId, orderNo, amountFen: callback.amountFen, at });
      const signed = this.sign(callback);
      this.sent.set(callback.txnId, signed);
      out.push(signed);
    }
    return out;
  }

  /** The callback of a transaction again, byte for byte (a gateway retrying its notice). */
  replay(txnId: string): SignedCallback {
    const s = this.sent.get(txnId);
    if (!s) throw new BankError('UNKNOWN_TXN', `no transaction ${txnId}`);
    return s;
  }

  /** Signs a callback with the bank's key (the bytes are the JSON text of `callback`). */
  sign(callback: PaymentCallback): SignedCallback {
    const rawBody = Buffer.from(JSON.stringify(callback), 'utf8');
    return { rawBody, signature: hmacHex(this.opts.key, rawBody), callback };
  }

  async refund(refundNo: string, amountFen: number, originalTxnId: string): Promise<{ bankRef: string }> {
    const done = this.refunds.get(refundNo);
    if (done) {
      if (done.amountFen !== amountFen || done.txnId !== originalTxnId) throw new BankError('REFUND_CONFLICT', `refund ${refundNo} was made with other terms`);
      return { bankRef: done.bankRef };
    }
    const original = [...this.orders.values()].flatMap((o) => o.payments.map((p) => ({ ...p, orderNo: o.orderNo }))).find((p) => p.txnId === originalTxnId);
    if (!original) throw new BankError('UNKNOWN_TXN', `no transaction ${originalTxnId} (the simulated bank forgets on restart)`);
    const already = [...this.refunds.values()].filter((r) => r.txnId === originalTxnId).reduce((s, r) => s + r.amountFen, 0);
    if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || already + amountFen > original.amountFen) {
      throw new BankError('REFUND_EXCEEDS_PAYMENT', `refund ${amountFen} of ${originalTxnId} exceeds what is left (${original.amountFen - already})`);
    }
    const bankRef = `SBR${randomBytes(8).toString('hex').toUpperCase()}`;
    this.refunds.set(refundNo, { bankRef, amountFen, txnId: originalTxnId });
    this.balanceFen -= amountFen;
    this.movements.push({ kind: 'refund', ref: refundNo, orderNo: original.orderNo, amountFen, at: this.now().toISOString() });
    return { bankRef };
  }

  verifyCallback(rawBody: Buffer | string, signatureHeader: string | undefined): PaymentCallback | null {
    return signatureMatches(this.opts.key, rawBody, signatureHeader) ? parseCallback(rawBody) : null;
  }

  /** The bank's statement of the 认购金 account. */
  statement(): BankMovement[] {
    return [...this.movements];
  }
}
