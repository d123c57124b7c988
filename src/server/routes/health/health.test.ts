import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { buildTestApp, type TestApp } from '../../testing.js';

describe.each(TEST_DB_KINDS)('GET /api/health on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp(kind); });
  afterAll(async () => { await t?.close(); });

  it('answers ok after a real round trip and names the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: kind });
  });

  it('answers 503 in the error shape when the database is gone', async () => {
    const other = await buildTestApp(kind);
    await other.handle.close();
    const res = await other.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'DB_UNAVAILABLE', message_zh: '数据库不可用。' });
    await other.app.close();
  });
});
