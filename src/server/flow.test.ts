import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { TEST_DB_KINDS } from '../db/testing.js';
import { applications, auditLog, idempotencyKeys } from '../db/schema.js';
import { breakChecksum, family, familyForm, staff, submitted } from './test-fixtures.js';
import { Agent, buildTestApp, type TestApp } from './testing.js';

describe.each(TEST_DB_KINDS)('applicant → staff flow over HTTP on %s', (kind) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof staff>>;
  let fam: Agent;
  let appId: string;
  let form: ReturnType<typeof familyForm>;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    form = familyForm('370102', t);
    s = await staff(t);
    fam = await family(t, 'zhangjianguo');
  });
  afterAll(async () => { await t?.close(); });

  const auditCount = async (action: string) =>
    (await t.handle.db.select().from(auditLog).where(eq(auditLog.action, action))).length;

  it('第八条 step 1: the family saves a draft, comes back to it and edits it', async () => {
    const d = await fam.post('/api/my/applications', { form: { ...form, phone: '13900000000' } });
    expect(d.statusCode).toBe(201);
    expect(d.json()).toMatchObject({ status: 'draft', revision: 1 });
    appId = d.json().id;
    const put = await fam.put(`/api/my/applications/${appId}`, { form });
    expect(put.statusCode).toBe(200);
    const list = await fam.get('/api/my/applications');
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([appId]);
    const one = await fam.get(`/api/my/applications/${appId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ status: 'draft', form: { phone: '13912345678' } });
    expect(one.body).not.toMatch(/v1:[A-Za-z0-9+/=]+:/); // no encrypted envelope leaves the server
  });

  it('refuses a submission whose second member has a wrong ID checksum, naming members.1.idNumber, and changes nothing', async () => {
    const bad = structuredClone(form);
    bad.members[1]!.idNumber = breakChecksum(bad.members[1]!.idNumber);
    await fam.put(`/api/my/applications/${appId}`, { form: bad });
    const res = await fam.post(`/api/my/applications/${appId}/submit`);
    expect(res.statusCode).toBe(400);
    const b = res.json();
    expect(b.code).toBe('VALIDATION');
    expect(b.details.field).toMatch(/members\.1\.idNumber$/);
    expect(b.message_zh).toContain('家庭成员第2人的身份证号');
    expect(b.message).toContain('members[1].idNumber');
    const row = (await t.handle.db.select().from(applications).where(eq(applications.id, appId)))[0]!;
    expect(row.status).toBe('draft');
  });

  it('refuses a form without members at the route, naming members', async () => {
    const res = await fam.post(`/api/my/applications/${appId}/change`, { form: { ...form, members: [] }, reason: '变更' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('form.members');
    expect(res.json().message_zh).toMatch(/^家庭成员/);
  });

  it('submits once under an Idempotency-Key: the retry gets the same answer and no second effect', async () => {
    await fam.put(`/api/my/applications/${appId}`, { form });
    const key = { 'idempotency-key': 'submit-zhang-1' };
    const first = await fam.post(`/api/my/applications/${appId}/submit`, undefined, key);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'submitted', verdict: { eligible: true, category: 'wage_family' } });
    const again = await fam.post(`/api/my/applications/${appId}/submit`, undefined, key);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await auditCount('application.submit')).toBe(1);
    const stored = await t.handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'submit-zhang-1'));
    expect(stored[0]?.statusCode).toBe(200);
    const reused = await fam.post(`/api/my/applications/${appId}/withdraw`, { reason: '不再需要' }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('第五、六条 step 2: district staff see it in the queue with data checks, verdict and trace; the full read is audited', async () => {
    const q = await s.lixia.get('/api/staff/review-queue');
    expect(q.statusCode).toBe(200);
    const item = q.json().items.find((i: { id: string }) => i.id === appId);
    expect(item.checks.map((c: { department: string }) => c.department).sort())
      .toEqual(['civil_affairs', 'property', 'provident_fund', 'social_insurance']);
    expect(item.verdict).toMatchObject({ eligible: true, category: 'wage_family' });
    expect(item.verdict.trace.length).toBeGreaterThan(0);
    expect(item.verdict.reasons.some((r: { article: string }) => r.article === '第五条')).toBe(true);
    expect(JSON.stringify(item)).not.toContain(form.members[0]!.idNumber);
    expect(item.maskedId).toMatch(/^\d{2}\*+[\dX]{2}$/);

    const before = await auditCount('application.read_full');
    const full = await s.lixia.get(`/api/staff/applications/${appId}`);
    expect(full.statusCode).toBe(200);
    expect(full.json().form.members[0].idNumber).toBe(form.members[0]!.idNumber);
    expect(full.json().checks).toHaveLength(4);
    expect(await auditCount('application.read_full')).toBe(before + 1);
  });

  it('step 3: staff approve; the family sees admitted, priority and why, and gets the numbered notice as a PDF', async () => {
    const ap = await s.lixia.post(`/api/staff/applications/${appId}/approve`, { note: '材料齐全' }, { 'idempotency-key': 'approve-1' });
    expect(ap.statusCode).toBe(200);
    expect(ap.json()).toMatchObject({ status: 'admitted', kind: 'admission' });
    expect(ap.json().noticeNo).toBeTruthy();
    const mine = (await fam.get(`/api/my/applications/${appId}`)).json();
    expect(mine).toMatchObject({ status: 'admitted', noticeNo: ap.json().noticeNo, waitlist: { status: 'active' } });
    expect(mine.verdict.reasons.length).toBeGreaterThan(0);
    expect(mine.notices[0]).toMatchObject({ kind: 'admission', noticeNo: ap.json().noticeNo });
    const pdf = await fam.get(`/api/my/applications/${appId}/notice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const inbox = (await fam.get('/api/my/notifications')).json();
    expect(inbox.items.length).toBeGreaterThan(0);
  });

  it('第七条 step 4: the public list shows the registration code with masked name and ID only; staff export xlsx', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/results?page=1&pageSize=10' });
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b.total).toBe(1);
    expect(b.items[0].maskedId).toMatch(/^\d{2}\*+[\dX]{2}$/);
    expect(b.items[0].maskedName).toBe('张*国');
    for (const m of form.members) {
      expect(res.body).not.toContain(m.idNumber);
      expect(res.body).not.toContain(m.idNumber.slice(2, 16));
    }
    expect(res.body).not.toContain('张建国');
    const x = await s.city.get('/api/staff/results.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a second family holding the same person (409), without telling the family where the person is', async () => {
    const other = await family(t, 'lixiuying2');
    const dup = familyForm('370102', t);
    dup.members[0]!.idNumber = form.members[1]!.idNumber;
    const d = await other.post('/api/my/applications', { form: dup });
    const res = await other.post(`/api/my/applications/${d.json().id}/submit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message_zh).toBeTruthy();
    expect(res.json().details).not.toHaveProperty('internal');
    expect(res.body).not.toContain(appId);
    const look = await s.city.post('/api/staff/persons/lookup', { idNumber: form.members[1]!.idNumber });
    expect(look.json()).toMatchObject({ found: true, application: { id: appId, status: 'admitted' } });
  });

  it('第九条 step 5: the family asks for a change while waiting, then withdraws', async () => {
    const changed = structuredClone(form);
    changed.phone = '13700000000';
    const c = await fam.post(`/api/my/applications/${appId}/change`, { form: changed, reason: '手机号码变更' });
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({ status: 'admitted', revision: 2 });
    const q = (await s.lixia.get('/api/staff/review-queue')).json();
    expect(q.items.find((i: { id: string }) => i.id === appId)).toMatchObject({ kind: 'change' });
    const w = await fam.post(`/api/my/applications/${appId}/withdraw`, { reason: '已购买商品住房' });
    expect(w.statusCode).toBe(200);
    expect(w.json().status).toBe('withdrawn');
  });

  it('the auditor reads the audit log and the chain verifies', async () => {
    const log = await s.auditor.get('/api/staff/audit?limit=200');
    expect(log.statusCode).toBe(200);
    const actions = log.json().items.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['application.submit', 'application.read_full']));
    const v = await s.auditor.get('/api/staff/audit/verify');
    expect(v.json()).toMatchObject({ ok: true });
  });

  it('a second family in 市中区 goes through the 市中区 queue, not 历下区', async () => {
    const f2 = await family(t, 'wangfang');
    const id2 = await submitted(f2, familyForm('370103', t));
    const lixiaQ = (await s.lixia.get('/api/staff/review-queue')).json();
    expect(lixiaQ.items.some((i: { id: string }) => i.id === id2)).toBe(false);
    const szQ = (await s.shizhong.get('/api/staff/review-queue')).json();
    expect(szQ.items.some((i: { id: string }) => i.id === id2)).toBe(true);
    const cnt = await t.handle.db.select().from(applications).where(and(eq(applications.id, id2), eq(applications.status, 'submitted')));
    expect(cnt).toHaveLength(1);
  });
});
