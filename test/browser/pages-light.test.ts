import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { axeViolations, type Browser, PAGE_READY, startPages, stopPages } from '../support/browser';
import type { TestStack } from '../support/stack';
import { firstQueries, warmedPaths } from '../../scripts/warm-pages';

/**
 * Light pages officials can use: answers compressed when the browser asks (and only then), one query per page load,
 * no horizontal scrolling on a 390×844 phone, no axe-core violations, and no developer words on any page.
 */
let stack: TestStack;
let browser: Browser;
let base: string;

beforeAll(async () => void ({ stack, browser, base } = await startPages()), 180_000);
afterAll(() => stopPages({ stack, browser }));

const PAGES = ['/', '/province/23', '/province/23/live', '/commune/C02949', '/village/V02949-08/report'];
const READY = PAGE_READY;

function raw(
  path: string,
  options: { method?: string; body?: string; encoding?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      {
        method: options.method ?? 'GET',
        headers: {
          ...(options.encoding ? { 'accept-encoding': options.encoding } : {}),
          ...(options.body ? { 'content-type': 'application/json' } : {}),
          accept: 'text/html,application/json,*/*',
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

it('compresses pages, assets and GraphQL answers as the browser asks, and nothing when it does not', async () => {
  // index.html is under the 1 KB worth compressing; its assets and answers are not.
  const page = await raw('/province/23', { encoding: 'br, gzip' });
  const html = (page.headers['content-encoding'] === 'br' ? brotliDecompressSync(page.body) : page.body).toString();
  expect(html).toContain('<div id="app">');
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const asset = await raw(script!, { encoding: 'gzip' });
  expect(asset.headers['content-encoding']).toBe('gzip');
  // Named by their hash: kept by the browser for a year without asking again; the page itself is always asked.
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(page.headers['cache-control']).toBe('no-cache');
  const plain = await raw(script!);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(gunzipSync(asset.body).equals(plain.body)).toBe(true);
  expect(asset.body.length).toBeLessThan(plain.body.length / 2);

  const body = JSON.stringify({ query: '{ provinces { code name communes { id name } } }' });
  const answer = await raw('/graphql', { method: 'POST', body, encoding: 'gzip, deflate, br' });
  expect(answer.status).toBe(200);
  expect(answer.headers['content-encoding']).toBe('br');
  const data = JSON.parse(brotliDecompressSync(answer.body).toString('utf8')) as { data?: unknown };
  expect(data.data).toBeTruthy();
}, 60_000);

async function open(
  path: string,
  viewport = { width: 1366, height: 768 },
): Promise<{ page: Page; posts: () => number }> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  let posts = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST') posts++;
  });
  page.on('pageerror', (error) => console.error(`[page error] ${path}: ${error.message}`));
  await page.goto(`${base}${path}`);
  await page.locator(READY[path]).first().waitFor({ timeout: 30_000 });
  // A page that goes live has settled once its subscription is open: a page that loaded itself again on connecting
  // would have sent that query by then.
  const status = page.locator('[data-testid="live-status"]');
  if (await status.count()) await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
  return { page, posts: () => posts };
}

it.each(PAGES)(
  '%s: fits a 390×844 phone without horizontal scrolling',
  async (path) => {
    const { page } = await open(path, { width: 390, height: 844 });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // Elements past the right edge with nothing between them and the page that scrolls or clips.
      const unclipped = (el: Element) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') return false;
        }
        return true;
      };
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && unclipped(el))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { scroll: document.documentElement.scrollWidth, width, wide };
    });
    // The page itself must not scroll sideways (inside a scrolling table is fine). What sticks out is named; an
    // absolutely placed element can widen the page from inside a scrolling box, so the width is checked too.
    expect(overflow.scroll > overflow.width ? overflow.wide : []).toEqual([]);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
    await page.close();
  },
  60_000,
);

/** An internal directive id ("2027-skhcn-bcvt-cds-2025") where the letter number belongs. */
const DIRECTIVE_ID = /\b\d{4}-[a-z]+(-[a-z0-9]+)+\b/;
/** Words of developers, not officials. */
const LEAKS = [
  /npm run/,
  /\btoken\b/i,
  /(PROVINCE|COMMUNE|VILLAGE|UNIT)_(ADMIN|VIEWER|OFFICER|REPORTER)/,
  DIRECTIVE_ID,
  /\b\d{4}-\d{2}-\d{2}\b/,
  /Bearer|Authorization|undefined|null\b|NaN/,
  /\/graphql\b|\bAPI\b/,
];

it.each(PAGES)(
  '%s: axe-core finds no violations, one query per load and no developer words on the page',
  async (path) => {
    const { page, posts } = await open(path);
    expect(await axeViolations(page)).toEqual([]);
    // One POST /graphql per load: the dashboard's and the commune page's panels come in the page's one query
    // (started by index.html before the bundle), and opening the live subscription does not load it again.
    expect(posts()).toBe(1);
    const text = await page.evaluate(() => {
      const parts = [document.body.innerText];
      for (const el of document.querySelectorAll('input, textarea')) {
        parts.push(
          (el as HTMLInputElement).placeholder,
          el.getAttribute('aria-label') ?? '',
          el.getAttribute('title') ?? '',
        );
      }
      return parts.join('\n');
    });
    for (const leak of LEAKS) expect(text).not.toMatch(leak);
    // Words glued where a template's line break swallowed the space ("11/12/2026:0 đúng hạn ·42", ":908người").
    expect(text).not.toMatch(/\/\d{4}:\S|·[^\s]|\d(?:người|đúng hạn|trễ hạn|chưa)/);
    await page.close();
  },
  60_000,
);

it.each(['/province/23', '/commune/C02949'])(
  '%s: npm start warms the gateway with the very query the page sends (scripts/warm-pages.ts)',
  async (path) => {
    const page = await browser.context.newPage();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/graphql') sent.push(r.postData() ?? '');
    });
    await page.goto(`${base}${path}`);
    await page.waitForSelector(READY[path], { timeout: 30_000 });
    const html = readFileSync(join(process.env.HUB_WEB_ROOT!, 'index.html'), 'utf8');
    const warmed = firstQueries(html, [path]);
    expect(warmed).toHaveLength(1);
    expect(JSON.parse(warmed[0])).toEqual(JSON.parse(sent[0]));
    expect(warmedPaths({})).toEqual(['/province/23', '/commune/C02949']);
    expect(warmedPaths({ WARM_PAGES: '' })).toEqual([]);
    await page.close();
  },
  60_000,
);

it.each([
  ['/province/23', '[data-testid="ranking-row"]'],
  ['/commune/C02949', '[data-testid="friday-chase"] tbody tr'],
  ['/village/V02949-08/report', '[data-testid="report-form"] input'],
])(
  '%s: what the page is for starts in the first screen at 1366×768',
  async (path, first) => {
    const { page } = await open(path);
    const box = await page.locator(first).first().boundingBox();
    expect(box).not.toBeNull();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    await page.close();
  },
  60_000,
);

it('the keyboard: skip links first, then the ranking in one press, and every control shows its focus', async () => {
  const { page } = await open('/province/23');
  await page.keyboard.press('Tab');
  const first = page.locator(':focus');
  expect(await first.textContent()).toBe('Chuyển đến nội dung chính');
  const links = await page.locator('.skip-links a').allTextContents();
  expect(links).toEqual(
    expect.arrayContaining(['Chuyển đến: Bảng xếp hạng', 'Chuyển đến: Báo cáo định kỳ của các xã']),
  );
  // Tab to the ranking's skip link, follow it: the next Tab lands in the ranking, not 300 links later.
  await page.keyboard.press('Tab');
  expect(await page.locator(':focus').textContent()).toBe('Chuyển đến: Bảng xếp hạng');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const inRanking = await page.evaluate(() => !!document.activeElement?.closest('#ranking'));
  expect(inRanking).toBe(true);
  // A sort button reached by the keyboard is outlined (its reset style once hid the focus).
  const sort = page.locator('[data-testid="ranking-table"] th button').first();
  await sort.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const outline = await sort.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: style.outlineWidth, focused: document.activeElement === el };
  });
  expect(outline.focused).toBe(true);
  expect(outline.style).not.toBe('none');
  expect(outline.width).not.toBe('0px');
  await page.close();
}, 60_000);
