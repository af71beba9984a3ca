import type { Page } from 'playwright-core';
import { openPage, eventually, startPages, stopPages, type Browser, submitConfirming } from '../support/browser';
import { signToken } from '../../shared/auth';
import { createBaToOfficer } from '../support/commune-officer';
import type { TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

/**
 * Signing in, in Chromium against the whole stack: a commune officer at /login lands on the commune page, makes an
 * account and an invite link (with its QR code) for a village head, signs out; the village head opens the link and
 * lands on the report form signed in, and sends a report with it. The link works once.
 */
const BA_TO = 'C02949';
const XA_RAU = 'V02949-08';

let stack: TestStack;
let browser: Browser;
let base: string;

let shown: Shown[] = [];
beforeAll(async () => {
  ({ stack, base, browser } = await startPages());
  shown = await watchWords(browser.context);
  await createBaToOfficer(stack);
}, 180_000);

afterAll(() => stopPages({ stack, browser }));

const open = (path: string): Promise<Page> => openPage(browser, base, path);

const reports = async () =>
  Number(
    (
      await stack.sql<{ n: string }>('select count(*) as n from reports.unit_report where reporter_id = $1', [XA_RAU])
    )[0].n,
  );

let inviteLink = '';

it('a commune officer signs in at /login, reaches the commune page, and makes an invite for a village head', async () => {
  const page = await open('/login');
  await page.locator('[data-testid="login"]').fill('cb.bato');
  await page.locator('[data-testid="password"]').fill('sai-mat-khau');
  await page.locator('[data-testid="sign-in"]').click();
  await eventually(
    () => page.locator('[data-testid="login-error"]').textContent(),
    (v) => expect(v).toBe('Tên đăng nhập hoặc mật khẩu không đúng'),
  );
  await page.locator('[data-testid="password"]').fill('ba-to-2025!');
  await page.locator('[data-testid="sign-in"]').click();
  await page.waitForURL(`${base}/commune/${BA_TO}`, { timeout: 30_000 });
  await eventually(
    () => page.locator('[data-testid="account-menu"]').textContent(),
    (v) => expect(v).toContain('Đinh Văn Hùng'),
  );

  // The accounts are one click from the page the officer lands on.
  await page.locator('[data-testid="accounts-link"]').click();
  await page.waitForURL(`${base}/accounts`);
  await page.locator('[data-testid="account-choice"] option[value="VILLAGE_REPORTER V02949-08"]').waitFor({
    state: 'attached',
    timeout: 30_000,
  });
  await page.locator('[data-testid="account-name"]').fill('Đinh Thị Lan');
  await page.locator('[data-testid="account-login"]').fill('th.xarau');
  await page.locator('[data-testid="account-choice"]').selectOption(`VILLAGE_REPORTER ${XA_RAU}`);
  await page.locator('[data-testid="create-account"]').click();
  const row = page.locator('[data-testid="accounts"] tr[data-login="th.xarau"]');
  await row.waitFor({ timeout: 15_000 });
  await row.locator('[data-testid="make-invite"]').click();
  await page.locator('[data-testid="invite-qr"] svg').waitFor({ timeout: 15_000 });
  inviteLink = await page.locator('[data-testid="invite-link"]').inputValue();
  expect(inviteLink).toMatch(new RegExp(`^${base}/invite#[A-Za-z0-9_-]{20,}$`));
  // Copied in one click, to paste into a message to the village head.
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.locator('[data-testid="invite-copy"]').click();
  await eventually(
    () => page.locator('[data-testid="invite-copied"]').textContent(),
    (v) => expect(v).toMatch(/^Đã sao chép đường dẫn/),
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inviteLink);
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/VILLAGE_REPORTER|COMMUNE_OFFICER|V02949|token|npm/);

  await page.locator('[data-testid="sign-out"]').click();
  await page.waitForURL(`${base}/login`);
  expect(await page.evaluate("localStorage.getItem('bdhvs.session')")).toBeNull();
  await page.close();
}, 120_000);

it('a village head opens the invite link and lands on the report form signed in, once', async () => {
  const before = await reports();
  const page = await open(new URL(inviteLink).pathname + new URL(inviteLink).hash);
  await page.waitForURL(`${base}/village/${XA_RAU}/report`, { timeout: 30_000 });
  await page.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
  expect(await page.locator('[data-testid="account-menu"]').textContent()).toContain('Đinh Thị Lan');
  // Signed in, the form sends as the account: no access code to paste.
  expect(await page.locator('[data-testid="signed-in-as"]').textContent()).toContain('Đinh Thị Lan');
  expect(await page.locator('[data-testid="token"]').count()).toBe(0);

  // A day later, with the access token expired: a report queued without signal is sent with a refreshed token.
  const sub = await page.evaluate<string>("JSON.parse(localStorage.getItem('bdhvs.session')).sub");
  const expired = await signToken(
    stack.authSecret,
    { sub, name: 'Đinh Thị Lan', role: 'VILLAGE_REPORTER', area: XA_RAU },
    {
      ttlSeconds: 1,
    },
  );
  stack.advanceClock(2_000); // the gateway's clock: that token is over, without waiting for it
  // The page opens with the expired token (the session still looks fresh, so nothing renews it yet)…
  await page.evaluate((token) => localStorage.setItem('bdhvs.token', token), expired);
  await page.reload();
  await page.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
  // …then the signal goes, and meanwhile the session reaches its end.
  await browser.context.setOffline(true);
  await page.evaluate(() => {
    window.dispatchEvent(new Event('offline'));
    const session = JSON.parse(localStorage.getItem('bdhvs.session')!) as Record<string, unknown>;
    localStorage.setItem('bdhvs.session', JSON.stringify({ ...session, expiresAt: new Date(0).toISOString() }));
  });
  await page.locator('[data-testid="groups.RESIDENTS.registered"]').fill('3');
  await page.locator('[data-testid="groups.RESIDENTS.completed"]').fill('2');
  await page.locator('[data-testid="groups.RESIDENTS.certified"]').fill('1');
  await submitConfirming(page);
  await page.locator('[data-testid="form-message"][data-kind="queued"]').waitFor();
  expect(await reports()).toBe(before); // still queued
  await browser.context.setOffline(false);
  await eventually(reports, (n) => expect(n).toBe(before + 1), 20_000);
  expect(await page.evaluate("localStorage.getItem('bdhvs.token')")).not.toBe(expired);
  await page.close();

  // The same link a second time: a clear sentence and a way to sign in, not the form.
  await browser.context.clearCookies();
  const again = await open(new URL(inviteLink).pathname + new URL(inviteLink).hash);
  // This device is still signed in: the link asks before it replaces the session (test/browser/origin-locked.test.ts).
  await again.locator('[data-testid="invite-replace"]').click();
  await eventually(
    () => again.locator('[data-testid="invite-error"]').textContent(),
    (v) => expect(v).toContain('Đường dẫn mời đã được dùng hoặc đã hết hạn'),
  );
  await again.close();
}, 120_000);

it('a commune page left open past its access token’s end still drafts the report: the session is renewed first', async () => {
  const page = await open('/login');
  await page.locator('[data-testid="login"]').fill('cb.bato');
  await page.locator('[data-testid="password"]').fill('ba-to-2025!');
  await page.locator('[data-testid="sign-in"]').click();
  await page.waitForURL(`${base}/commune/${BA_TO}`, { timeout: 30_000 });
  // The page opens with an access token of this account that ends in a few seconds, as a day's token ends while an
  // officer keeps the page open; the panels keep the token they were drawn with.
  const sub = await page.evaluate<string>("JSON.parse(localStorage.getItem('bdhvs.session')).sub");
  const shortLived = await signToken(
    stack.authSecret,
    { sub, name: 'Đinh Văn Hùng', role: 'COMMUNE_OFFICER', area: BA_TO },
    { ttlSeconds: 4 },
  );
  await page.evaluate((token) => localStorage.setItem('bdhvs.token', token), shortLived);
  await page.reload();
  const request = page.getByTestId('report-request');
  await request.waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem('bdhvs.session')!) as Record<string, unknown>;
    localStorage.setItem('bdhvs.session', JSON.stringify({ ...session, expiresAt: new Date(0).toISOString() }));
  });
  stack.advanceClock(5_000); // the gateway's clock: the token has ended
  const options = await request.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  await request.selectOption(options.find((v) => v !== '')!);
  await page.getByTestId('report-draft').click();
  await page.getByTestId('commune-report').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('commune-report').getAttribute('data-status')).toBe('DRAFT');
  expect(await page.evaluate("localStorage.getItem('bdhvs.token')")).not.toBe(shortLived);
  await page.close();
}, 120_000);

it('the province admin signs in, lands on the dashboard and reaches the accounts in one click', async () => {
  const admin = await stack.token('PROVINCE_ADMIN', 'P23');
  const created = await stack.gql(
    `mutation ($input: AccountInput!) { createAccount(input: $input) { id } }`,
    {
      input: {
        login: 'tinh.qn',
        name: 'Nguyễn Thị Lan',
        role: 'PROVINCE_ADMIN',
        areaId: 'P23',
        password: 'quang-ngai-2025!',
      },
    },
    { token: admin },
  );
  expect(created.errors).toBeUndefined();
  const page = await open('/login');
  await page.locator('[data-testid="login"]').fill('tinh.qn');
  await page.locator('[data-testid="password"]').fill('quang-ngai-2025!');
  await page.locator('[data-testid="sign-in"]').click();
  await page.waitForURL(`${base}/province/23`, { timeout: 30_000 });
  await page.locator('[data-testid="ranking-row"]').first().waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="accounts-link"]').click();
  await page.waitForURL(`${base}/accounts`);
  await page.locator('[data-testid="account-choice"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="sign-out"]').click();
  await page.waitForURL(`${base}/login`);
  await page.close();
}, 60_000);

itShowedOfficialsWordsOnly(() => shown);
