import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accounts } from '../db/schema.js';
import { buildTestApp, type TestApp } from './testing.js';

describe('buildApp: error shapes, OpenAPI, static web', () => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp('pglite', { bodyLimit: 4096 }); });
  afterAll(async () => { await t?.close(); });

  const countAccounts = async () => (await t.handle.db.select().from(accounts)).length;

  it('answers malformed JSON with 400 MALFORMED_JSON in Chinese and English and changes nothing', async () => {
    const before = await countAccounts();
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/register', headers: { 'content-type': 'application/json' },
      payload: '{"username": "a", "password": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.', message_zh: '请求内容不是有效的 JSON。', details: {},
    });
    expect(await countAccounts()).toBe(before);
  });

  it('reads an empty JSON body as no body, and refuses prototype poisoning', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(empty.statusCode).toBe(204);
    const poisoned = await t.app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' },
      payload: '{"username":"a","password":"b","__proto__":{"role":"city_staff"}}',
    });
    expect(poisoned.statusCode).toBe(400);
  });

  it('answers an oversized body with 413 BODY_TOO_LARGE and changes nothing', async () => {
    const before = await countAccounts();
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/register',
      payload: { username: 'big', password: 'abcd12345', displayName: 'x'.repeat(5000), phone: '13800138000' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'BODY_TOO_LARGE', message_zh: '请求内容过大。' });
    expect(await countAccounts()).toBe(before);
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names the wrong-typed field in both languages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42, password: 'x' } });
    expect(res.statusCode).toBe(400);
    const b = res.json();
    expect(b.code).toBe('VALIDATION');
    expect(b.details.field).toBe('username');
    expect(b.message_zh).toMatch(/^用户名有误：/);
    expect(b.message).toMatch(/^Invalid username: /);
  });

  it('answers an unknown API route with 404 in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message_zh: '请求的接口不存在。' });
  });

  it('serves the OpenAPI 3 document listing the contract paths', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const contract: Array<[string, string]> = [
      ['get', '/api/health'], ['post', '/api/auth/register'], ['post', '/api/auth/login'], ['post', '/api/auth/logout'],
      ['get', '/api/auth/me'], ['get', '/api/law'], ['get', '/api/law/{docId}/{articleNo}'], ['get', '/api/rules'],
      ['post', '/api/rules/{ruleId}/eval'], ['get', '/api/my/applications'], ['post', '/api/my/applications'],
      ['put', '/api/my/applications/{id}'], ['post', '/api/my/applications/{id}/submit'], ['post', '/api/my/applications/{id}/change'],
      ['post', '/api/my/applications/{id}/withdraw'], ['post', '/api/my/applications/{id}/confirm'],
      ['get', '/api/my/applications/{id}/notice.pdf'], ['get', '/api/my/notifications'], ['get', '/api/staff/review-queue'],
      ['get', '/api/staff/applications/{id}'], ['post', '/api/staff/applications/{id}/approve'],
      ['post', '/api/staff/applications/{id}/return'], ['post', '/api/staff/applications/{id}/reject'],
      ['post', '/api/staff/applications/{id}/cancel'], ['get', '/api/staff/results.xlsx'], ['get', '/api/staff/audit'],
      ['get', '/api/staff/audit/verify'], ['get', '/api/public/results'], ['get', '/api/districts'],
    ];
    const missing = contract.filter(([m, p]) => !doc.paths[p]?.[m]).map(([m, p]) => `${m} ${p}`);
    expect(missing).toEqual([]);
    // The application form is documented down to the member's ID number.
    const change = doc.paths['/api/my/applications/{id}/change'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(change)).toContain('idNumber');
    expect(doc.paths['/api/auth/register'].post.requestBody.content['application/json'].schema.required)
      .toEqual(expect.arrayContaining(['username', 'password', 'displayName', 'phone']));
  });

  it('answers / with a Chinese page telling to build the web app when web/dist is missing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('npm run build:web');
    expect(res.body).toContain('网页界面尚未构建');
  });
});

describe('buildApp: built web app with SPA fallback', () => {
  let t: TestApp;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'qc-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>泉城安居</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    t = await buildTestApp('pglite', { webDist: dist });
  });
  afterAll(async () => { await t?.close(); });

  it('serves index.html at / and for client routes, files as they are, and keeps /api 404s as JSON', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/' })).body).toContain('<div id="root">');
    const deep = await t.app.inject({ method: 'GET', url: '/my/applications/123' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<div id="root">');
    const js = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(js.body).toBe('console.log(1)');
    expect((await t.app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    const api = await t.app.inject({ method: 'GET', url: '/api/missing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('NOT_FOUND');
  });
});
