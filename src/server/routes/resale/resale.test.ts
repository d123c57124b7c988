import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import type { FieldCrypto } from '../../../crypto/index.js';
import { projects, units } from '../../../db/schema.js';
import { createSession } from '../../../commands/accounts/session.js';
import { BUYBACK_PRICE_FEN, boughtBackWorld, type BoughtBackWorld } from '../../../commands/resale/testing.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

describe.each(TEST_DB_KINDS)('resale over HTTP (第三十条) on %s', (kind) => {
  let t: TestApp;
  let w: BoughtBackWorld;
  const keys: { current?: FieldCrypto } = {};
  const crypto = new Proxy({} as FieldCrypto, { get: (_o, k) => (keys.current as unknown as Record<string | symbol, unknown>)[k] });
  const agents = {} as Record<'fam' | 'lixia' | 'licheng' | 'auditor' | 'anon', Agent>;

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
    agents.anon = new Agent(t.app);
    agents.fam = await signIn(w.families[3]!.actor.accountId);
    agents.lixia = await signIn(w.actors.lixia.accountId);
    agents.licheng = await signIn(w.actors.licheng.accountId);
    agents.auditor = await signIn(w.actors.auditor.accountId);
  });
  afterAll(async () => { await t?.close(); });

  it('POST /api/units/:id/renovation: refused to the public, a family, another district and the auditor; bad input names the field', async () => {
    const url = `/api/units/${w.offer.unitId}/renovation`;
    const body = { costFen: 2_000_000, completedOn: '2028-05-30', evidence: [{ ref: '修缮结算单 JS-01' }] };
    expect((await agents.anon.post(url, body)).statusCode).toBe(401);
    expect((await agents.fam.post(url, body)).statusCode).toBe(403);
    expect((await agents.licheng.post(url, body)).statusCode).toBe(403);
    expect((await agents.auditor.post(url, body)).statusCode).toBe(403);
    const neg = await agents.lixia.post(url, { ...body, costFen: -1 });
    expect([neg.statusCode, neg.json().details.field]).toEqual([400, 'costFen']);
    const none = await agents.lixia.post(url, { ...body, evidence: [] });
    expect([none.statusCode, none.json().details.field]).toEqual([400, 'evidence']);
    const future = await agents.lixia.post(url, { ...body, completedOn: '2028-06-02' });
    expect([future.statusCode, future.json().details.field]).toEqual([400, 'completedOn']);
    const early = await agents.lixia.post(`/api/resale-offers/${w.offer.id}/approve`, { priceFen: 80_000_000 });
    expect([early.statusCode, early.json().code]).toEqual([409, 'RENOVATION_NOT_RECORDED']);
    const ok = await agents.lixia.post(url, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'renovating', renovationCostFen: 2_000_000, floorFen: null });
  });

  it('POST /api/resale-offers/:id/approve: 400 naming priceFen below the floor; approved, the unit is on sale again and the selling project keeps its stage', async () => {
    const url = `/api/resale-offers/${w.offer.id}/approve`;
    const floor = BUYBACK_PRICE_FEN + 2_000_000;
    expect((await agents.licheng.post(url, { priceFen: floor })).statusCode).toBe(403);
    const low = await agents.lixia.post(url, { priceFen: floor - 1 });
    expect([low.statusCode, low.json().code, low.json().details.field]).toEqual([400, 'RESALE_PRICE_BELOW_FLOOR', 'priceFen']);
    const shape = await agents.lixia.post(url, { priceFen: 1.5 });
    expect([shape.statusCode, shape.json().details.field]).toEqual([400, 'priceFen']);
    const ok = await agents.lixia.post(url, { priceFen: floor });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', floorFen: floor, priceFen: floor, maintenanceFundDueFen: 1_080_000 });
    const other = await agents.lixia.post(url, { priceFen: floor + 1 });
    expect([other.statusCode, other.json().code]).toEqual([409, 'RESALE_NOT_RENOVATING']);
    const [u] = await t.handle.db.select().from(units).where(eq(units.id, w.offer.unitId));
    expect([u!.status, u!.priceFen, u!.resaleOfferId]).toEqual(['available', floor, w.offer.id]);
    expect((await t.handle.db.select().from(projects).where(eq(projects.id, w.project.id)))[0]!.status).toBe('selling');
    const fixed = await agents.lixia.post(`/api/units/${w.offer.unitId}/renovation`, { costFen: 1, completedOn: '2028-05-30', evidence: [{ ref: 'x' }] });
    expect([fixed.statusCode, fixed.json().code]).toEqual([409, 'RESALE_ALREADY_APPROVED']);
  });

  it('第三十条 over HTTP: the staff grid and the public project page carry the approved resale unit as a resale, the other units not', async () => {
    type U = { id: string; resale: boolean; priceFen: number | null };
    const staff = await agents.lixia.get(`/api/projects/${w.project.id}/grid`);
    const pub = await agents.anon.get(`/api/public/projects/${w.project.code}`);
    expect([staff.statusCode, pub.statusCode]).toEqual([200, 200]);
    for (const grid of [staff.json(), pub.json().grid] as { units: U[] }[][]) {
      const units = grid.flatMap((b) => b.units);
      expect(units.filter((u) => u.resale).map((u) => [u.id, u.priceFen])).toEqual([[w.offer.unitId, BUYBACK_PRICE_FEN + 2_000_000]]);
      expect(units.every((u) => typeof u.resale === 'boolean')).toBe(true);
    }
  });

  it('GET /api/resale-offers: the district and the auditor see it, another district nothing; title and fund wait for a signed contract', async () => {
    const items = (await agents.auditor.get('/api/resale-offers')).json().items;
    expect(items.map((o: { id: string }) => o.id)).toEqual([w.offer.id]);
    expect(items[0]).toMatchObject({ titleIssuedOn: null, fundCollectedFen: null, fundCollectedOn: null, fundReference: null });
    expect((await agents.licheng.get('/api/resale-offers')).json().items).toEqual([]);
    expect((await agents.fam.get('/api/resale-offers')).statusCode).toBe(403);
    const title = await agents.lixia.post(`/api/resale-offers/${w.offer.id}/title`, { certificateNo: 'C-1', issuedOn: '2028-06-01' });
    expect([title.statusCode, title.json().code]).toEqual([409, 'RESALE_NOT_SOLD']);
    const fund = await agents.lixia.post(`/api/units/${w.offer.unitId}/resale-fund`, { paidOn: '2028-06-01', reference: 'R-1' });
    expect([fund.statusCode, fund.json().code]).toEqual([409, 'NO_RESALE_TITLE']);
    const bad = await agents.lixia.post(`/api/units/${w.offer.unitId}/resale-fund`, { paidOn: 'tomorrow', reference: 'R-1' });
    expect([bad.statusCode, bad.json().details.field]).toEqual([400, 'paidOn']);
  });
});
