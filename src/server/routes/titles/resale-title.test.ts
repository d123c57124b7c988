import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import type { FieldCrypto } from '../../../crypto/index.js';
import { auditLog, projects, resaleOffers } from '../../../db/schema.js';
import { createSession } from '../../../commands/accounts/session.js';
import { generateContract, signContract } from '../../../commands/contracts/index.js';
import { approveResale, recordRenovation } from '../../../commands/resale/index.js';
import { BUYBACK_PRICE_FEN, FUND_REFUND_FEN, boughtBackWorld, type BoughtBackWorld } from '../../../commands/resale/testing.js';
import { rollingSelect } from '../../../commands/selection/rolling.js';
import { recordDelivery } from '../../../commands/titles/index.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

describe.each(TEST_DB_KINDS)('the unit page\'s title form for a resale buyer over HTTP (第十八、三十条) on %s', (kind) => {
  let t: TestApp;
  let w: BoughtBackWorld;
  const keys: { current?: FieldCrypto } = {};
  const crypto = new Proxy({} as FieldCrypto, { get: (_o, k) => (keys.current as unknown as Record<string | symbol, unknown>)[k] });
  const agents = {} as Record<'lixia' | 'licheng' | 'buyer', Agent>;
  let contractId = '';

  beforeAll(async () => {
    t = await buildTestApp(kind, { crypto });
    w = await boughtBackWorld(t.handle);
    keys.current = w.crypto;
    t.clock.current = new Date('2028-06-01T02:00:00Z');
    const signIn = async (accountId: string) => {
      const a = new Agent(t.app);
      a.cookie = (await createSession({ db: t.handle.db, clock: t.clock }, accountId)).token;
      return a;
    };
    agents.lixia = await signIn(w.actors.lixia.accountId);
    agents.licheng = await signIn(w.actors.licheng.accountId);
    agents.buyer = await signIn(w.families[3]!.actor.accountId);
  });
  afterAll(async () => { await t?.close(); });

  it('第二十四条: a unit the government holds has no earliest exit date, and no exit may be filed for it (409 NO_HOLDER)', async () => {
    const rec = await agents.lixia.get(`/api/units/${w.offer.unitId}/record`);
    expect(rec.json()).toMatchObject({ title: { holderKind: 'government', origin: 'buyback' }, earliestExitOn: null });
    const res = await agents.lixia.post(`/api/units/${w.offer.unitId}/exits`, { route: 'buyback', origin: 'multi_unit' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'NO_HOLDER']);
  });

  it('第三十条: the resale contract given to POST /api/units/:id/title registers the buyer\'s title over the government\'s; a retry answers it; another district is 403', async () => {
    const unitId = w.offer.unitId;
    // Every round is over; the approved resale reopens the project's rolling sale, where waiting family 3 buys (第十六条).
    await t.handle.db.update(projects).set({ status: 'ended' }).where(eq(projects.id, w.project.id));
    await recordRenovation(w.staff, { unitId, costFen: 1_000_000, completedOn: '2028-05-30', evidence: [{ kind: 'document', ref: '修缮验收单 XS-01' }] });
    const priceFen = BUYBACK_PRICE_FEN + 1_000_000;
    await approveResale(w.staff, { offerId: w.offer.id, priceFen });
    const buyer = w.ctxAs(w.families[3]!.actor);
    const sel = await rollingSelect(buyer, { unitId });
    const c = await generateContract(buyer, { selectionId: sel.id, loanType: 'provident_fund', downPaymentFen: Math.ceil(priceFen * 0.2) });
    await signContract(buyer, { contractId: c.id });
    contractId = c.id;
    // 第三十条: the buyer pays in the fund refunded at buyback; the contract views say how much (a first sale says 0).
    const mine = (await agents.buyer.get('/api/my/contracts')).json().items;
    expect(mine.map((x: { id: string; maintenanceFundDueFen: number }) => [x.id, x.maintenanceFundDueFen])).toEqual([[contractId, FUND_REFUND_FEN]]);
    const staff = (await agents.lixia.get(`/api/projects/${w.project.id}/contracts`)).json().items as { id: string; maintenanceFundDueFen: number }[];
    expect(staff.find((x) => x.id === contractId)!.maintenanceFundDueFen).toBe(FUND_REFUND_FEN);
    expect(staff.find((x) => x.id === w.owned[0]!.contractId)!.maintenanceFundDueFen).toBe(0);
    const url = `/api/units/${unitId}/title`;
    const body = { contractId, certificateNo: '鲁(2028)济南市不动产权第3100001号', issuedOn: '2028-06-01' };
    const early = await agents.lixia.post(url, body);
    expect([early.statusCode, early.json().code]).toEqual([409, 'NOT_DELIVERED']);
    await recordDelivery(w.implementerCtx, { contractId, deliveredOn: '2028-06-01' });
    expect((await agents.licheng.post(url, body)).statusCode).toBe(403);
    const res = await agents.lixia.post(url, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ origin: 'resale', contractId, holderKind: 'family', nature: '配售型保障性住房', landNature: '划拨', supersededOn: null });
    const again = await agents.lixia.post(url, body);
    expect([again.statusCode, again.json().id]).toEqual([201, res.json().id]);
    const other = await agents.lixia.post(url, { ...body, certificateNo: '鲁(2028)济南市不动产权第3100002号' });
    expect([other.statusCode, other.json().code]).toEqual([409, 'TITLE_EXISTS']);
    const rec = await agents.lixia.get(`/api/units/${unitId}/record`);
    expect(rec.json()).toMatchObject({ title: { origin: 'resale', certificateNo: body.certificateNo }, contract: { id: contractId } });
    expect(rec.json().titleHistory.map((h: { origin: string }) => h.origin)).toEqual(['first_sale', 'buyback', 'resale']);
    expect((await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'resale.title.register'))).length).toBe(1);
    expect((await t.handle.db.select().from(resaleOffers).where(eq(resaleOffers.id, w.offer.id)))[0]!.status).toBe('sold');
  });

  it('第十八条: the former owner\'s contract does not register a second title (409 TITLE_EXISTS)', async () => {
    const res = await agents.lixia.post(`/api/units/${w.offer.unitId}/title`, { contractId: w.owned[0]!.contractId, certificateNo: '鲁(2028)济南市不动产权第3100003号', issuedOn: '2028-06-01' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'TITLE_EXISTS']);
  });
});
