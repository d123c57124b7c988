import { describe, expect, it } from 'vitest';
import { parseCallback, signatureMatches } from './gateway.js';
import { randomSimBankKey } from './key.js';
import { BankError, SimulatedBank } from './simulated-bank.js';

const bank = () => new SimulatedBank({ key: randomSimBankKey(), now: () => new Date('2026-03-02T02:00:00Z') });

describe('the simulated bank (第十一条 认购金 through a gateway)', () => {
  it('signs the exact bytes of each callback; a changed byte or another key fails the check', async () => {
    const b = bank();
    await b.createOrder({ orderNo: 'PR2026000001-1', amountFen: 2_000_000, subject: '认购金' });
    const [cb] = b.pay('PR2026000001-1');
    expect(b.verifyCallback(cb!.rawBody, cb!.signature)).toEqual(cb!.callback);
    expect(cb!.callback).toMatchObject({ orderNo: 'PR2026000001-1', amountFen: 2_000_000, paidAt: '2026-03-02T02:00:00.000Z' });
    const tampered = Buffer.from(cb!.rawBody.toString().replace('2000000', '2000001'));
    expect(b.verifyCallback(tampered, cb!.signature)).toBeNull();
    expect(bank().verifyCallback(cb!.rawBody, cb!.signature)).toBeNull();
    expect(b.verifyCallback(cb!.rawBody, undefined)).toBeNull();
    expect(b.verifyCallback(cb!.rawBody, 'zz')).toBeNull();
  });

  it('a well-signed body of the wrong shape is still refused', () => {
    const b = bank();
    const bad = b.sign({ orderNo: 'x y', txnId: 'T', amountFen: 1, paidAt: '2026-03-02T02:00:00Z' });
    expect(signatureMatches(randomSimBankKey(), bad.rawBody, bad.signature)).toBe(false);
    expect(b.verifyCallback(bad.rawBody, bad.signature)).toBeNull();
    expect(parseCallback('{"orderNo":"A","txnId":"T","amountFen":-5,"paidAt":"2026-03-02T02:00:00Z"}')).toBeNull();
    expect(parseCallback('not json')).toBeNull();
  });

  it('paying twice takes the money twice with two transaction ids; a replay repeats the same bytes', async () => {
    const b = bank();
    await b.createOrder({ orderNo: 'P1', amountFen: 500, subject: '认购金' });
    const two = b.pay('P1', { times: 2 });
    expect(new Set(two.map((c) => c.callback.txnId)).size).toBe(2);
    expect(b.balanceFen).toBe(1000);
    expect(b.replay(two[0]!.callback.txnId).rawBody.equals(two[0]!.rawBody)).toBe(true);
    expect(() => b.pay('nope')).toThrow(BankError);
  });

  it('a refund number pays out once; refunds never exceed the payment', async () => {
    const b = bank();
    await b.createOrder({ orderNo: 'P1', amountFen: 500, subject: '认购金' });
    const [cb] = b.pay('P1');
    const first = await b.refund('RF-1', 300, cb!.callback.txnId);
    expect(await b.refund('RF-1', 300, cb!.callback.txnId)).toEqual(first);
    expect(b.balanceFen).toBe(200);
    await expect(b.refund('RF-2', 201, cb!.callback.txnId)).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAYMENT' });
    await expect(b.refund('RF-1', 200, cb!.callback.txnId)).rejects.toMatchObject({ code: 'REFUND_CONFLICT' });
    await expect(b.refund('RF-3', 1, 'UNKNOWN')).rejects.toMatchObject({ code: 'UNKNOWN_TXN' });
    expect(b.statement().map((m) => m.kind)).toEqual(['payment', 'refund']);
  });

  it('re-opening an order with the same number is harmless; with another amount it is refused', async () => {
    const b = bank();
    expect(await b.createOrder({ orderNo: 'P1', amountFen: 500, subject: 's' })).toEqual({ payUrl: '/sim-bank/P1' });
    expect(await b.createOrder({ orderNo: 'P1', amountFen: 500, subject: 's' })).toEqual({ payUrl: '/sim-bank/P1' });
    await expect(b.createOrder({ orderNo: 'P1', amountFen: 501, subject: 's' })).rejects.toMatchObject({ code: 'ORDER_CONFLICT' });
  });
});
