import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_DB_KINDS } from '../db/testing.js';
import { applications, auditLog, idempotencyKeys } from '../db/schema.js';
import { family, familyForm } from './test-fixtures.js';
import { buildTestApp, type TestApp } from './testing.js';

describe.each(TEST_DB_KINDS)('Idempotency-Key on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp(kind); });
  afterAll(async () => { await t?.close(); });

  it('creates one draft for two concurrent requests with the same key', async () => {
    const fam = await family(t, 'concurrent.family');
    const body = { form: { districtCode: '370102' } };
    const h = { 'idempotency-key': 'draft-key-1' };
    const [a, b] = await Promise.all([fam.post('/api/my/applications', body, h), fam.post('/api/my/applications', body, h)]);
    const codes = [a.statusCode, b.statusCode].sort();
    // Either the second waited for the stored answer (201 replay) or was told to retry (409).
    expect(codes[0]).toBe(201);
    expect([201, 409]).toContain(codes[1]);
    const mine = (await fam.get('/api/my/applications')).json().items;
    expect(mine).toHaveLength(1);
    const replay = await fam.post('/api/my/applications', body, h);
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(mine[0].id);
  });

  it('keeps keys per account: another family may use the same key', async () => {
    const one = await family(t, 'key.one');
    const two = await family(t, 'key.two');
    const h = { 'idempotency-key': 'shared-key' };
    const a = await one.post('/api/my/applications', { form: { districtCode: '370102' } }, h);
    const b = await two.post('/api/my/applications', { form: { districtCode: '370102' } }, h);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(a.json().id).not.toBe(b.json().id);
  });

  it('forgets a key whose request failed, so the corrected retry runs', async () => {
    const fam = await family(t, 'retry.family');
    const form = familyForm('370102', t);
    const d = await fam.post('/api/my/applications', { form: { ...form, members: [{ ...form.members[0], idNumber: '123' }] } });
    const id = d.json().id;
    const h = { 'idempotency-key': 'submit-retry' };
    const bad = await fam.post(`/api/my/applications/${id}/submit`, undefined, h);
    expect(bad.statusCode).toBe(400);
    expect(await t.handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'submit-retry'))).toHaveLength(0);
    await fam.put(`/api/my/applications/${id}`, { form });
    const good = await fam.post(`/api/my/applications/${id}/submit`, undefined, h);
    expect(good.statusCode).toBe(200);
    const row = (await t.handle.db.select().from(applications).where(eq(applications.id, id)))[0]!;
    expect(row.status).toBe('submitted');
    const submits = (await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'application.submit'))).filter((r) => r.targetId === id);
    expect(submits).toHaveLength(1);
  });

  it('refuses a malformed key naming the header', async () => {
    const fam = await family(t, 'badkey.family');
    const res = await fam.post('/api/my/applications', { form: { districtCode: '370102' } }, { 'idempotency-key': 'has spaces and 中文' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('idempotency-key');
    expect((await fam.get('/api/my/applications')).json().items).toHaveLength(0);
  });

  it('answers 409 while a reservation is fresh and takes it over once stale (a crashed process)', async () => {
    const fam = await family(t, 'stale.family');
    const me = (await fam.get('/api/auth/me')).json().account.id;
    const body = { form: { districtCode: '370102' } };
    const requestHash = createHash('sha256').update(`POST /api/my/applications\n${JSON.stringify(body)}`).digest('hex');
    const reserve = (key: string, ageMs: number) => t.handle.db.insert(idempotencyKeys).values({
      key, accountId: me, route: 'POST /api/my/applications', requestHash, createdAt: new Date(t.clock.now().getTime() - ageMs),
    });
    await reserve('fresh-key', 1_000);
    const busy = await fam.post('/api/my/applications', body, { 'idempotency-key': 'fresh-key' });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect((await fam.get('/api/my/applications')).json().items).toHaveLength(0);
    await reserve('stale-key', 120_000);
    const res = await fam.post('/api/my/applications', body, { 'idempotency-key': 'stale-key' });
    expect(res.statusCode).toBe(201);
    expect((await fam.get('/api/my/applications')).json().items).toHaveLength(1);
  });
});
