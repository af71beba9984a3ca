import type { Page } from 'playwright-core';
import { type Browser, eventually, startPages, stopPages, submitConfirming } from '../support/browser';
import { startRelay, type Relay } from '../support/relay';
import type { TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

/**
 * The report form as an installable offline app: it opens with no signal after a reload (service worker), keeps a
 * report through reloads and sends it exactly once when the signal returns, never polls, and keeps a report the
 * server refuses — with the reason and its figures — to fix and resend.
 */
let stack: TestStack;
let browser: Browser;
let relay: Relay;
const village = 'V02949-08';

let shown: Shown[] = [];
beforeAll(async () => {
  ({ stack, browser } = await startPages());
  shown = await watchWords(browser.context);
  relay = await startRelay(stack.gateway.url);
}, 180_000);
afterAll(async () => {
  await relay?.close();
  await stopPages({ stack, browser });
});

async function openForm(query = ''): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] form: ${error.message}`));
  await page.goto(`${relay.url}/village/${village}/report${query}`);
  await page.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
  return page;
}

/** Raises the first group's "registered" by one (a plausible weekly change) and sends, confirming any doubt. */
async function sendOneMore(page: Page): Promise<void> {
  const input = page.locator('[data-testid="groups.RESIDENTS.registered"]');
  const now = Number((await input.inputValue()).replace(/\./g, '') || '0');
  await input.fill(String(now + 1));
  await submitConfirming(page);
}

const outboxKeys = (page: Page) =>
  page.evaluate(() =>
    (JSON.parse(localStorage.getItem('bdhvs.outbox') ?? '[]') as { input: { idempotencyKey: string } }[]).map(
      (i) => i.input.idempotencyKey,
    ),
  );

const reportsWithKey = async (key: string) =>
  Number(
    (
      await stack.sql<{ n: string }>('select count(*) as n from reports.unit_report where idempotency_key = $1', [key])
    )[0].n,
  );

it('opens with no signal after a reload, keeps a report through reloads and sends it once when back', async () => {
  const token = await stack.token('VILLAGE_REPORTER', village);
  const page = await openForm(`?token=${token}`);
  // The manifest makes it installable; the service worker takes the page over.
  expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
  await eventually(
    () => page.evaluate(() => navigator.serviceWorker.controller !== null),
    (controlled) => expect(controlled).toBe(true),
    30_000,
  );

  relay.down();
  await browser.context.setOffline(true);
  await page.reload();
  await page.locator('[data-testid="report-form"]').waitFor({ timeout: 15_000 });
  expect(await page.locator('[data-testid="offline-note"]').textContent()).toContain('Không có mạng');
  expect(await page.locator('body').textContent()).not.toContain('Đang kết nối lại');

  await sendOneMore(page);
  await eventually(
    () => page.locator('[data-testid="outbox"]').textContent(),
    (v) => expect(v).toContain('Đang chờ gửi 1 báo cáo'),
  );
  const [key] = await outboxKeys(page);
  // Through a reload and a new tab with no signal, the report is still there.
  await page.reload();
  await page.locator('[data-testid="outbox"]').waitFor({ timeout: 15_000 });
  await page.close();
  const again = await openForm();
  expect(await outboxKeys(again)).toEqual([key]);
  expect(await reportsWithKey(key)).toBe(0);

  relay.up();
  await browser.context.setOffline(false);
  await eventually(
    () => again.locator('[data-testid="form-message"]').textContent(),
    (v) => expect(v).toContain('Đã gửi báo cáo'),
    20_000,
  );
  expect(await outboxKeys(again)).toEqual([]);
  expect(await reportsWithKey(key)).toBe(1);
  // Sent once: a reload does not send it again.
  await again.reload();
  await again.locator('[data-testid="report-form"]').waitFor();
  expect(await reportsWithKey(key)).toBe(1);
  await again.close();
}, 120_000);

it('loads the form with one query and polls nothing afterwards', async () => {
  const page = await browser.context.newPage();
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST') posts.push(r.postData() ?? '');
  });
  // The page's own clock, run ten minutes ahead once the form is up: any polling timer would have fired by then.
  await page.clock.install();
  await page.goto(`${relay.url}/village/${village}/report`);
  await page.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
  await page.clock.runFor(10 * 60_000);
  expect(posts).toHaveLength(1);
  expect(await page.locator('[data-testid="live-status"]').count()).toBe(0);
  await page.close();
}, 60_000);

it('keeps a refused report visible with the reason and its figures, to fix and resend', async () => {
  // An access code the server refuses for this village (one for the next village over; an expired one reads the same).
  const wrong = await stack.token('VILLAGE_REPORTER', 'V02949-01');
  let page = await openForm(`?token=${wrong}`);
  await sendOneMore(page);
  const refused = page.locator('[data-testid="refused"]');
  await refused.waitFor({ timeout: 15_000 });
  const [key] = await outboxKeys(page);
  // A page the writer left and came back to still shows it: nothing is dropped.
  await page.close();
  page = await openForm();
  const box = page.locator('[data-testid="refused"]');
  await box.first().waitFor({ timeout: 15_000 });
  expect(await box.count()).toBe(1);
  const reasons = (await box.locator('[data-testid="refused-reasons"]').textContent()) ?? '';
  expect(reasons).toContain('Mã gửi báo cáo đã hết hạn');
  expect(reasons).not.toMatch(/token|Bearer|VILLAGE_REPORTER|expired/);
  expect(await box.locator('[data-testid="refused-figures"]').textContent()).toContain('đăng ký');
  expect(await outboxKeys(page)).toEqual([key]);

  // A new access code from the commune, then fix and resend: sent once, the refused one gone.
  const fresh = await stack.token('VILLAGE_REPORTER', village);
  await page.locator('[data-testid="token"]').fill(fresh);
  await page.locator('[data-testid="token"]').press('Tab');
  await box.locator('[data-testid="refused-fix"]').click();
  await submitConfirming(page);
  await eventually(
    () => page.locator('[data-testid="form-message"]').textContent(),
    (v) => expect(v).toContain('Đã gửi báo cáo'),
    20_000,
  );
  expect(await page.locator('[data-testid="refused"]').count()).toBe(0);
  expect(await outboxKeys(page)).toEqual([]);
  expect(await reportsWithKey(key)).toBe(0);
  await page.close();
}, 120_000);

it('a report refused while the writer is on another page is told there, with the way back to the form', async () => {
  const wrong = await stack.token('VILLAGE_REPORTER', 'V02949-01');
  const form = await openForm(`?token=${wrong}`);
  await form.evaluate(() => localStorage.removeItem('bdhvs.outbox'));
  relay.down();
  await browser.context.setOffline(true);
  await sendOneMore(form);
  await eventually(
    () => form.locator('[data-testid="outbox"]').textContent(),
    (v) => expect(v).toContain('Đang chờ gửi 1 báo cáo'),
  );
  await form.close();
  // Back online on the commune page: that page's outbox sends the report, the hub refuses it, the page says so.
  relay.up();
  await browser.context.setOffline(false);
  const page = await browser.context.newPage();
  await page.goto(`${relay.url}/commune/C02949`);
  const notice = page.getByTestId('refused-notice');
  await notice.waitFor({ timeout: 30_000 });
  expect(await notice.textContent()).toMatch(
    /^Báo cáo ngày \d{2}\/\d{2}\/\d{4} gửi từ máy này chưa được nhận: Mã gửi báo cáo/,
  );
  await notice.getByRole('link').click();
  await page.locator('[data-testid="refused"]').waitFor({ timeout: 15_000 });
  expect(new URL(page.url()).pathname).toBe(`/village/${village}/report`);
  // On the form itself the reasons stand beside the figures: no second notice above them.
  expect(await page.getByTestId('refused-notice').count()).toBe(0);
  await page.evaluate(() => localStorage.removeItem('bdhvs.outbox'));
  await page.close();
}, 120_000);

itShowedOfficialsWordsOnly(() => shown);
