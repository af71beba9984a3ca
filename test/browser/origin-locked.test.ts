import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { startGateway, type RunningGateway } from '../../gateway/main';
import { eventually, openPage, PAGE_READY, startPages, stopPages, type Browser } from '../support/browser';
import { ok, type TestStack } from '../support/stack';

/**
 * The origin that holds the tokens, locked down (issue 21, item 5): every answer (pages, /graphql, /export, assets)
 * carries a Content-Security-Policy without inline script (the pages' one inline script is allowed by its hash),
 * frame-ancestors 'none', nosniff and a Referrer-Policy, and no X-Powered-By; the pages still work under it; the
 * Sandbox's CDN scripts are allowed only on its own page and it is off in production; `?token=` and an invite link
 * never replace a session this device already holds.
 */
let stack: TestStack;
let browser: Browser;
let base: string;

beforeAll(async () => void ({ stack, browser, base } = await startPages()), 180_000);
afterAll(() => stopPages({ stack, browser }));

/** The directives of a CSP header, by name. */
function directives(csp: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

function expectLockedDown(res: Response, what: string): Map<string, string[]> {
  const csp = res.headers.get('content-security-policy');
  expect({ what, csp: csp !== null }).toEqual({ what, csp: true });
  const d = directives(csp);
  expect({ what, frameAncestors: d.get('frame-ancestors') }).toEqual({ what, frameAncestors: ["'none'"] });
  const scripts = d.get('script-src') ?? d.get('default-src') ?? [];
  expect({ what, scripts }).toEqual({ what, scripts: expect.not.arrayContaining(["'unsafe-inline'"]) as unknown });
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts.filter((s) => s.startsWith('http') || s === '*' || s === 'data:')).toEqual([]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  expect({ what, nosniff: res.headers.get('x-content-type-options') }).toEqual({ what, nosniff: 'nosniff' });
  expect(['no-referrer', 'same-origin', 'strict-origin']).toContain(res.headers.get('referrer-policy'));
  expect({ what, poweredBy: res.headers.get('x-powered-by') }).toEqual({ what, poweredBy: null });
  return d;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

it('every answer carries the CSP, frame-ancestors none, nosniff and a Referrer-Policy, and no X-Powered-By', async () => {
  const page = await fetch(`${base}/province/23`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  const html = await page.text();
  const d = expectLockedDown(page, 'a page');
  // The page's inline scripts (the first query, vite.config.ts) run by their hash, and only those.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline.length).toBeGreaterThan(0);
  const hashes = (d.get('script-src') ?? []).filter((s) => s.startsWith("'sha256-"));
  expect(hashes.sort()).toEqual(inline.map(sha256).sort());

  const root = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
  expect(root.status).toBe(200);
  expectLockedDown(root, '/');

  const asset = html.match(/\/assets\/[^"']+\.js/)?.[0];
  expect(asset).toBeDefined();
  expectLockedDown(await fetch(`${base}${asset}`), 'an asset');
  expectLockedDown(await fetch(`${base}/sw.js`), 'the service worker');

  const graphql = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ provinces { code } }' }),
  });
  expect(graphql.status).toBe(200);
  expectLockedDown(graphql, '/graphql');
  const refused = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{' }),
  });
  expectLockedDown(refused, '/graphql refused');

  const xlsx = await fetch(`${base}/export/province/23/ranking.xlsx`);
  expect(xlsx.status).toBe(200);
  expectLockedDown(xlsx, '/export');
  expectLockedDown(await fetch(`${base}/export/province/nowhere/ranking.xlsx`), '/export not found');
  expectLockedDown(await fetch(`${base}/health`), '/health');
  expectLockedDown(await fetch(`${base}/no/such/page`, { headers: { accept: 'text/html' } }), 'not found');
});

it('the Sandbox page allows its CDN scripts only on its own page, and never in a frame', async () => {
  const sandbox = await fetch(stack.gateway.url, { headers: { accept: 'text/html' } });
  expect(sandbox.status).toBe(200);
  const d = directives(sandbox.headers.get('content-security-policy'));
  expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  expect(d.get('script-src')).toContain('https://embeddable-sandbox.cdn.apollographql.com');
  expect(sandbox.headers.get('x-content-type-options')).toBe('nosniff');
  expect(sandbox.headers.get('x-powered-by')).toBeNull();
  expect(d.get('script-src')).not.toContain("'unsafe-inline'");
  // Nothing inline: the embed's settings come from the origin's own script.
  const html = await sandbox.text();
  expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  const script = html.match(/<script src="(\/[^"]+)"/)?.[1];
  expect(script).toBeDefined();
  const js = await fetch(`${base}${script}`);
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toContain('javascript');
  expect(await js.text()).toContain('EmbeddedSandbox');
});

it('in production (NODE_ENV=production) the Sandbox is off: /graphql in a browser loads nothing from a CDN', async () => {
  const previous = process.env.NODE_ENV;
  let gateway: RunningGateway | undefined;
  try {
    process.env.NODE_ENV = 'production';
    gateway = await startGateway({
      port: 0,
      authSecret: stack.authSecret,
      subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([n, s]) => [n, s.url])),
      log: () => undefined,
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
  try {
    const res = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    const body = await res.text();
    expect(body).not.toContain('apollographql.com');
    expect(res.headers.get('content-security-policy') ?? '').not.toContain('apollographql.com');
    expectLockedDown(res, 'production /graphql');
    // The API itself still answers.
    const api = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ provinces { code } }' }),
    });
    expect(api.status).toBe(200);
  } finally {
    await gateway.stop();
  }
}, 60_000);

/** A tab that records every CSP refusal Chromium reports. */
async function watched(path: string): Promise<{ page: Page; refusals: string[] }> {
  const refusals: string[] = [];
  const page = await browser.context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refusals.push(m.text());
  });
  page.on('pageerror', (e) => console.error(`[page error] ${path}: ${e.message}`));
  await page.goto(`${base}${path}`);
  return { page, refusals };
}

const READY: Record<string, string> = {
  ...PAGE_READY,
  '/login': '[data-testid="sign-in"]',
  '/invite': '[data-testid="invite-error"]',
  '/accounts': 'main',
};

it.each(Object.keys(READY))(
  '%s works under the CSP with nothing refused',
  async (path) => {
    const { page, refusals } = await watched(path);
    await page.locator(READY[path]).first().waitFor({ timeout: 30_000 });
    // A chart or the live wall's socket may come a moment later: give them their turn before counting refusals.
    await page.waitForLoadState('networkidle');
    expect(refusals).toEqual([]);
    await page.close();
  },
  60_000,
);

it('an inline script injected into a page does not run, and Chromium says the CSP refused it', async () => {
  const { page, refusals } = await watched('/login');
  await page.locator(READY['/login']).waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.body.append(s);
  });
  expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
  await eventually(
    async () => refusals,
    (r) => expect(r.join('\n')).toContain('script-src'),
  );
  await page.close();
}, 60_000);

async function holdSession(page: Page, token: string): Promise<void> {
  await page.evaluate((t) => {
    localStorage.setItem('bdhvs.token', t);
    localStorage.setItem(
      'bdhvs.session',
      JSON.stringify({
        refreshToken: 'held-refresh',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        name: 'Đinh Thị Lan',
        sub: 'account:held',
        homePath: '/village/V02949-08/report',
        role: 'VILLAGE_REPORTER',
        area: 'V02949-08',
      }),
    );
  }, token);
}

it('a ?token= in the address does not replace the session a signed-in device holds, and leaves the address', async () => {
  const page = await openPage(browser, base, '/login');
  await holdSession(page, 'held-token');
  await page.goto(`${base}/village/V02949-08/report?token=planted-token`);
  await page.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
  expect(await page.evaluate(() => localStorage.getItem('bdhvs.token'))).toBe('held-token');
  expect(new URL(page.url()).searchParams.get('token')).toBeNull();
  await page.close();

  // A device without a session still takes the access code from its link (the form's older way in).
  const fresh = await openPage(browser, base, '/login');
  await fresh.evaluate(() => localStorage.clear());
  await fresh.goto(`${base}/village/V02949-08/report?token=link-token`);
  await fresh.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
  expect(await fresh.evaluate(() => localStorage.getItem('bdhvs.token'))).toBe('link-token');
  await fresh.evaluate(() => localStorage.clear());
  await fresh.close();
}, 60_000);

it('an invite link opened on a signed-in device asks first, and only a click replaces the session', async () => {
  const admin = await stack.token('PROVINCE_ADMIN', 'P23');
  const { createAccount } = ok(
    await stack.gql<{ createAccount: { id: string } }>(
      `mutation ($input: AccountInput!) { createAccount(input: $input) { id } }`,
      {
        input: { login: 'th.planted', name: 'Người Lạ', role: 'VILLAGE_REPORTER', areaId: 'V02949-08', password: null },
      },
      { token: admin },
    ),
  );
  const { createInvite } = ok(
    await stack.gql<{ createInvite: { path: string } }>(
      `mutation ($id: ID!) { createInvite(accountId: $id) { path } }`,
      { id: createAccount.id },
      { token: admin },
    ),
  );
  const page = await openPage(browser, base, '/login');
  await holdSession(page, 'held-token');
  await page.goto(`${base}${createInvite.path}`);
  await page.locator('[data-testid="invite-replace"]').waitFor({ timeout: 30_000 });
  expect(await page.evaluate(() => localStorage.getItem('bdhvs.token'))).toBe('held-token');
  expect(new URL(page.url()).hash).toBe('');
  // The owner of the device chooses: the invite is redeemed only now.
  await page.locator('[data-testid="invite-replace"]').click();
  await page.waitForURL(`${base}/village/V02949-08/report`, { timeout: 30_000 });
  await eventually(
    () => page.evaluate(() => localStorage.getItem('bdhvs.token')),
    (t) => expect(t).not.toBe('held-token'),
  );
  await page.evaluate(() => localStorage.clear());
  await page.close();
}, 60_000);
