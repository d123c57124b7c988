import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { family } from '../../../rules/housing/eligibility/family.fixture.js';
import { buildTestApp, type TestApp } from '../../testing.js';

describe('/api/rules', () => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp('pglite'); });
  afterAll(async () => { await t?.close(); });

  const evalRule = (id: string, body: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/rules/${id}/eval`, payload: body as object });

  it('lists every rule with its citations and input schema, without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/rules' });
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['housing.eligibility', 'housing.waitlist-status']));
    const el = res.json().find((r: { id: string }) => r.id === 'housing.eligibility');
    expect(el.citations.map((c: { article: string }) => c.article)).toContain('第五条');
    expect(el.inputSchema).toMatchObject({ type: 'object' });
  });

  it('第五条: evaluates a wage family and returns value, trace and citations', async () => {
    const res = await evalRule('housing.eligibility', { asOf: '2025-06-01', input: family() });
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b.value).toMatchObject({ eligible: true, category: 'wage_family' });
    expect(b.trace.length).toBeGreaterThan(0);
    expect(b.citations.map((c: { article: string }) => c.article)).toContain('第五条');
  });

  it('第八条: the waitlist status on the anniversary still allows confirmation, and the day after has lapsed', async () => {
    const input = { admittedOn: '2025-06-01', lastConfirmedOn: null, purchased: false };
    const on = (await evalRule('housing.waitlist-status', { asOf: '2027-06-01', input })).json();
    const after = (await evalRule('housing.waitlist-status', { asOf: '2027-06-02', input })).json();
    expect(on.value).toMatchObject({ status: 'must_confirm', deadline: '2027-06-01' });
    expect(after.value.status).toBe('lapsed');
  });

  it('names members.1.idNumber when the second member has a wrong ID checksum', async () => {
    const f = family();
    const id = f.members[1]!.idNumber;
    f.members[1]!.idNumber = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const res = await evalRule('housing.eligibility', { asOf: '2025-06-01', input: f });
    expect(res.statusCode).toBe(400);
    const b = res.json();
    expect(b.code).toBe('VALIDATION');
    expect(b.details.field).toBe('input.members.1.idNumber');
    expect(b.message_zh).toMatch(/^家庭成员第2人的身份证号：/);
    expect(b.message).toMatch(/^input\.members\[1\]\.idNumber: /);
  });

  it('names the missing field when a member lacks its relation', async () => {
    const f = family();
    delete (f.members[0] as Partial<typeof f.members[0]>).relation;
    const res = await evalRule('housing.eligibility', { asOf: '2025-06-01', input: f });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('input.members.0.relation');
    expect(res.json().message_zh).toContain('家庭成员第1人的与申请人关系');
  });

  it('refuses a malformed asOf naming asOf, and an unknown rule with 404', async () => {
    const bad = await evalRule('housing.eligibility', { asOf: '2025-02-30', input: family() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('asOf');
    expect(bad.json().message_zh).toContain('评估日期');
    const unknown = await evalRule('housing.nothing', { input: {} });
    expect(unknown.statusCode).toBe(404);
  });
});
