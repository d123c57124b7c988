/**
 * Small Playwright helpers for the antd controls of the web UI, addressed by the
 * data-testid attributes listed in web/TESTIDS.md.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page, Response } from 'playwright-core';

/** The <input> behind a test id: the element itself, or the first input inside it. */
export async function inputOf(page: Page, testId: string): Promise<Locator> {
  const el = page.getByTestId(testId).first();
  await el.waitFor({ state: 'attached' });
  const tag = await el.evaluate((e) => e.tagName);
  return tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first();
}

/** Types into a text or number field, replacing what was there. */
export async function fill(page: Page, testId: string, value: string | number): Promise<void> {
  const input = await inputOf(page, testId);
  await input.fill(String(value));
}

/** Opens an antd Select and picks the option whose text contains `label`. */
export async function pick(page: Page, testId: string, label: string): Promise<void> {
  const select = page.getByTestId(testId).first();
  await select.scrollIntoViewIfNeeded();
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.waitFor({ state: 'visible' });
  await dropdown.locator('.ant-select-item-option', { hasText: label }).first().click();
  await dropdown.waitFor({ state: 'hidden' }).catch(() => undefined);
}

/** Chooses the radio button labelled `label` inside the radio group with this test id. */
export async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).first().getByText(label, { exact: true }).click();
}

/**
 * Clicks a button that makes the page download a file; returns the HTTP response
 * (status, headers) and the bytes the browser saved. The UI fetches the file and
 * hands it over as a blob, so the bytes come from the download, not the response.
 */
export async function downloadVia(page: Page, testId: string, urlPart: string): Promise<{ response: Response; download: Download; body: Buffer }> {
  const [response, download] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(urlPart), { timeout: 30_000 }),
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByTestId(testId).first().click(),
  ]);
  const path = await download.path();
  const body = await readFile(path);
  return { response, download, body };
}
