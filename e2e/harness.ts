/**
 * What a browser test file sees: a running server, a real Chromium, and helpers
 * that check accessibility (axe-core) and save a screenshot at every screen.
 * Test files (e2e/*.e2e.ts) default-export a list of {@link step}s that run in order.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** One named, ordered piece of a browser test; later steps may use what earlier ones left. */
export interface Step {
  name: string;
  run(t: E2E): Promise<void>;
}

/** Declares a step. */
export function step(name: string, run: (t: E2E) => Promise<void>): Step {
  return { name, run };
}

/** Viewports the issue names: a phone for families, a laptop for staff. */
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1366, height: 900 } as const;

/** An axe-core violation as printed and thrown. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

/** The context every step gets. */
export class E2E {
  private shot = 0;
  private readonly contexts: BrowserContext[] = [];
  /** Uncaught page errors since the step began; the runner fails the step on any. */
  readonly pageErrors: string[] = [];

  constructor(
    readonly baseUrl: string,
    readonly browser: Browser,
    readonly artifacts: string,
    private readonly prefix: string,
  ) {}

  /** A page in its own browser context (own cookies), zh-CN, Asia/Shanghai, downloads allowed. */
  async newPage(viewport: { width: number; height: number }, opts: { mobile?: boolean } = {}): Promise<Page> {
    const ctx = await this.browser.newContext({
      viewport,
      baseURL: this.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
      bypassCSP: true,
      isMobile: opts.mobile ?? false,
      hasTouch: opts.mobile ?? false,
      deviceScaleFactor: 1,
    });
    this.contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => this.pageErrors.push(`${page.url()}: ${e.message}`));
    return page;
  }

  /**
   * Call at every screen the test reaches: waits for the page to settle, runs
   * axe-core and throws on serious or critical violations (printed with their
   * selectors), then saves a full-page screenshot to e2e/artifacts/.
   */
  async check(page: Page, name: string): Promise<void> {
    await settle(page);
    await this.screenshot(page, name);
    const violations = await axe(page);
    const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
    for (const v of violations) {
      const mark = BLOCKING.has(v.impact ?? '') ? '✗' : '·';
      console.log(`    ${mark} axe ${v.impact} ${v.id} on ${name}: ${v.help}`);
      if (BLOCKING.has(v.impact ?? '')) {
        for (const n of v.nodes.slice(0, 8)) {
          console.log(`        ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 3).join(' ').trim() ?? ''}`);
        }
      }
    }
    if (blocking.length) {
      throw new Error(`axe: ${blocking.length} serious/critical violation(s) on ${name} (${page.url()}): ${blocking.map((v) => v.id).join(', ')}`);
    }
  }

  /** Saves a full-page screenshot as e2e/artifacts/<file>-<nn>-<name>.png and returns its path. */
  async screenshot(page: Page, name: string): Promise<string> {
    this.shot += 1;
    const file = join(this.artifacts, `${this.prefix}-${String(this.shot).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Closes every context the steps opened. */
  async close(): Promise<void> {
    await Promise.allSettled(this.contexts.map((c) => c.close()));
  }

  /** Open pages (for failure screenshots). */
  pages(): Page[] {
    return this.contexts.flatMap((c) => c.pages());
  }
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  // antd animates modals and messages in; let transitions finish before axe reads colours.
  await page.waitForTimeout(300);
  // A Select's dropdown closes with an animation after a pick; on a busy machine it can still be in
  // the page when the check starts, and axe then judges a list that is on its way out.
  await page.waitForFunction(() => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'), null, { timeout: 5_000 })
    .catch(() => undefined);
}

async function axe(page: Page): Promise<Violation[]> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!has) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } };
    const res = await w.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}
