/**
 * 第十一条 over HTTP: a family registers, pays at the simulated bank (which calls us back with a
 * signed notice), pays twice by mistake, has a notice replayed, and withdraws; a forged notice is
 * refused with 401 and kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { gatewayCallbacks } from '../../../db/schema.js';
import { anotherProject } from '../../../commands/registrations/testing.js';
import type { Agent } from '../../testing.js';
import { saleApp } from './testing.js';

describe.each(TEST_DB_KINDS)('my registrations and the simulated bank over HTTP on %s', (kind) => {
  let s: Awaited<ReturnType<typeof saleApp>>;
  let fam: Agent;
  beforeAll(async () => {
    s = await saleApp(kind);
    fam = await s.as(s.w.families[0]!.actor.accountId);
  });
  afterAll(() => s?.t.close());

  it('register (Idempotency-Key), pay at the bank twice, replay a notice: one 认购金 held, the rest refunded', async () => {
    const open = await fam.get('/api/my/sale/projects');
    expect(open.statusCode).toBe(200);
    expect(open.json().items).toEqual([expect.objectContaining({ code: 'JN-2026-001', registration: null, plan: expect.objectContaining({ depositFen: 2_000_000 }) })]);

    const key = { 'idempotency-key': 'reg-1' };
    const reg = await fam.post('/api/my/registrations', { projectId: s.w.project.id }, key);
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toMatchObject({ status: 'pending_payment', depositFen: 2_000_000, held: 0 });
    const again = await fam.post('/api/my/registrations', { projectId: s.w.project.id }, key);
    expect([again.statusCode, again.headers['idempotent-replayed'], again.json().id]).toEqual([201, 'true', reg.json().id]);

    const pay = await fam.post(`/api/my/registrations/${reg.json().id}/pay`);
    expect(pay.statusCode).toBe(200);
    const { orderNo, payUrl } = pay.json();
    expect(payUrl).toBe(`/sim-bank/${orderNo}`);
    const page = await fam.get(`/api/sim-bank/orders/${orderNo}`);
    expect(page.json()).toMatchObject({ orderNo, amountFen: 2_000_000, status: 'open', payments: [] });

    const paid = await fam.post(`/api/sim-bank/orders/${orderNo}/pay?times=2`);
    expect(paid.statusCode).toBe(200);
    expect(paid.json().deliveries.map((d: { httpStatus: number; outcome: string }) => [d.httpStatus, d.outcome])).toEqual([[200, 'booked'], [200, 'refunded']]);
    const txn = paid.json().deliveries[0].txnId as string;
    const replay = await fam.post(`/api/sim-bank/transactions/${txn}/replay`);
    expect(replay.json().deliveries).toEqual([{ txnId: txn, httpStatus: 200, outcome: 'duplicate' }]);

    const mine = (await fam.get('/api/my/registrations')).json().items;
    expect(mine).toEqual([expect.objectContaining({ id: reg.json().id, status: 'registered', held: 2_000_000, heldFen: 2_000_000, paidFen: 4_000_000, refundedFen: 2_000_000, refundPendingFen: 2_000_000 })]);
    expect((await fam.post(`/api/my/registrations/${reg.json().id}/pay`)).json()).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a forged notice is refused with 401 and kept; an unknown gateway or order is 404', async () => {
    const before = (await s.t.handle.db.select().from(gatewayCallbacks)).length;
    const body = JSON.stringify({ orderNo: 'PR2026000001-1', txnId: 'FORGED1', amountFen: 2_000_000, paidAt: '2026-03-02T02:00:00Z' });
    const forged = await s.t.app.inject({ method: 'POST', url: '/api/payments/callback/simbank', payload: body, headers: { 'content-type': 'application/json', 'x-qc-signature': '0'.repeat(64) } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'BAD_SIGNATURE', message_zh: '回调签名无效，未入账。' });
    const unsigned = await s.t.app.inject({ method: 'POST', url: '/api/payments/callback/simbank', payload: body, headers: { 'content-type': 'application/json' } });
    expect(unsigned.statusCode).toBe(401);
    const rows = await s.t.handle.db.select().from(gatewayCallbacks);
    expect(rows.slice(before).map((r) => [r.signatureOk, r.outcome, (r.body as { txnId?: string }).txnId])).toEqual([[0, 'rejected', 'FORGED1'], [0, 'rejected', 'FORGED1']]);
    expect((await s.t.app.inject({ method: 'POST', url: '/api/payments/callback/otherbank', payload: body, headers: { 'content-type': 'application/json' } })).statusCode).toBe(404);
    const signedUnknown = s.bank.sign({ orderNo: 'NOPE-1', txnId: 'T1', amountFen: 1, paidAt: '2026-03-02T02:00:00Z' });
    const unknown = await s.t.app.inject({ method: 'POST', url: '/api/payments/callback/simbank', payload: signedUnknown.rawBody, headers: { 'content-type': 'application/json', 'x-qc-signature': signedUnknown.signature } });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'UNKNOWN_ORDER']);
    expect((await fam.get('/api/sim-bank/orders/NOPE-1')).statusCode).toBe(404);
  });

  it('a family may register for two projects at once (第十一条) and withdraw from one; the held 认购金 goes back', async () => {
    const other = await anotherProject(s.t.handle, s.w);
    const f1 = await s.as(s.w.families[1]!.actor.accountId);
    const a = (await f1.post('/api/my/registrations', { projectId: s.w.project.id })).json();
    const b = (await f1.post('/api/my/registrations', { projectId: other.project.id })).json();
    for (const r of [a, b]) {
      const { orderNo } = (await f1.post(`/api/my/registrations/${r.id}/pay`)).json();
      expect((await f1.post(`/api/sim-bank/orders/${orderNo}/pay`)).json().deliveries[0].outcome).toBe('booked');
    }
    const both = (await f1.get('/api/my/registrations')).json().items;
    expect(both.map((r: { project: { code: string }; held: number }) => [r.project.code, r.held]).sort()).toEqual([['JN-2026-001', 2_000_000], ['JN-2026-002', 1_500_000]]);
    expect((await f1.get('/api/my/sale/projects')).json().items.every((p: { registration: unknown }) => p.registration !== null)).toBe(true);

    const w = await f1.post(`/api/my/registrations/${b.id}/withdraw`, { reason: '选择其他项目' });
    expect(w.statusCode).toBe(200);
    expect(w.json()).toEqual({ id: b.id, regNo: b.regNo, status: 'withdrawn', refundedFen: 1_500_000 });
    // Another family's registration does not exist for this one.
    const foreign = await fam.post(`/api/my/registrations/${a.id}/withdraw`);
    expect(foreign.statusCode, foreign.body).toBe(404);
  });

  it('who may: anonymous 401, staff 403, a bad project id 400 naming projectId', async () => {
    const anon = await s.t.app.inject({ method: 'POST', url: '/api/my/registrations', payload: { projectId: s.w.project.id } });
    expect(anon.statusCode).toBe(401);
    const staff = await s.as(s.w.actors.lixia.accountId);
    expect((await staff.post('/api/my/registrations', { projectId: s.w.project.id })).statusCode).toBe(403);
    const bad = await fam.post('/api/my/registrations', { projectId: 'JN-2026-001' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('projectId');
  });
});
