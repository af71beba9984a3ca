// `npm run bench -- pages`: what an official waits for in Chromium (Debian's, through playwright-core) at 1366×768:
// from the start of the navigation to the first row of the province dashboard's ranking and of the commune page's
// villages (on the page's clock), and how many POST /graphql each load sends. The first visit loads everything (a
// fresh browser, and a stack that has just said it is ready: `npm start` built the snapshots and sent each page's first
// query once, WARM_CACHES=0 measures without); the next ones have the browser's cache, as an official returning to
// the page does. The load average is printed beside the figures: the
// machine is shared.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { percentile } from './load';

const ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 20);
/** How long after the first row a visit waits to count the queries panels send later. */
const SETTLE_MS = Number(process.env.BENCH_PAGE_SETTLE_MS ?? 500);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGES = [
  { name: 'dashboard: first ranking row', path: '/province/23', first: '[data-testid="ranking-row"]' },
  { name: 'commune page: first village row', path: '/commune/C02949', first: '[data-testid="village-row"]' },
];

/**
 * When the first row appears, on the page's own clock: milliseconds from the start of the navigation (as the browser's
 * paint and LCP timings count), noted by a MutationObserver the moment the row is added. Playwright's waitFor polls
 * at growing intervals (up to 500 ms apart) and so adds up to half a second of its own.
 */
function firstRowClock(selector: string): string {
  return `(() => {
    const seen = () => {
      if (window.__firstRowAt || !document.querySelector(${JSON.stringify(selector)})) return false;
      window.__firstRowAt = performance.now();
      return true;
    };
    new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, {
      childList: true,
      subtree: true,
    });
  })();`;
}

/** Builds the pages into a temporary folder the gateway will serve (HUB_WEB_ROOT, read when it starts). */
export function buildPagesForBench(): () => void {
  const out = mkdtempSync(path.join(os.tmpdir(), 'hub-bench-web-'));
  const root = path.join(__dirname, '..', '..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'gateway/web/vite.config.ts'],
    { cwd: root, env: { ...process.env, HUB_WEB_OUT: out }, stdio: 'pipe' },
  );
  process.env.HUB_WEB_ROOT = out;
  return () => rmSync(out, { recursive: true, force: true });
}

export async function measurePages(graphqlUrl: string): Promise<void> {
  const base = graphqlUrl.replace(/\/graphql$/, '');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 768 },
    });
    for (const p of PAGES) {
      const posts: number[] = [];
      const visit = async () => {
        const page = await context.newPage();
        await page.addInitScript(firstRowClock(p.first));
        let sent = 0;
        page.on('request', (r) => {
          if (r.method() === 'POST' && new URL(r.url()).pathname === '/graphql') sent++;
        });
        const started = performance.now();
        await page.goto(`${base}${p.path}`, { waitUntil: 'commit' });
        await page.locator(p.first).first().waitFor({ state: 'visible', timeout: 60_000 });
        const wall = performance.now() - started;
        const shown = await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt);
        // Queries a panel sends after the first row are counted too: the page is given a moment to send them.
        await page.waitForTimeout(SETTLE_MS);
        posts.push(sent);
        await page.close();
        return { shown, wall };
      };
      const first = await visit();
      const visits: Array<{ shown: number; wall: number }> = [];
      for (let i = 0; i < ROUNDS; i++) visits.push(await visit());
      const shown = visits.map((v) => v.shown).sort((a, b) => a - b);
      const wall = visits.map((v) => v.wall).sort((a, b) => a - b);
      const load = os.loadavg()[0].toFixed(2);
      const ms = (x: number) => `${x.toFixed(0)} ms`;
      console.log(
        `${p.name.padEnd(34)} ${String(ROUNDS).padStart(3)} visits  p50 ${ms(percentile(shown, 50))}  ` +
          `p95 ${ms(percentile(shown, 95))}  first visit ${ms(first.shown)}  ` +
          `POST /graphql per load ${Math.min(...posts)}–${Math.max(...posts)}  (load average ${load})\n` +
          `${''.padEnd(34)} as playwright sees it (polls):  p50 ${ms(percentile(wall, 50))}  ` +
          `p95 ${ms(percentile(wall, 95))}  first visit ${ms(first.wall)}`,
      );
    }
  } finally {
    await browser.close();
  }
}
