import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, openPage, PAGE_READY, startPages, stopPages, type PagesUnderTest } from '../support/browser';

/**
 * The pages' service worker (gateway/web/sw/sw.ts, vite-plugin-pwa): it keeps every file of the build, lazily loaded
 * chunks included, in a cache named by the build's version; a new build's worker waits until the page, which says
 * "Có phiên bản mới — Tải lại", is reloaded, and then the other versions' caches go.
 */
let pages: PagesUnderTest;
const FORM = '/village/V02949-08/report';

beforeAll(async () => {
  pages = await startPages();
}, 180_000);
afterAll(() => stopPages(pages));

/** Each cache of the page's origin with the paths it holds. */
const cachesOf = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys())
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    return out;
  });

async function controlledForm(): Promise<Page> {
  const page = await openPage(pages.browser, pages.base, FORM);
  await page.locator(PAGE_READY[FORM]).waitFor({ timeout: 30_000 });
  await eventually(
    () => page.evaluate(() => navigator.serviceWorker.controller !== null),
    (controlled) => expect(controlled).toBe(true),
    30_000,
  );
  return page;
}

it('keeps every file of the build, lazily loaded chunks included, in one cache named by the version', async () => {
  const root = process.env.HUB_WEB_ROOT!;
  const assets = readdirSync(path.join(root, 'assets'));
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  // chart.js and qrcode are loaded only when a page draws a chart or an invitation's code.
  const lazy = assets.filter((f) => f.endsWith('.js') && !html.includes(f));
  expect(lazy.length).toBeGreaterThanOrEqual(2);

  const page = await controlledForm();
  const kept = await eventually(
    () => cachesOf(page),
    (c) => expect(Object.values(c)[0]?.length ?? 0).toBeGreaterThan(assets.length),
  );
  expect(Object.keys(kept)).toEqual([expect.stringMatching(/^bdhvs-pages-[0-9a-z]+$/)]);
  const files = Object.values(kept)[0];
  expect(files).toEqual(
    expect.arrayContaining(['/', '/manifest.webmanifest', '/icon.svg', ...assets.map((f) => `/assets/${f}`)]),
  );
  for (const chunk of lazy) expect(files).toContain(`/assets/${chunk}`);
  await page.close();
}, 90_000);

it('shows "Có phiên bản mới — Tải lại" for a new build, and reloading takes it with a new cache, the old gone', async () => {
  const page = await controlledForm();
  const before = Object.keys(await cachesOf(page));
  expect(before).toHaveLength(1);
  expect(await page.locator('[data-testid="update-prompt"]').count()).toBe(0);
  // The hand-written worker's cache, as a phone that had it still holds.
  await page.evaluate(() => caches.open('bdhvs-pages-v1').then((c) => c.put('/old', new Response('old'))));

  // A new build: one file changed (the manifest's revision), so its worker's file list and version differ.
  const sw = path.join(process.env.HUB_WEB_ROOT!, 'sw.js');
  const text = readFileSync(sw, 'utf8');
  const changed = text.replace(/("revision":")[0-9a-f]+(","url":"manifest\.webmanifest")/, `$1${'0'.repeat(32)}$2`);
  expect(changed).not.toBe(text);
  writeFileSync(sw, changed);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

  const prompt = page.locator('[data-testid="update-prompt"]');
  await prompt.waitFor({ timeout: 30_000 });
  expect(await prompt.textContent()).toBe('Có phiên bản mới — Tải lại');
  // Until then the page keeps the build it has.
  expect(Object.keys(await cachesOf(page))).toEqual(expect.arrayContaining(before));

  await Promise.all([
    page.waitForEvent('load', { timeout: 30_000 }),
    page.locator('[data-testid="update-reload"]').click(),
  ]);
  await page.locator(PAGE_READY[FORM]).waitFor({ timeout: 30_000 });
  const after = await eventually(
    () => cachesOf(page),
    (c) => expect(Object.keys(c)).toHaveLength(1),
  );
  const [name] = Object.keys(after);
  expect(name).toMatch(/^bdhvs-pages-[0-9a-z]+$/);
  expect(name).not.toBe(before[0]);
  expect(await page.locator('[data-testid="update-prompt"]').count()).toBe(0);
  await page.close();
}, 120_000);
