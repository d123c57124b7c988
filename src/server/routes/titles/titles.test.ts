import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import type { FieldCrypto } from '../../../crypto/index.js';
import { createSession } from '../../../commands/accounts/session.js';
import { ownedWorld, type OwnedWorld } from '../../../commands/closed-loop/testing.js';
import { signedNotDelivered } from '../../../commands/titles/testing.js';
import { validateUnitArchive } from '../../../archive/validate.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

describe.each(TEST_DB_KINDS)('post-sale units over HTTP (第十八、十九、二十一条) on %s', (kind) => {
  let t: TestApp;
  let w: OwnedWorld;
  let s: Awaited<ReturnType<typeof signedNotDelivered>>;
  // The world encrypts with its own keys; the app reads with the same (the real FieldCrypto, handed over once built).
  const keys: { current?: FieldCrypto } = {};
  const crypto = new Proxy({} as FieldCrypto, { get: (_o, k) => (keys.current as unknown as Record<string | symbol, unknown>)[k] });
  const agents = {} as Record<'fam' | 'implementer' | 'lixia' | 'licheng' | 'city' | 'auditor' | 'anon', Agent>;

  beforeAll(async () => {
    t = await buildTestApp(kind, { crypto });
    w = await ownedWorld(t.handle, { owners: 1, families: 3, units: 4 });
    keys.current = w.crypto;
    s = await signedNotDelivered(t.handle, w, 1, '孙交房');
    t.clock.current = new Date('2026-04-10T02:00:00Z');
    w.clock.set('2026-04-10');
    const signIn = async (accountId: string) => {
      const a = new Agent(t.app);
      a.cookie = (await createSession({ db: t.handle.db, clock: t.clock }, accountId)).token;
      return a;
    };
    agents.anon = new Agent(t.app);
    agents.fam = await signIn(w.families[1]!.actor.accountId);
    agents.implementer = await signIn(w.implementer.accountId);
    agents.lixia = await signIn(w.actors.lixia.accountId);
    agents.licheng = await signIn(w.actors.licheng.accountId);
    agents.city = await signIn(w.actors.city.accountId);
    agents.auditor = await signIn(w.actors.auditor.accountId);
  });
  afterAll(async () => { await t?.close(); });

  it('交房: refused to the public (401), a family (403), another district (403) and the auditor (403); a bad date names deliveredOn', async () => {
    const url = `/api/contracts/${s.contractId}/delivery`;
    expect((await agents.anon.post(url, { deliveredOn: '2026-04-01' })).statusCode).toBe(401);
    expect((await agents.fam.post(url, { deliveredOn: '2026-04-01' })).statusCode).toBe(403);
    expect((await agents.licheng.post(url, { deliveredOn: '2026-04-01' })).statusCode).toBe(403);
    expect((await agents.auditor.post(url, { deliveredOn: '2026-04-01' })).statusCode).toBe(403);
    const bad = await agents.implementer.post(url, { deliveredOn: '2026-02-30' });
    expect([bad.statusCode, bad.json().details.field]).toEqual([400, 'deliveredOn']);
    const future = await agents.implementer.post(url, { deliveredOn: '2026-04-11' });
    expect([future.statusCode, future.json().details.field]).toEqual([400, 'deliveredOn']);
  });

  it('第十八条: the implementer records delivery, staff register the title stating 配售型保障性住房 on 划拨 land; a second title is 409', async () => {
    const d = await agents.implementer.post(`/api/contracts/${s.contractId}/delivery`, { deliveredOn: '2026-04-01' }, { 'idempotency-key': 'deliver-1' });
    expect(d.statusCode).toBe(200);
    expect(d.json()).toMatchObject({ contractNo: s.contractNo, deliveredOn: '2026-04-01' });
    expect((await agents.implementer.post(`/api/contracts/${s.contractId}/delivery`, { deliveredOn: '2026-04-03' })).statusCode).toBe(409);
    const url = `/api/units/${s.unitId}/title`;
    const body = { contractId: s.contractId, certificateNo: '鲁(2026)济南市不动产权第6000001号', issuedOn: '2026-04-06' };
    expect((await agents.implementer.post(url, body)).statusCode).toBe(403);
    expect((await agents.auditor.post(url, body)).statusCode).toBe(403);
    expect((await agents.licheng.post(url, body)).statusCode).toBe(403);
    const early = await agents.lixia.post(url, { ...body, issuedOn: '2026-03-30' });
    expect([early.statusCode, early.json().details.field]).toEqual([400, 'issuedOn']);
    expect(early.json().message_zh).toContain('交房日期');
    const noNo = await agents.lixia.post(url, { ...body, certificateNo: '' });
    expect([noNo.statusCode, noNo.json().details.field]).toEqual([400, 'certificateNo']);
    const res = await agents.lixia.post(url, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ nature: '配售型保障性住房', landNature: '划拨', holderKind: 'family', holderMaskedName: '张*1', origin: 'first_sale' });
    const again = await agents.lixia.post(url, { ...body, certificateNo: '鲁(2026)济南市不动产权第6000002号' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'TITLE_EXISTS']);
  });

  it('第十九条: staff open the fund account with the first deposit and post deposits once per reference; a bad amount names amountFen', async () => {
    const open = await agents.lixia.post(`/api/units/${s.unitId}/maintenance-fund`, { accountNo: 'WX370102777001', bank: '济南农商银行', openedOn: '2026-04-07', initialDepositFen: 1_080_000 });
    expect(open.statusCode).toBe(201);
    expect(open.json()).toMatchObject({ balanceFen: 1_080_000, depositsFen: 1_080_000 });
    const url = `/api/units/${s.unitId}/maintenance-fund/entries`;
    const entry = { kind: 'deposit', amountFen: 50_000, occurredOn: '2026-04-08', reference: 'BJ-1', memo: '补缴' };
    expect((await agents.auditor.post(url, entry)).statusCode).toBe(403);
    expect((await agents.implementer.post(url, entry)).statusCode).toBe(403);
    const bad = await agents.lixia.post(url, { ...entry, amountFen: -5 });
    expect([bad.statusCode, bad.json().details.field]).toEqual([400, 'amountFen']);
    const refund = await agents.lixia.post(url, { ...entry, kind: 'refund' });
    expect([refund.statusCode, refund.json().details.field]).toEqual([400, 'kind']);
    expect((await agents.lixia.post(url, entry)).json()).toMatchObject({ posted: true, balanceFen: 1_130_000 });
    expect((await agents.lixia.post(url, entry)).json()).toMatchObject({ posted: false, balanceFen: 1_130_000 });
  });

  it('the owned list and the dossier: staff and the auditor read, the family gets 403, another district sees nothing of it', async () => {
    const list = await agents.lixia.get('/api/post-sale/units');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { unitId: string }) => u.unitId)).toEqual([w.owned[0]!.unitId, s.unitId]);
    expect(list.json().items[1]).toMatchObject({ earliestExitOn: '2028-04-06', fundBalanceFen: 1_130_000, openCases: 0, openExit: null });
    expect((await agents.licheng.get('/api/post-sale/units')).json().items).toEqual([]);
    expect((await agents.fam.get('/api/post-sale/units')).statusCode).toBe(403);
    expect((await agents.anon.get('/api/post-sale/units')).statusCode).toBe(401);
    const rec = await agents.auditor.get(`/api/units/${s.unitId}/record`);
    expect(rec.statusCode).toBe(200);
    expect(rec.json()).toMatchObject({ title: { holderName: '孙交房' }, contract: { deliveredOn: '2026-04-01' }, fund: { balanceFen: 1_130_000 } });
    expect((await agents.licheng.get(`/api/units/${s.unitId}/record`)).statusCode).toBe(403);
    expect((await agents.fam.get(`/api/units/${s.unitId}/record`)).statusCode).toBe(403);
    expect((await agents.lixia.get('/api/units/not-a-uuid/record')).json().details.field).toBe('id');
  });

  it('第二十一条: the archive validates against the schema published to the public; full names only for city staff', async () => {
    const schema = await agents.anon.get('/api/public/schemas/unit-archive-v1.json');
    expect(schema.statusCode).toBe(200);
    expect(schema.json()).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: expect.stringMatching(/\/schemas\/unit-archive-v1\.json$/) });
    const res = await agents.lixia.get(`/api/units/${s.unitId}/archive.json`);
    expect(res.statusCode).toBe(200);
    expect(validateUnitArchive(res.json())).toEqual({ ok: true });
    expect(res.body).not.toContain('孙交房');
    expect((await agents.lixia.get(`/api/units/${s.unitId}/archive.json?full=1`)).statusCode).toBe(403);
    const full = await agents.city.get(`/api/units/${s.unitId}/archive.json?full=1`);
    expect(full.json().buyers[0]).toMatchObject({ role: 'purchaser', name: '孙交房', idNumber: s.idNumber });
    expect((await agents.anon.get(`/api/units/${s.unitId}/archive.json`)).statusCode).toBe(401);
    expect((await agents.fam.get(`/api/units/${s.unitId}/archive.json`)).statusCode).toBe(403);
    expect((await agents.auditor.get(`/api/units/${s.unitId}/archive.json`)).statusCode).toBe(200);
  });
});
