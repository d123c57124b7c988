/**
 * Smoke: the server answers its health and OpenAPI endpoints, and the public
 * home page renders in Chinese on a phone and on a laptop without serious or
 * critical accessibility violations.
 */
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, step } from './harness.js';

export default [
  step('GET /api/health answers 200 with the database kind', async (t) => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; db: string };
    assert.equal(body.status, 'ok');
    assert.equal(body.db, process.env.DATABASE_URL ? 'postgres' : 'pglite');
  }),

  step('GET /api/openapi.json returns an OpenAPI document', async (t) => {
    const res = await fetch(`${t.baseUrl}/api/openapi.json`);
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { openapi?: string; paths?: Record<string, unknown> };
    assert.match(doc.openapi ?? '', /^3\./);
    assert.ok(doc.paths && '/api/health' in doc.paths, 'paths include /api/health');
  }),

  step('the public home page renders in Chinese on a phone (axe clean)', async (t) => {
    const page = await t.newPage(PHONE, { mobile: true });
    const res = await page.goto('/');
    assert.equal(res?.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await page.locator('body').getByText('泉城安居').first().waitFor();
    await t.check(page, 'home-phone');
  }),

  step('the public home page renders on a laptop (axe clean)', async (t) => {
    const page = await t.newPage(DESKTOP);
    await page.goto('/');
    await page.locator('body').getByText('泉城安居').first().waitFor();
    await t.check(page, 'home-desktop');
  }),
];
