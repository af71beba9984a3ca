import type { Page } from 'playwright-core';
import { type Browser, eventually, startPages, stopPages } from '../support/browser';
import type { TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

/** The national overview at `/`, in a real browser against the whole stack. */
let stack: TestStack;
let browser: Browser;
let base: string;

let shown: Shown[] = [];
beforeAll(async () => {
  ({ stack, browser, base } = await startPages());
  shown = await watchWords(browser.context);
}, 180_000);
afterAll(() => stopPages({ stack, browser }));

const rows = (page: Page) => page.locator('[data-testid="nation-row"]');
const unranked = (page: Page) => page.locator('[data-testid="nation-unranked-row"]');

it('the root ranks the provinces with figures and lists the 34’s others, searchable without diacritics, each linking to its dashboard', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${base}/`);
  await eventually(
    async () => [await rows(page).count(), await unranked(page).count()],
    (v) => expect(v).toEqual([1, 33]),
    30_000,
  );
  expect(new URL(page.url()).pathname).toBe('/');
  // Quảng Ngãi, the only province with figures in the test data, is the only one ranked.
  expect(await rows(page).first().locator('td').nth(1).textContent()).toBe('Quảng Ngãi');
  await page.locator('[data-testid="nation-search"]').fill('ha noi');
  await eventually(
    async () => [await rows(page).count(), await unranked(page).allTextContents()],
    (v) => expect(v).toEqual([0, [expect.stringContaining('Hà Nội')]]),
  );
  await unranked(page).first().locator('a').click();
  await eventually(
    () => page.locator('h1').textContent(),
    (v) => expect(v).toContain('Hà Nội'),
  );
  expect(new URL(page.url()).pathname).toBe('/province/01');
});

itShowedOfficialsWordsOnly(() => shown);
