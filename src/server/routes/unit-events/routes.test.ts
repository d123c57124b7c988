import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { AAD } from '../../../crypto/index.js';
import { applicationRevisions, applications, fraudDecisions, unitCases, unitEvents } from '../../../db/schema.js';
import { createSession } from '../../../commands/accounts/session.js';
import { ownedWorld, type OwnedWorld } from '../../../commands/closed-loop/testing.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const evidence = [{ kind: 'inspection', ref: '巡查-2026-031', note: '现场有租客' }];

describe.each(TEST_DB_KINDS)('unit events, cases, obligations and fraud over HTTP (第二十、二十二、二十三、三十一条) on %s', (kind) => {
  let t: TestApp;
  let w: OwnedWorld;
  let caseId: string;
  const agents = {} as Record<'fam0' | 'implementer' | 'lixia' | 'licheng' | 'city' | 'auditor', Agent>;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    t.clock.current = at('2026-03-02');
    w = await ownedWorld(t.handle, { owners: 2, families: 4 });
    // The server has keys of its own: the owners' forms are re-encrypted under them, as if filed through it.
    for (const r of await t.handle.db.select().from(applicationRevisions)) {
      const aad = AAD.revisionForm(r.applicationId);
      await t.handle.db.update(applicationRevisions).set({ formEnc: t.crypto.encrypt(w.crypto.decrypt(r.formEnc, aad), aad) }).where(eq(applicationRevisions.id, r.id));
    }
    t.clock.current = at('2026-06-01');
    const signIn = async (accountId: string) => {
      const a = new Agent(t.app);
      a.cookie = (await createSession({ db: t.handle.db, clock: t.clock }, accountId)).token;
      return a;
    };
    agents.fam0 = await signIn(w.families[0]!.actor.accountId);
    agents.implementer = await signIn(w.implementer.accountId);
    agents.lixia = await signIn(w.actors.lixia.accountId);
    agents.licheng = await signIn(w.actors.licheng.accountId);
    agents.city = await signIn(w.actors.city.accountId);
    agents.auditor = await signIn(w.actors.auditor.accountId);
  });
  afterAll(async () => { await t?.close(); });
  const unit = (i: number) => w.owned[i]!.unitId;
  const count = async () => (await t.handle.db.select().from(unitEvents)).length;

  it('第二十条: district staff report a lease with an Idempotency-Key and a case opens once; the replay answers the same case', async () => {
    const res = await agents.lixia.post(`/api/units/${unit(1)}/events`, { kind: 'lease', occurredOn: '2026-05-15', evidence }, { 'idempotency-key': 'lease-1' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'lease', article: '第二十条、第二十五条', case: { status: 'open', kind: 'lease' } });
    caseId = res.json().case.id;
    const replay = await agents.lixia.post(`/api/units/${unit(1)}/events`, { kind: 'lease', occurredOn: '2026-05-15', evidence }, { 'idempotency-key': 'lease-1' });
    expect(replay.json().case.id).toBe(caseId);
    expect(await t.handle.db.select().from(unitCases)).toHaveLength(1);
  });

  it('bad input is refused with 400 naming the field and nothing is written; other roles are refused', async () => {
    const before = await count();
    const future = await agents.lixia.post(`/api/units/${unit(1)}/events`, { kind: 'lease', occurredOn: '2026-06-02', evidence });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ details: { field: 'occurredOn' } });
    expect(future.json().message_zh).toContain('晚于今天');
    const none = await agents.lixia.post(`/api/units/${unit(1)}/events`, { kind: 'lease', occurredOn: '2026-05-02', evidence: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().details.field).toBe('evidence');
    const bogus = await agents.lixia.post(`/api/units/${unit(1)}/events`, { kind: 'party', occurredOn: '2026-05-02', evidence });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().details.field).toBe('kind');
    for (const who of ['licheng', 'auditor', 'fam0', 'implementer'] as const) {
      expect((await agents[who].post(`/api/units/${unit(1)}/events`, { kind: 'lease', occurredOn: '2026-05-02', evidence })).statusCode).toBe(403);
    }
    expect((await new Agent(t.app).post(`/api/units/${unit(1)}/events`, { kind: 'lease', occurredOn: '2026-05-02', evidence })).statusCode).toBe(401);
    expect(await count()).toBe(before);
  });

  it('the unit\'s events are read by its district staff, the city, the auditor and the implementer; not by another district or a family', async () => {
    for (const who of ['lixia', 'city', 'auditor', 'implementer'] as const) {
      const res = await agents[who].get(`/api/units/${unit(1)}/events`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((e: { kind: string }) => e.kind)).toEqual(['lease']);
    }
    expect((await agents.licheng.get(`/api/units/${unit(1)}/events`)).statusCode).toBe(403);
    expect((await agents.fam0.get(`/api/units/${unit(1)}/events`)).statusCode).toBe(403);
  });

  it('cases are listed by status and closed with a resolution (400 without one); the auditor may read but not close', async () => {
    expect((await agents.lixia.get('/api/cases?status=open')).json().items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await agents.licheng.get('/api/cases')).json().items).toEqual([]);
    expect((await agents.auditor.get('/api/cases')).json().items).toHaveLength(1);
    expect((await agents.lixia.get('/api/cases?status=bogus')).statusCode).toBe(400);
    const bad = await agents.lixia.post(`/api/cases/${caseId}/close`, { status: 'rectified', resolution: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('resolution');
    expect((await agents.auditor.post(`/api/cases/${caseId}/close`, { status: 'rectified', resolution: '已整改' })).statusCode).toBe(403);
    expect((await agents.licheng.post(`/api/cases/${caseId}/close`, { status: 'rectified', resolution: '已整改' })).statusCode).toBe(403);
    const ok = await agents.lixia.post(`/api/cases/${caseId}/close`, { status: 'rectified', resolution: '租赁合同已解除' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'rectified', closedOn: '2026-06-01', resolution: '租赁合同已解除' });
  });

  it('第二十二条: an inheritance recorded late opens an obligation already past its deadline, which heads the overdue list', async () => {
    const res = await agents.lixia.post(`/api/units/${unit(0)}/events`, {
      kind: 'inheritance', occurredOn: '2026-03-25', evidence: [{ kind: 'document', ref: '(2026)鲁济南历下证字第88号' }],
      newHolder: { regCode: w.families[1]!.regCode }, newTitle: { certificateNo: '鲁(2026)济南市不动产权第2000001号', issuedOn: '2026-03-28' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ newTitle: { origin: 'inheritance', nature: '配售型保障性住房' }, obligation: { unitsHeld: 2, deadlineOn: '2026-05-24' } });
    const overdue = (await agents.city.get('/api/multi-unit-obligations?overdue=1')).json().items;
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ daysLeft: -8, overdue: true, remindersSent: [], status: 'open', holder: { kind: 'family', regCode: w.families[1]!.regCode } });
    expect((await agents.lixia.get('/api/multi-unit-obligations?status=met')).json().items).toEqual([]);
    expect((await agents.licheng.get('/api/multi-unit-obligations?overdue=1')).json().items).toEqual([]);
    expect((await agents.auditor.get('/api/multi-unit-obligations')).json().items).toHaveLength(1);
    expect((await agents.fam0.get('/api/multi-unit-obligations')).statusCode).toBe(403);
  });

  it('第三十一条（一）: staff of the district cancel an admitted family\'s qualification; other roles, bad input and a mismatching action change nothing', async () => {
    const url = `/api/applications/${w.families[2]!.applicationId}/fraud`;
    const body = { finding: '隐瞒名下住房', evidence: [{ kind: 'data_check', ref: '不动产登记中心 函〔2026〕12号' }] };
    for (const who of ['licheng', 'auditor', 'fam0', 'implementer'] as const) expect((await agents[who].post(url, body)).statusCode).toBe(403);
    const noEvidence = await agents.lixia.post(url, { ...body, evidence: [] });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().details.field).toBe('evidence');
    const mismatch = await agents.lixia.post(url, { ...body, action: 'vacate_and_buyback' });
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json()).toMatchObject({ code: 'FRAUD_ACTION_MISMATCH', details: { field: 'action' } });
    expect(await t.handle.db.select().from(fraudDecisions)).toEqual([]);
    const ok = await agents.lixia.post(url, body, { 'idempotency-key': 'fraud-1' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ decisionNo: '骗保处理〔2026〕1号', action: 'cancel_qualification', article: '第三十一条（一）' });
    expect((await t.handle.db.select().from(applications).where(eq(applications.id, w.families[2]!.applicationId)))[0]!.status).toBe('cancelled');
  });
});
