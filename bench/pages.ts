// `npm run bench -- pages`: what an official waits for in Chromium (Debian's, through playwright-core) at 1366×768:
// from navigation to the first row of the province dashboard's ranking and of the commune page's villages. The
// first visit loads everything; the next ones have the browser's cache, as an official returning to the page does.
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
        let sent = 0;
        page.on('request', (r) => {
          if (r.method() === 'POST' && new URL(r.url()).pathname === '/graphql') sent++;
        });
        const started = performance.now();
        await page.goto(`${base}${p.path}`, { waitUntil: 'commit' });
        await page.locator(p.first).first().waitFor({ state: 'visible', timeout: 60_000 });
        const ms = performance.now() - started;
        // Queries a panel sends after the first row are counted too: the page is given a moment to send them.
        await page.waitForTimeout(SETTLE_MS);
        posts.push(sent);
        await page.close();
        return ms;
      };
      const first = await visit();
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) times.push(await visit());
      times.sort((a, b) => a - b);
      const load = os.loadavg()[0].toFixed(2);
      console.log(
        `${p.name.padEnd(34)} ${String(ROUNDS).padStart(5)} visits  first ${first.toFixed(0)} ms  ` +
          `p50 ${percentile(times, 50).toFixed(0)} ms  p95 ${percentile(times, 95).toFixed(0)} ms  ` +
          `POST /graphql per load ${Math.min(...posts)}–${Math.max(...posts)}  (load average ${load})`,
      );
    }
  } finally {
    await browser.close();
  }
}
