import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { auditLog, units } from '../../../db/schema.js';
import { createSession } from '../../../commands/accounts/session.js';
import { saleWorld, type SaleWorld } from '../../../commands/sale/testing.js';
import { familyHolding, paidRegistration, secondProject } from '../../../commands/contracts/testing.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

describe.each(TEST_DB_KINDS)('contracts over HTTP (第十三、十四条) on %s', (kind) => {
  let t: TestApp;
  let w: SaleWorld;
  let selectionId: string;
  let contractId: string;
  let signedSha: string;
  const agents = {} as Record<'fam0' | 'fam1' | 'implementer' | 'lixia' | 'licheng' | 'auditor', Agent>;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    t.clock.current = new Date('2026-03-02T02:00:00Z');
    w = await saleWorld(t.handle, { units: 4, families: 2 });
    selectionId = (await familyHolding(t.handle, w, 0)).sel.id;
    const other = await secondProject(t.handle, w);
    await paidRegistration(t.handle, w, 0, other);
    const signIn = async (accountId: string) => {
      const a = new Agent(t.app);
      a.cookie = (await createSession({ db: t.handle.db, clock: t.clock }, accountId)).token;
      return a;
    };
    agents.fam0 = await signIn(w.families[0]!.actor.accountId);
    agents.fam1 = await signIn(w.families[1]!.actor.accountId);
    agents.implementer = await signIn(w.implementer.accountId);
    agents.lixia = await signIn(w.actors.lixia.accountId);
    agents.licheng = await signIn(w.actors.licheng.accountId);
    agents.auditor = await signIn(w.actors.auditor.accountId);
  });
  afterAll(async () => { await t?.close(); });

  it('第十三条: a down payment below 15% with a provident-fund loan is refused with 400 naming downPaymentFen and the minimum', async () => {
    const res = await agents.fam0.post(`/api/my/selections/${selectionId}/contract`, { loanType: 'provident_fund', downPaymentFen: 10_799_999 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'DOWN_PAYMENT_TOO_LOW', details: { field: 'downPaymentFen' } });
    expect(res.json().message_zh).toContain('¥108,000.00');
    expect(res.json().message).toContain('10800000');
    const shape = await agents.fam0.post(`/api/my/selections/${selectionId}/contract`, { loanType: 'gift', downPaymentFen: 1 });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().details.field).toBe('loanType');
  });

  it('the family draws up the contract, lists it and downloads the PDF named by its number', async () => {
    const res = await agents.fam0.post(`/api/my/selections/${selectionId}/contract`, { loanType: 'provident_fund', downPaymentFen: 10_800_000 });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ status: 'generated', priceFen: 72_000_000, loanFen: 61_200_000, minimumDownPaymentFen: 10_800_000, deadlineOn: '2026-03-09', signedAt: null });
    contractId = c.id;
    expect(c.pdfUrl).toBe(`/api/my/contracts/${contractId}/contract.pdf`);
    const list = await agents.fam0.get('/api/my/contracts');
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([contractId]);
    expect((await agents.fam1.get('/api/my/contracts')).json().items).toEqual([]);
    const pdf = await agents.fam0.get(c.pdfUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('购房合同-')}`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('another family gets 404 for the selection, the contract and its PDF', async () => {
    expect((await agents.fam1.post(`/api/my/selections/${selectionId}/contract`, { loanType: 'none', downPaymentFen: 72_000_000 })).statusCode).toBe(404);
    expect((await agents.fam1.get(`/api/my/contracts/${contractId}/contract.pdf`)).statusCode).toBe(404);
    expect((await agents.fam1.post(`/api/my/contracts/${contractId}/sign`)).statusCode).toBe(404);
    expect((await agents.implementer.post(`/api/my/contracts/${contractId}/sign`)).statusCode).toBe(403);
  });

  it('第十一条: signing with an Idempotency-Key credits the 认购金 and closes the other registration; the replay and a plain retry change nothing', async () => {
    const res = await agents.fam0.post(`/api/my/contracts/${contractId}/sign`, undefined, { 'idempotency-key': 'sign-1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'signed', depositCreditedFen: 2_000_000 });
    signedSha = res.json().pdfSha256;
    const replay = await agents.fam0.post(`/api/my/contracts/${contractId}/sign`, undefined, { 'idempotency-key': 'sign-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().pdfSha256).toBe(signedSha);
    const again = await agents.fam0.post(`/api/my/contracts/${contractId}/sign`);
    expect(again.statusCode).toBe(200);
    expect(again.json().signedAt).toBe(res.json().signedAt);
    const regs = (await agents.fam0.get('/api/my/contracts')).json().items;
    expect(regs[0].status).toBe('signed');
  });

  it('the signed contract downloads as the very bytes whose SHA-256 was kept at signing', async () => {
    const pdf = await agents.fam0.get(`/api/my/contracts/${contractId}/contract.pdf`);
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(signedSha);
    expect(pdf.headers['x-content-sha256']).toBe(signedSha);
  });

  it('the implementer, district staff and auditor list the project\'s contracts with masked buyers; another district, a family and a visitor cannot', async () => {
    for (const who of ['implementer', 'lixia', 'auditor'] as const) {
      const res = await agents[who].get(`/api/projects/${w.project.id}/contracts`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(1);
      expect(res.json().items[0].buyer).toMatchObject({ regCode: w.families[0]!.regCode, maskedName: '张*0' });
      expect(res.json().items[0].pdfUrl).toBe(`/api/contracts/${contractId}/contract.pdf`);
    }
    expect((await agents.lixia.get(`/api/projects/${w.project.id}/contracts?status=lapsed`)).json().items).toEqual([]);
    expect((await agents.lixia.get(`/api/projects/${w.project.id}/contracts?status=bogus`)).statusCode).toBe(400);
    expect((await agents.licheng.get(`/api/projects/${w.project.id}/contracts`)).statusCode).toBe(403);
    expect((await agents.fam0.get(`/api/projects/${w.project.id}/contracts`)).statusCode).toBe(403);
    expect((await new Agent(t.app).get(`/api/projects/${w.project.id}/contracts`)).statusCode).toBe(401);
  });

  it('the project\'s staff download the PDF as an audited read', async () => {
    const before = (await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'contract.pdf.read'))).length;
    const pdf = await agents.implementer.get(`/api/contracts/${contractId}/contract.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(signedSha);
    expect((await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'contract.pdf.read'))).length).toBe(before + 1);
    expect((await agents.licheng.get(`/api/contracts/${contractId}/contract.pdf`)).statusCode).toBe(403);
  });

  it('the OpenAPI document lists the contract routes with the 第十三条 body', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const [m, p] of [
      ['post', '/api/my/selections/{id}/contract'], ['get', '/api/my/contracts'], ['get', '/api/my/contracts/{id}/contract.pdf'],
      ['post', '/api/my/contracts/{id}/sign'], ['get', '/api/projects/{id}/contracts'], ['get', '/api/contracts/{id}/contract.pdf'],
    ] as const) expect(doc.paths[p]?.[m], `${m} ${p}`).toBeDefined();
    const body = doc.paths['/api/my/selections/{id}/contract'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['loanType', 'downPaymentFen']));
    expect(body.properties.loanType.enum).toEqual(['provident_fund', 'commercial', 'none']);
  });

  it('signing after the deadline is refused with 409 and the unit stays reserved', async () => {
    const sel = (await familyHolding(t.handle, w, 1)).sel;
    const c = (await agents.fam1.post(`/api/my/selections/${sel.id}/contract`, { loanType: 'none', downPaymentFen: 72_000_000 })).json();
    t.clock.current = new Date('2026-03-10T02:00:00Z');
    // A week later the family signs in afresh (sessions end after 12 idle hours).
    agents.fam1.cookie = (await createSession({ db: t.handle.db, clock: t.clock }, w.families[1]!.actor.accountId)).token;
    const res = await agents.fam1.post(`/api/my/contracts/${c.id}/sign`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONTRACT_DEADLINE_PASSED' });
    expect((await t.handle.db.select().from(units).where(eq(units.id, sel.unitId)))[0]!.status).toBe('reserved');
  });
});
