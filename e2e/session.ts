/**
 * Browser sessions shared by the e2e files: the server's clock, a page whose clock reads it, and
 * signing in as a demo account (every demo account has the password Demo@2025, src/demo/accounts.ts).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DESKTOP, type E2E, PHONE } from './harness.js';
import { fill } from './ui.js';

export const PASSWORD = 'Demo@2025';

/** The server's now (QC_TEST_CLOCK=1 lets a test move it; it never goes back). */
export async function serverNow(t: E2E): Promise<Date> {
  const res = await fetch(`${t.baseUrl}/api/testing/clock`);
  assert.equal(res.status, 200, 'the server runs with QC_TEST_CLOCK=1');
  return new Date(((await res.json()) as { now: string }).now);
}

/**
 * A new browser context whose clock reads the server's time: pages that compare times with
 * Date.now() (the registration window, a turn's countdown) then agree with the server even
 * after the test clock moved it days ahead (here, or in an earlier run on the same server).
 */
export async function newPage(t: E2E, size: typeof PHONE | typeof DESKTOP): Promise<Page> {
  const now = await serverNow(t);
  const page = await t.newPage(size, { mobile: size === PHONE });
  await page.context().clock.install({ time: now });
  return page;
}

/** Signs in through the login page and waits to leave it. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await fill(page, 'login-username', username);
  await fill(page, 'login-password', PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
