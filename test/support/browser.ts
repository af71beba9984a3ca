import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './chromium';

export { CHROMIUM };
import { buildPages } from './pages-build';
import { startTestStack, type TestStack } from './stack';

export { eventually } from './wait';

const ROOT = path.join(__dirname, '..', '..');

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, in Vietnamese and Vietnam's time zone. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'hub-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=vi-VN',
    ],
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where `npm run screenshots` (SCREENSHOTS=1) writes the pictures docs/pages.md shows; null otherwise. */
export function screenshotPath(name: string): string | null {
  return process.env.SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots', `${name}.png`) : null;
}

/** The whole stack, the pages built for it and a browser: what every page test starts with. */
export interface PagesUnderTest {
  stack: TestStack;
  browser: Browser;
  /** The gateway's address, where the pages are served. */
  base: string;
}

export async function startPages(options: Parameters<typeof startTestStack>[0] = {}): Promise<PagesUnderTest> {
  // The browser project's global setup builds the pages once per run; a file run alone outside it builds its own.
  if (!process.env.HUB_WEB_ROOT) process.env.HUB_WEB_ROOT = buildPages();
  const stack = await startTestStack(options);
  return { stack, base: stack.gateway.url.replace(/\/graphql$/, ''), browser: await launchBrowser() };
}

export async function stopPages(pages: Partial<PagesUnderTest>): Promise<void> {
  await pages.browser?.close();
  await pages.stack?.stop();
}

/** A new tab at `path` of the pages (page errors printed to the test's log); `now` fixes the page's clock. */
export async function openPage(browser: Browser, base: string, path: string, now?: Date): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${path}: ${error.message}`));
  if (now) await page.clock.setFixedTime(now);
  await page.goto(`${base}${path}`);
  return page;
}

/** Sends the report form, confirming figures the page finds doubtful (the tests mean them). */
export async function submitConfirming(page: Page): Promise<void> {
  await page.locator('[data-testid="submit"]').click();
  const confirm = page.locator('[data-testid="confirm-doubtful"]');
  if (
    await confirm.waitFor({ timeout: 1_000 }).then(
      () => true,
      () => false,
    )
  )
    await confirm.click();
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it stands, one line each (empty when there are none). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as an inline <script>: the pages' Content-Security-Policy refuses inline scripts.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document);
    return (result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  });
}

/** What each public page shows once its figures are in (a selector to wait for). */
export const PAGE_READY: Readonly<Record<string, string>> = {
  '/': 'main table, main .panel',
  '/province/23': '[data-testid="ranking"] tbody tr, main table tbody tr',
  '/province/23/live': '.wall',
  '/commune/C02949': 'main table tbody tr',
  '/village/V02949-08/report': '[data-testid="report-form"]',
};
