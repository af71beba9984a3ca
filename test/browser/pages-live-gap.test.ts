import type { Page } from 'playwright-core';
import { type Browser, eventually, startPages, stopPages } from '../support/browser';
import { ok, type TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

/**
 * A page away longer than the server keeps its events (LIVE_REPLAY_RETENTION_HOURS): on reconnecting it is told
 * RELOAD_REQUIRED, loads its figures anew and is live again at once, instead of polling for a minute as if the
 * server had refused live updates altogether.
 */
let stack: TestStack;
let browser: Browser;
let base: string;
let admin: string;

let shown: Shown[] = [];
beforeAll(async () => {
  ({ stack, browser, base } = await startPages());
  shown = await watchWords(browser.context);
  admin = await stack.token('PROVINCE_ADMIN', 'P23');
}, 180_000);
afterAll(() => stopPages({ stack, browser }));

/** Lets the test cut the page's WebSockets and keep new ones from connecting, as a lost signal does. */
const SOCKET_CONTROL = `(() => {
  const Native = window.WebSocket;
  window.__sockets = [];
  window.__blocked = false;
  window.__liveMessages = 0;
  window.WebSocket = function (url, protocols) {
    const ws = new Native(window.__blocked ? 'ws://127.0.0.1:9/blocked' : url, protocols);
    ws.addEventListener('message', (m) => { if (/"type":"next","payload":{"data"/.test(String(m.data))) window.__liveMessages++; });
    window.__sockets.push(ws);
    return ws;
  };
  Object.assign(window.WebSocket, Native);
  window.WebSocket.prototype = Native.prototype;
})();`;

let day = 1;
const submit = (registered: number) =>
  stack.gql(
    `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
    {
      input: {
        reporterId: 'V02949-08',
        reportDate: `2026-01-${String(day++).padStart(2, '0')}`,
        groups: [{ group: 'RESIDENTS', registered, completed: 0, certified: 0 }],
      },
    },
    { token: admin },
  );

const state = (page: Page) => page.locator('[data-testid="live-status"]').getAttribute('data-state');
const liveMessages = (page: Page) =>
  page.evaluate(() => (window as unknown as { __liveMessages: number }).__liveMessages);

it('reloads and goes live again at once when the events it missed are beyond the replay retention', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(SOCKET_CONTROL);
  await page.goto(`${base}/commune/C02949`);
  await eventually(
    () => state(page),
    (s) => expect(s).toBe('live'),
  );
  // One event seen, so the page resubscribes with `after` that event.
  ok(await submit(400));
  await eventually(
    () => liveMessages(page),
    (n) => expect(n).toBeGreaterThan(0),
  );

  // Signal lost; meanwhile a report arrives, and (as if two days passed) its event is older than the retention.
  await page.evaluate(() => {
    const w = window as unknown as { __blocked: boolean; __sockets: WebSocket[] };
    w.__blocked = true;
    for (const ws of w.__sockets) ws.close();
  });
  await eventually(
    () => state(page),
    (s) => expect(s).not.toBe('live'),
  );
  ok(await submit(500));
  await stack.sql(`update reports.outbox_event set created_at = now() - interval '2 days'`);
  const reloads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/graphql')) reloads.push(r.postData() ?? '');
  });
  await page.evaluate(() => void ((window as unknown as { __blocked: boolean }).__blocked = false));

  // Back: told RELOAD_REQUIRED, it reloads its figures and is live again within the reconnect back-off.
  await eventually(
    () => state(page),
    (s) => expect(s).toBe('live'),
    20_000,
  );
  // The socket may say "live" a moment before the refusal arrives and the figures are reloaded.
  await eventually(
    async () => reloads.length,
    (n) => expect(n).toBeGreaterThan(0),
  );
  // And live from now on: the next report reaches it as an event.
  const before = await liveMessages(page);
  ok(await submit(600));
  await eventually(
    () => liveMessages(page),
    (n) => expect(n).toBeGreaterThan(before),
  );
  await page.close();
}, 90_000);

itShowedOfficialsWordsOnly(() => shown);
