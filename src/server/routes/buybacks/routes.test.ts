import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../commands/accounts/session.js';
import { acceptedBuyback, BUYBACK_DAY } from '../../../commands/buybacks/testing.js';
import { ownedWorld, type OwnedWorld } from '../../../commands/closed-loop/testing.js';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

const ITEMS = ['utilities', 'heating', 'gas', 'property_fees', 'hukou_moved'];

describe.each(TEST_DB_KINDS)('the buyback over HTTP (第二十七至二十九条) on %s', (kind) => {
  let t: TestApp;
  /** The server again with the world's keys: the contract prints the family's name, decrypted from its application. */
  let app: FastifyInstance;
  let w: OwnedWorld;
  let exitId: string;
  let priceFen: number;
  let contract: { id: string; pdfUrl: string; pdfSha256: string | null };
  const agents = {} as Record<'lixia' | 'licheng' | 'auditor' | 'fam0' | 'implementer', Agent>;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    w = await ownedWorld(t.handle, { owners: 1 });
    w.clock.set(BUYBACK_DAY);
    t.clock.current = new Date(`${BUYBACK_DAY}T02:00:00Z`);
    const exit = await acceptedBuyback(t.handle, w, 0);
    exitId = exit.id;
    priceFen = exit.priceFen!;
    app = await buildApp({ db: t.handle, clock: t.clock, dataChecks: t.sim, crypto: w.crypto, webDist: '/nonexistent' });
    const signIn = async (accountId: string) => {
      const a = new Agent(app);
      a.cookie = (await createSession({ db: t.handle.db, clock: t.clock }, accountId)).token;
      return a;
    };
    agents.lixia = await signIn(w.actors.lixia.accountId);
    agents.licheng = await signIn(w.actors.licheng.accountId);
    agents.auditor = await signIn(w.actors.auditor.accountId);
    agents.fam0 = await signIn(w.families[0]!.actor.accountId);
    agents.implementer = await signIn(w.implementer.accountId);
  });
  afterAll(async () => { await app?.close(); await t?.close(); });

  const body = { outstandingLoanFen: 50_000_000, lender: '济南住房公积金中心', vacateByOn: '2028-08-31' };

  it('第二十八条: only staff of the project\'s level draw up the contract; a bad body is 400 naming the field', async () => {
    expect((await new Agent(app).post(`/api/exits/${exitId}/buyback-contract`, body)).statusCode).toBe(401);
    expect((await agents.fam0.post(`/api/exits/${exitId}/buyback-contract`, body)).statusCode).toBe(403);
    expect((await agents.auditor.post(`/api/exits/${exitId}/buyback-contract`, body)).statusCode).toBe(403);
    expect((await agents.licheng.post(`/api/exits/${exitId}/buyback-contract`, body)).statusCode).toBe(403);
    const bad = await agents.lixia.post(`/api/exits/${exitId}/buyback-contract`, { ...body, vacateByOn: '2028-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('vacateByOn');
  });

  it('第二十八、二十九条: the contract is drawn up once per Idempotency-Key, signed, and its PDF downloads as the signed bytes', async () => {
    const res = await agents.lixia.post(`/api/exits/${exitId}/buyback-contract`, body, { 'idempotency-key': 'bb-gen-1' });
    expect(res.statusCode).toBe(200);
    contract = res.json();
    expect(res.json()).toMatchObject({ status: 'generated', priceFen, schedule: { firstToLender: Math.round(priceFen / 10), firstToFamily: 0 } });
    expect(contract.pdfUrl).toBe(`/api/buyback-contracts/${contract.id}/contract.pdf`);
    const replay = await agents.lixia.post(`/api/exits/${exitId}/buyback-contract`, body, { 'idempotency-key': 'bb-gen-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const signed = await agents.lixia.post(`/api/buyback-contracts/${contract.id}/sign`);
    expect(signed.statusCode).toBe(200);
    const sha = signed.json().pdfSha256;
    for (const who of ['lixia', 'auditor'] as const) {
      const pdf = await agents[who].get(contract.pdfUrl);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(sha);
    }
    expect((await agents.licheng.get(contract.pdfUrl)).statusCode).toBe(403);
    expect((await agents.fam0.get(contract.pdfUrl)).statusCode).toBe(403);
  });

  it('第二十九条: the first payment goes to the lender; the balance is 409 until the transfer and every vacating item, listing them', async () => {
    const first = await agents.lixia.post(`/api/buyback-contracts/${contract.id}/payments`, { stage: 'first', paidOn: BUYBACK_DAY, reference: 'HG-1' });
    expect(first.statusCode).toBe(200);
    expect(first.json().payments).toMatchObject([{ payee: 'lender', amountFen: Math.round(priceFen / 10) }]);
    const early = await agents.lixia.post(`/api/buyback-contracts/${contract.id}/payments`, { stage: 'balance', paidOn: BUYBACK_DAY, reference: 'HG-2' });
    expect(early.statusCode).toBe(409);
    expect(early.json().details.missing).toEqual(['transfer_registration', ...ITEMS.map((i) => `vacating.${i}`)]);
    expect((await agents.lixia.post(`/api/buyback-contracts/${contract.id}/payments`, { stage: 'third', paidOn: BUYBACK_DAY, reference: 'x' })).json().details.field).toBe('stage');
  });

  it('第二十九条: vacating, transfer, balance and completion over HTTP; an unknown item is 400; the exit detail says whether the transfer is registered', async () => {
    expect((await agents.lixia.post(`/api/exits/${exitId}/vacating/garden`, { doneOn: BUYBACK_DAY, evidence: { ref: 'x' } })).statusCode).toBe(400);
    expect((await agents.auditor.get(`/api/exits/${exitId}`)).json()).toMatchObject({ transfer: null, vacatingExpected: ITEMS });
    let last;
    for (const item of ITEMS) last = await agents.lixia.post(`/api/exits/${exitId}/vacating/${item}`, { doneOn: BUYBACK_DAY, evidence: { ref: `${item}-1` } });
    expect(last!.json()).toMatchObject({ complete: true, missing: [] });
    const tr = await agents.lixia.post(`/api/exits/${exitId}/transfer-registration`, { certificateNo: '鲁(2028)济南市不动产权第3100001号', issuedOn: BUYBACK_DAY });
    expect(tr.statusCode).toBe(200);
    expect(tr.json()).toMatchObject({ registered: true, certificateNo: '鲁(2028)济南市不动产权第3100001号' });
    expect((await agents.implementer.get(`/api/exits/${exitId}`)).json().transfer).toMatchObject({ certificateNo: '鲁(2028)济南市不动产权第3100001号', issuedOn: BUYBACK_DAY });
    expect((await agents.lixia.post(`/api/buyback-contracts/${contract.id}/payments`, { stage: 'balance', paidOn: BUYBACK_DAY, reference: 'HG-2' })).statusCode).toBe(200);
    const done = await agents.lixia.post(`/api/exits/${exitId}/complete`, undefined, { 'idempotency-key': 'bb-done-1' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', refundedFen: 1_080_000, applicationStatus: 'exited' });
  });

  it('the reconciliation balances for staff, the implementer and the auditor, and exports as a workbook; another district cannot read it', async () => {
    for (const who of ['lixia', 'implementer', 'auditor'] as const) {
      const rec = await agents[who].get(`/api/exits/${exitId}/reconciliation`);
      expect(rec.statusCode).toBe(200);
      expect(rec.json()).toMatchObject({ balanced: true, settled: true, priceFen, booked: { total: priceFen, lender: 50_000_000 }, fund: { balanceFen: 0, balanceBeforeRefundFen: 1_080_000, refundedAtBuybackFen: 1_080_000 } });
      // 第二十九条第二款: the refund is set against the balance before it, not the balance left (0 against 0).
      expect(rec.json().checks.find((c: { code: string }) => c.code === 'fund_refunded')).toEqual({ code: 'fund_refunded', ok: true, expectedFen: 1_080_000, actualFen: 1_080_000, article: '第二十九条' });
    }
    expect((await agents.licheng.get(`/api/exits/${exitId}/reconciliation`)).statusCode).toBe(403);
    const x = await agents.auditor.get(`/api/exits/${exitId}/reconciliation?format=xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const rows = wb.getWorksheet('回购对账')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows.at(-1)).toEqual(['平衡 balanced', '是']);
    expect(rows.find((r) => r[0] === '回购价格')![1]).toBe(priceFen / 100);
  });
});
