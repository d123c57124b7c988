import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import type { FieldCrypto } from '../../../crypto/index.js';
import { createSession } from '../../../commands/accounts/session.js';
import { transferWorld, type TransferWorld } from '../../../commands/resale/testing.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

describe.each(TEST_DB_KINDS)('internal transfer over HTTP (第二十四条) on %s', (kind) => {
  let t: TestApp;
  let w: TransferWorld;
  let offerId: string;
  const keys: { current?: FieldCrypto } = {};
  const crypto = new Proxy({} as FieldCrypto, { get: (_o, k) => (keys.current as unknown as Record<string | symbol, unknown>)[k] });
  const agents = {} as Record<'seller' | 'owner1' | 'fam2' | 'lixia' | 'licheng' | 'auditor' | 'anon', Agent>;
  const signInAll = async () => {
    const signIn = async (accountId: string) => {
      const a = new Agent(t.app);
      a.cookie = (await createSession({ db: t.handle.db, clock: t.clock }, accountId)).token;
      return a;
    };
    agents.anon = new Agent(t.app);
    agents.seller = await signIn(w.families[0]!.actor.accountId);
    agents.owner1 = await signIn(w.families[1]!.actor.accountId);
    agents.fam2 = await signIn(w.families[2]!.actor.accountId);
    agents.lixia = await signIn(w.actors.lixia.accountId);
    agents.licheng = await signIn(w.actors.licheng.accountId);
    agents.auditor = await signIn(w.actors.auditor.accountId);
  };

  beforeAll(async () => {
    t = await buildTestApp(kind, { crypto });
    w = await transferWorld(t.handle);
    keys.current = w.crypto;
    t.clock.current = new Date('2028-04-01T02:00:00Z');
    await signInAll();
  });
  afterAll(async () => { await t?.close(); });

  it('POST /api/exits/:id/transfer-offer: refused to the public, a family, another district and the auditor; bad input and a price above the ceiling name the field', async () => {
    const url = `/api/exits/${w.exit.id}/transfer-offer`;
    const body = { priceFen: 60_000_000, opensOn: '2028-04-01' };
    expect((await agents.anon.post(url, body)).statusCode).toBe(401);
    expect((await agents.seller.post(url, body)).statusCode).toBe(403);
    expect((await agents.licheng.post(url, body)).statusCode).toBe(403);
    expect((await agents.auditor.post(url, body)).statusCode).toBe(403);
    const shape = await agents.lixia.post(url, { priceFen: 'sixty', opensOn: '2028-04-01' });
    expect([shape.statusCode, shape.json().details.field]).toEqual([400, 'priceFen']);
    const day = await agents.lixia.post(url, { priceFen: 60_000_000, opensOn: '2028-02-30' });
    expect([day.statusCode, day.json().details.field]).toEqual([400, 'opensOn']);
    const high = await agents.lixia.post(url, { priceFen: 200_000_000, opensOn: '2028-04-01' });
    expect([high.statusCode, high.json().code, high.json().details.field]).toEqual([400, 'TRANSFER_PRICE_ABOVE_CEILING', 'priceFen']);
    const ok = await agents.lixia.post(url, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'open', priceFen: 60_000_000, closesOn: '2028-04-16' });
    offerId = ok.json().id;
  });

  it('GET /api/transfer-offers: staff of the district and the auditor see the offer, another district sees none, a family is refused', async () => {
    expect((await agents.auditor.get('/api/transfer-offers')).json().items.map((o: { id: string }) => o.id)).toEqual([offerId]);
    expect((await agents.licheng.get('/api/transfer-offers')).json().items).toEqual([]);
    expect((await agents.fam2.get('/api/transfer-offers')).statusCode).toBe(403);
  });

  it('GET/POST /api/my/transfer-offers: a waiting family sees and asks for the offer; a family that bought gets 409; staff are refused', async () => {
    const mine = await agents.fam2.get('/api/my/transfer-offers');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ eligible: true, items: [{ id: offerId, interested: false, priceFen: 60_000_000 }] });
    const asked = await agents.fam2.post(`/api/my/transfer-offers/${offerId}/interest`, undefined, { 'idempotency-key': 'int-fam2-1' });
    expect([asked.statusCode, asked.json().outcome]).toEqual([200, 'waiting']);
    const owner = await agents.owner1.post(`/api/my/transfer-offers/${offerId}/interest`);
    expect([owner.statusCode, owner.json().code]).toEqual([409, 'NOT_ON_WAITING_LIST']);
    expect((await agents.lixia.post(`/api/my/transfer-offers/${offerId}/interest`)).statusCode).toBe(403);
    expect((await agents.lixia.get('/api/my/transfer-offers')).statusCode).toBe(403);
    expect((await agents.fam2.post('/api/my/transfer-offers/not-a-uuid/interest')).statusCode).toBe(400);
  });

  it('POST /api/transfer-offers/:id/match and /register: 409 while the window is open; then the family is matched and its title registered', async () => {
    expect((await agents.lixia.post(`/api/transfer-offers/${offerId}/match`)).json().code).toBe('TRANSFER_WINDOW_OPEN');
    t.clock.current = new Date('2028-04-17T02:00:00Z');
    await signInAll(); // sessions do not outlive the fortnight
    expect((await agents.fam2.post(`/api/transfer-offers/${offerId}/match`)).statusCode).toBe(403);
    const m = await agents.lixia.post(`/api/transfer-offers/${offerId}/match`);
    expect(m.statusCode).toBe(200);
    expect(m.json()).toMatchObject({ status: 'matched', buyerApplicationId: w.families[2]!.applicationId, skipped: [] });
    const held = await agents.fam2.get('/api/my/selections/current');
    expect([held.statusCode, held.json().kind, held.json().status, held.json().unitId]).toEqual([200, 'transfer', 'signed', w.owned[0]!.unitId]);
    const url = `/api/transfer-offers/${offerId}/register`;
    expect((await agents.auditor.post(url, { certificateNo: 'X1', issuedOn: '2028-04-17' })).statusCode).toBe(403);
    const missing = await agents.lixia.post(url, { issuedOn: '2028-04-17' });
    expect([missing.statusCode, missing.json().details.field]).toEqual([400, 'certificateNo']);
    const r = await agents.lixia.post(url, { certificateNo: '鲁(2028)济南市不动产权第5000001号', issuedOn: '2028-04-17' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'completed', registeredOn: '2028-04-17' });
    expect(typeof r.json().titleId).toBe('string');
  });
});
