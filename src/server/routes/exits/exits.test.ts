import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { createSession } from '../../../commands/accounts/session.js';
import { ownedWorld, type OwnedWorld } from '../../../commands/closed-loop/testing.js';
import { buybackPrice } from '../../../rules/housing/buyback-price.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

describe.each(TEST_DB_KINDS)('exits over HTTP (第二十四至二十七条) on %s', (kind) => {
  let t: TestApp;
  let w: OwnedWorld;
  let exitId: string;
  const agents = {} as Record<'fam0' | 'fam1' | 'lixia' | 'licheng' | 'auditor', Agent>;
  const visitor = () => new Agent(t.app);

  /** Moves the server's clock to 10:00 Shanghai on `day` and signs everyone in afresh (sessions end after 12 idle hours). */
  const at = async (day: string) => {
    t.clock.current = new Date(`${day}T02:00:00Z`);
    const ids = { fam0: w.families[0]!.actor.accountId, fam1: w.families[1]!.actor.accountId, lixia: w.actors.lixia.accountId, licheng: w.actors.licheng.accountId, auditor: w.actors.auditor.accountId };
    for (const [k, id] of Object.entries(ids)) {
      const a = new Agent(t.app);
      a.cookie = (await createSession({ db: t.handle.db, clock: t.clock }, id)).token;
      agents[k as keyof typeof agents] = a;
    }
  };

  beforeAll(async () => {
    t = await buildTestApp(kind);
    w = await ownedWorld(t.handle, { owners: 2, today: '2026-03-02' }); // titles issued 2026-03-20
  });
  afterAll(async () => { await t?.close(); });

  it('第二十四条: the day before the two-year mark POST /api/my/exits answers 409 naming the earliest date; bad input names the field', async () => {
    await at('2028-03-19');
    const res = await agents.fam0.post('/api/my/exits', { unitId: w.owned[0]!.unitId, route: 'buyback' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'EXIT_TOO_EARLY', details: { earliestDate: '2028-03-20' } });
    expect(res.json().message_zh).toContain('2028-03-20');
    expect((await agents.fam0.post('/api/my/exits', { unitId: 'x', route: 'buyback' })).json().details.field).toBe('unitId');
    const route = await agents.fam0.post('/api/my/exits', { unitId: w.owned[0]!.unitId, route: 'gift' });
    expect(route.statusCode).toBe(400);
    expect(route.json().details.field).toBe('route');
  });

  it('on the day the family applies with an Idempotency-Key; the replay answers the same; another family gets 404; a visitor 401', async () => {
    await at('2028-03-20');
    const res = await agents.fam0.post('/api/my/exits', { unitId: w.owned[0]!.unitId, route: 'buyback' }, { 'idempotency-key': 'exit-1' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'submitted', route: 'buyback', origin: 'family', eligibility: { value: { eligible: true, earliestDate: '2028-03-20' } } });
    exitId = res.json().id;
    const replay = await agents.fam0.post('/api/my/exits', { unitId: w.owned[0]!.unitId, route: 'buyback' }, { 'idempotency-key': 'exit-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(exitId);
    expect((await agents.fam1.post('/api/my/exits', { unitId: w.owned[0]!.unitId, route: 'buyback' })).statusCode).toBe(404);
    expect((await agents.fam1.post(`/api/my/exits/${exitId}/withdraw`)).statusCode).toBe(404);
    expect((await agents.fam1.get('/api/my/exits')).json().items).toEqual([]);
    expect((await agents.fam0.get('/api/my/exits')).json().items.map((x: { id: string }) => x.id)).toEqual([exitId]);
    for (const url of ['/api/my/home', '/api/my/exits', '/api/exits', `/api/exits/${exitId}`]) expect((await visitor().get(url)).statusCode, url).toBe(401);
    expect((await visitor().post('/api/my/exits', { unitId: w.owned[0]!.unitId, route: 'buyback' })).statusCode).toBe(401);
  });

  it('staff of the district check, inspect and accept; another district is refused 403; the auditor reads but cannot decide', async () => {
    const board = (await agents.lixia.get('/api/exits')).json().items;
    expect(board.map((x: { id: string }) => x.id)).toEqual([exitId]);
    // 第二十六条 board: the eligibility's verdict only; the trace stays in GET /api/exits/:id.
    expect(board[0].eligibility).toEqual({ eligible: true, earliestDate: '2028-03-20' });
    expect((await agents.licheng.get('/api/exits')).json().items).toEqual([]);
    expect((await agents.licheng.get(`/api/exits/${exitId}`)).statusCode).toBe(403);
    expect((await agents.licheng.post(`/api/exits/${exitId}/checks/refresh`)).statusCode).toBe(403);
    expect((await agents.fam0.get('/api/exits')).statusCode).toBe(403);

    const checks = await agents.lixia.post(`/api/exits/${exitId}/checks/refresh`);
    expect(checks.statusCode).toBe(200);
    expect(checks.json().items.filter((c: { ok: boolean | null }) => c.ok === true)).toHaveLength(3);
    const early = await agents.lixia.post(`/api/exits/${exitId}/accept`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'EXIT_CHECKS_INCOMPLETE', details: { missing: ['use_unchanged', 'structure_unaltered'] } });
    const bad = await agents.lixia.post(`/api/exits/${exitId}/checks/no_lease/inspection`, { ok: true, inspector: '李工', inspectedOn: '2028-03-20', reportNo: 'R1' });
    expect(bad.statusCode).toBe(400);
    const noReport = await agents.lixia.post(`/api/exits/${exitId}/checks/use_unchanged/inspection`, { ok: true, inspector: '李工', inspectedOn: '2028-03-20', reportNo: '' });
    expect(noReport.statusCode).toBe(400);
    expect(noReport.json().details.field).toBe('reportNo');
    for (const item of ['use_unchanged', 'structure_unaltered']) {
      expect((await agents.lixia.post(`/api/exits/${exitId}/checks/${item}/inspection`, { ok: true, inspector: '李工', inspectedOn: '2028-03-20', reportNo: `R-${item}` })).statusCode).toBe(200);
    }
    expect((await agents.auditor.post(`/api/exits/${exitId}/accept`, {})).statusCode).toBe(403);
    const accepted = await agents.lixia.post(`/api/exits/${exitId}/accept`, {}, { 'idempotency-key': 'accept-1' });
    expect(accepted.statusCode).toBe(200);
    const price = buybackPrice({ originalPrice: 72_000_000, paidOn: '2026-03-02', builtOn: '2025-12-01' }, '2028-03-20').value.price;
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedOn: '2028-03-20', dueOn: '2028-09-20', daysLeft: 184, priceFen: price });
    const cpi = await agents.lixia.post(`/api/exits/${exitId}/revalue`, { cpiAtPurchase: '100.0', cpiAtValuation: '102.5' });
    expect(cpi.statusCode).toBe(400);
    expect(cpi.json().details.field).toBe('cpiAtPurchase');
  });

  it('the detail shows the trace, the five checks and the valuation lines; the family\'s home shows the exit and the earliest date', async () => {
    const d = await agents.auditor.get(`/api/exits/${exitId}`);
    expect(d.statusCode).toBe(200);
    const body = d.json();
    expect(body.checks.map((c: { ok: boolean }) => c.ok)).toEqual([true, true, true, true, true]);
    expect(body.eligibility.trace.length).toBeGreaterThan(0);
    expect(body.valuation.lines.map((l: { name: string }) => l.name)).toEqual(['P0', 'paidOn', 'builtOn', 'A', 'd', 'H', 'r', 'K', 'factor', 'price']);
    expect(body.valuation.priceFen).toBe(body.priceFen);
    const home = (await agents.fam0.get('/api/my/home')).json();
    expect(home.units[0]).toMatchObject({ earliestExitOn: '2028-03-20', holdingSince: '2026-03-20', exits: [{ id: exitId, status: 'accepted' }] });
    expect((await agents.fam1.get('/api/my/home')).json().units[0].exits).toEqual([]);
    expect((await agents.lixia.get('/api/my/home')).statusCode).toBe(403);
  });

  it('staff file an exit for a holder (第三十一条 origin); a family may not use the staff route', async () => {
    expect((await agents.fam1.post(`/api/units/${w.owned[1]!.unitId}/exits`, { route: 'buyback', origin: 'fraud' })).statusCode).toBe(403);
    const bad = await agents.lixia.post(`/api/units/${w.owned[1]!.unitId}/exits`, { route: 'buyback', origin: 'family' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('origin');
    const res = await agents.lixia.post(`/api/units/${w.owned[1]!.unitId}/exits`, { route: 'buyback', origin: 'fraud' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ origin: 'fraud', status: 'submitted' });
    expect((await agents.lixia.post(`/api/units/${w.owned[1]!.unitId}/exits`, { route: 'internal_transfer', origin: 'fraud' })).json().code).toBe('EXIT_OPEN');
  });

  it('第二十七条: the method and the calculator are public; the calculator names the field it refuses', async () => {
    const m = await visitor().get('/api/public/buyback-method');
    expect(m.statusCode).toBe(200);
    expect(m.json().parameters.find((p: { name: string }) => p.name === 'housing.buyback.interest_rate_tiers').note).toContain('待市住房城乡建设部门会同市财政、审计等部门确定并公布');
    expect(m.json().example.result.value.price).toBeGreaterThan(0);
    const c = await visitor().post('/api/public/buyback-calculator', { originalPriceFen: 72_000_000, paidOn: '2026-03-02', builtOn: '2025-12-01', valuationOn: '2028-03-20' });
    expect(c.statusCode).toBe(200);
    expect(c.json().value.price).toBe(buybackPrice({ originalPrice: 72_000_000, paidOn: '2026-03-02', builtOn: '2025-12-01' }, '2028-03-20').value.price);
    const bad = await visitor().post('/api/public/buyback-calculator', { originalPriceFen: 72_000_000, paidOn: '2026-02-30', builtOn: '2025-12-01', valuationOn: '2028-03-20' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('paidOn');
    const missing = await visitor().post('/api/public/buyback-calculator', { paidOn: '2026-03-02', builtOn: '2025-12-01', valuationOn: '2028-03-20' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.field).toBe('originalPriceFen');
  });
});
