import type { Page } from 'playwright-core';
import {
  openPage,
  type Browser,
  eventually,
  screenshotPath,
  startPages,
  stopPages,
  submitConfirming,
} from '../support/browser';
import { ok, type TestStack } from '../support/stack';
import { todayInVietnam } from '../../shared/pure/dates';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

/**
 * The pages people use, in a real browser (Debian's Chromium through playwright-core) against the whole stack:
 * the province dashboard, its live updates, the commune page of Ba Tô, the wall screen and the village report form
 * (including a report queued while offline and sent once when the connection returns).
 */
let stack: TestStack;
let browser: Browser;
let base: string;

let shown: Shown[] = [];
beforeAll(async () => {
  ({ stack, browser, base } = await startPages());
  shown = await watchWords(browser.context);
}, 180_000);
afterAll(() => stopPages({ stack, browser }));

const open = (path: string): Promise<Page> => openPage(browser, base, path);

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const file = screenshotPath(name);
  if (!file) return;
  await page.waitForTimeout(500); // a picture for the docs: let the chart finish drawing
  await page.screenshot({ path: file, fullPage });
}

const rows = (page: Page) => page.locator('[data-testid="ranking-row"]');

it('the province dashboard shows every commune ranked, searchable without diacritics', async () => {
  const page = await open('/province/23'); // the root is the national overview (test/browser/nation-pages.test.ts)
  await eventually(
    () => rows(page).count(),
    (v) => expect(v).toBe(96),
    30_000,
  );
  await eventually(
    () => page.locator('h1').textContent(),
    (v) => expect(v).toContain('Quảng Ngãi'),
  );
  // Vietnamese numbers: 1.234 and 1,53%.
  const learners = await page.locator('[data-testid="province-learners"]').textContent();
  expect(learners).toMatch(/^\d{1,3}(\.\d{3})+$/);
  expect(await rows(page).first().locator('td').nth(5).textContent()).toMatch(/^\d+,\d{2}\s?%$/);
  await eventually(
    () => page.locator('[data-testid="live-status"]').textContent(),
    (v) => expect(v).toMatch(/Cập nhật lúc \d{2}:\d{2}:\d{2}/),
  );
  await shot(page, 'province-dashboard');

  await page.locator('[data-testid="ranking-search"]').fill('ba to');
  await eventually(
    () => rows(page).count(),
    (v) => expect(v).toBeGreaterThanOrEqual(2),
  );
  const names = await rows(page).locator('td:nth-child(2)').allTextContents();
  expect(names).toEqual(expect.arrayContaining(['Ba Tô', 'Ba Tơ']));

  // Sorting by learners, most first.
  await page.locator('[data-testid="ranking-search"]').fill('');
  await page.getByRole('button', { name: /Người học/ }).click();
  const learnersColumn = (await rows(page).locator('td:nth-child(4)').allTextContents()).map((t) =>
    Number(t.replace(/\./g, '')),
  );
  expect(learnersColumn).toEqual([...learnersColumn].sort((a, b) => b - a));
  await page.close();
});

it('a population correction made through the API moves a row on the open page, without a reload', async () => {
  const page = await open('/province/23');
  await eventually(
    () => rows(page).count(),
    (v) => expect(v).toBe(96),
    30_000,
  );
  await page.evaluate('window.__sameDocument = true');
  const last = rows(page).last();
  const communeId = (await last.getAttribute('data-commune-id'))!;
  expect(await last.getAttribute('data-position')).toBe('96');
  const { commune } = ok(
    await stack.gql<{ commune: { progress: { learners: number } } }>(
      'query($id: ID!) { commune(id: $id) { progress { learners } } }',
      { id: communeId },
    ),
  );

  // The commune's adults were over-counted: the real figure makes its rate jump.
  const token = await stack.token('PROVINCE_ADMIN', 'P23');
  ok(
    await stack.gql(
      'mutation($id: ID!, $p: PopulationInput!) { recordPopulation(areaId: $id, population: $p, reason: "Rà soát dân số thực tế") { id } }',
      { id: communeId, p: { asOf: todayInVietnam(), adults: Math.max(1, commune.progress.learners * 2) } },
      { token },
    ),
  );

  const row = page.locator(`[data-testid="ranking-row"][data-commune-id="${communeId}"]`);
  // Live (rankChanged) or, until the gateway has subscriptions, the visible polling fallback: either way within seconds.
  await eventually(
    async () => Number(await row.getAttribute('data-position')),
    (v) => expect(v).toBeLessThan(96),
    30_000,
    250,
  );
  await eventually(
    () => row.getAttribute('class'),
    (v) => expect(v).toContain('moved'),
    5_000,
    100,
  );
  expect(await page.evaluate('window.__sameDocument')).toBe(true);
  const state = await page.locator('[data-testid="live-status"]').getAttribute('data-state');
  expect(['live', 'polling']).toContain(state);
  await page.close();
}, 90_000);

it('the commune page of Ba Tô shows its 14 villages in three former-commune groups, its Friday chase list and targets', async () => {
  const page = await open('/commune/C02949');
  await eventually(
    () => page.locator('[data-testid="village-row"]').count(),
    (v) => expect(v).toBe(14),
    30_000,
  );
  const groups = page.locator('[data-testid="former-commune-group"]');
  expect(await groups.count()).toBe(3);
  const sizes: Record<string, number> = {};
  for (const g of await groups.all())
    sizes[(await g.getAttribute('data-former-commune'))!] = await g.locator('[data-testid="village-row"]').count();
  expect(sizes).toEqual({ 'Ba Tô': 7, 'Ba Nam': 3, 'Ba Lế': 4 });
  // The latest Friday with data, who reported on time, late or not at all.
  await eventually(
    () => page.locator('[data-testid="friday-chase"] tr[data-state]').count(),
    (v) => expect(v).toBeGreaterThan(0),
    15_000,
  );
  expect(await page.locator('[data-testid="friday-chase"]').locator('xpath=..').locator('..').textContent()).toMatch(
    /Thứ Sáu \d{2}\/\d{2}\/\d{4}/,
  );
  // Under it, the deadlines of the commune's plan that name kinds of unit: the schools before 05/11, the digital teams
  // by 07/11, each school or team by name with its state.
  const deadlines = page.locator('[data-testid="unit-deadline"]');
  expect(await deadlines.count()).toBe(2);
  expect(await deadlines.first().textContent()).toContain('Hiệu trưởng các trường học');
  expect(await deadlines.first().textContent()).toContain('hạn trước ngày 05/11/2025');
  expect(await deadlines.first().locator('li').count()).toBeGreaterThan(0);
  expect(await deadlines.nth(1).textContent()).toContain('đến hết ngày 07/11/2025');
  // Its own 70% target, shown with the province's 80% it replaces.
  const targets = await page.locator('[data-testid="effective-targets"]').textContent();
  expect(targets).toContain('Của xã');
  expect(targets).toContain('70%');
  expect(targets).toContain('80%');
  await shot(page, 'commune-ba-to', true);
  await page.close();
});

it('the live wall screen shows the top of the ranking and its connection state', async () => {
  const page = await open('/province/23/live');
  await eventually(
    () => rows(page).count(),
    (v) => expect(v).toBe(15),
    30_000,
  );
  await eventually(
    () => page.locator('[data-testid="live-status"]').textContent(),
    (v) => expect(v).toMatch(/Trực tiếp|Đang kết nối lại…/),
  );
  await shot(page, 'live-wall');
  await page.close();
});

it('unknown ids show a page that says so, with a link back', async () => {
  for (const path of ['/province/99', '/commune/C99999', '/village/V99999-99/report', '/nowhere']) {
    const page = await open(path);
    await eventually(
      () => page.locator('[data-testid="not-found"]').count(),
      (v) => expect(v).toBe(1),
      15_000,
    );
    expect(await page.locator('[data-testid="not-found"]').textContent()).toContain('Không tìm thấy');
    expect(await page.locator('[data-testid="not-found"] a').count()).toBeGreaterThan(0);
    if (path === '/commune/C99999') await shot(page, 'not-found');
    await page.close();
  }
});

describe('the village report form', () => {
  const village = 'V02949-08';
  let token: string;
  beforeAll(async () => {
    token = await stack.token('VILLAGE_REPORTER', village);
  });
  const count = async () =>
    Number(
      (
        await stack.sql<{ n: string }>('select count(*) as n from reports.unit_report where reporter_id = $1', [
          village,
        ])
      )[0].n,
    );

  async function fill(page: Page, figures: Record<string, string>) {
    for (const [field, value] of Object.entries(figures)) await page.locator(`[data-testid="${field}"]`).fill(value);
  }

  it('checks figures as the API does and shows the API’s own error next to the field', async () => {
    const page = await open(`/village/${village}/report?token=${token}`);
    await page.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
    // The token left the address bar and stays in the browser.
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate("localStorage.getItem('bdhvs.token')")).toBe(token);
    const before = await count();

    // Checked in the browser: certified above completed.
    await fill(page, {
      'groups.RESIDENTS.registered': '100',
      'groups.RESIDENTS.completed': '50',
      'groups.RESIDENTS.certified': '60',
    });
    await page.locator('[data-testid="submit"]').click();
    await eventually(
      () => page.locator('.field-error[data-field="groups.RESIDENTS.certified"]').textContent(),
      (v) => expect(v).toContain('không thể lớn hơn số đã hoàn thành'),
    );

    // Only the API knows this one: an implausibly large figure; its message appears by the field it names.
    await fill(page, {
      'groups.RESIDENTS.registered': '20000000',
      'groups.RESIDENTS.completed': '0',
      'groups.RESIDENTS.certified': '0',
    });
    await submitConfirming(page);
    const apiError = page.locator('.field-error[data-field="groups.RESIDENTS.registered"]');
    await eventually(
      () => apiError.count(),
      (v) => expect(v).toBe(1),
      15_000,
    );
    expect(await apiError.textContent()).toContain('quá lớn');
    await shot(page, 'village-report-error');
    expect(await count()).toBe(before);
    // The refused report stays in the outbox (with its reason) until fixed and resent, or deleted on purpose.
    page.once('dialog', (d) => void d.accept());
    await page.locator('[data-testid="refused-discard"]').click();
    await eventually(
      () => page.locator('[data-testid="refused"]').count(),
      (v) => expect(v).toBe(0),
    );
    await page.close();
  });

  it('sends the measures the targets count, each by its name, checked against the village’s adults as the API does', async () => {
    const { village: v } = ok(
      await stack.gql<{ village: { population: { adults: number } } }>(
        `{ village(id: "${village}") { population { adults } } }`,
      ),
    );
    const page = await open(`/village/${village}/report?token=${token}`);
    await page.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
    const adults = v.population.adults;
    await fill(page, { 'measure.vneidSkills': String(adults + 1) });
    await page.locator('[data-testid="submit"]').click();
    await eventually(
      () => page.locator('.field-error[data-field="vneidSkills"]').textContent(),
      (t) =>
        expect(t).toBe(
          `Số người được xác nhận đạt phổ cập kỹ năng số trên VNeID (${(adults + 1).toLocaleString('vi-VN')}) ` +
            `không thể lớn hơn số người trưởng thành (${adults.toLocaleString('vi-VN')})`,
        ),
    );
    await fill(page, {
      'measure.guidedResidents': '12',
      'measure.digitalSignatures': '40',
      'measure.vneidConfirmed': '',
      'measure.vneidSkills': '25',
    });
    await submitConfirming(page);
    const [row] = await eventually(
      () =>
        stack.sql<{ guided: number; signed: number | null; account: number | null; skills: number | null }>(
          `select guided_residents as guided, digital_signatures as signed, vneid_confirmed as account,
             vneid_skills as skills from reports.unit_report where reporter_id = $1 and vneid_skills is not null
           order by id desc limit 1`,
          [village],
        ),
      (rows) => expect(rows).toHaveLength(1),
      15_000,
    );
    // A blank measure is not sent: the level-2 accounts the village stated last still count.
    expect(row).toEqual({ guided: 12, signed: 40, account: null, skills: 25 });
    await page.close();
  });

  it('keeps a report made offline in the browser and sends it once when the connection returns', async () => {
    const page = await open(`/village/${village}/report`);
    await page.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="token"]').inputValue()).toBe(token); // kept from the previous visit
    const before = await count();
    await fill(page, {
      'groups.RESIDENTS.registered': '120',
      'groups.RESIDENTS.completed': '90',
      'groups.RESIDENTS.certified': '70',
    });

    await browser.context.setOffline(true);
    await submitConfirming(page);
    await eventually(
      () => page.locator('[data-testid="form-message"]').getAttribute('data-kind'),
      (v) => expect(v).toBe('queued'),
      10_000,
    );
    await eventually(
      () => page.locator('[data-testid="outbox"]').count(),
      (v) => expect(v).toBe(1),
    );
    const queued = await page.evaluate<Array<{ input: { idempotencyKey: string } }>>(
      "JSON.parse(localStorage.getItem('bdhvs.outbox') || '[]')",
    );
    expect(queued).toHaveLength(1);
    expect(queued[0].input.idempotencyKey).toMatch(/^[\w.:-]{8,100}$/);
    await shot(page, 'village-report-offline');
    expect(await count()).toBe(before);

    await browser.context.setOffline(false);
    await eventually(
      () => page.locator('[data-testid="form-message"]').getAttribute('data-kind'),
      (v) => expect(v).toBe('ok'),
      20_000,
    );
    expect(await count()).toBe(before + 1);
    expect(await page.evaluate("localStorage.getItem('bdhvs.outbox')")).toBe('[]');
    // Reloading and waiting past the retry interval (15 s, doubling to 5 min) sends nothing more: the page's clock is
    // run ten minutes ahead.
    await page.clock.install();
    await page.reload();
    await page.locator('[data-testid="report-form"]').waitFor();
    await page.clock.runFor(10 * 60_000);
    expect(await count()).toBe(before + 1);
    const [row] = await stack.sql<{ idempotency_key: string; residents_certified: number }>(
      'select idempotency_key, residents_certified from reports.unit_report where reporter_id = $1 order by id desc limit 1',
      [village],
    );
    expect(row).toEqual({ idempotency_key: queued[0].input.idempotencyKey, residents_certified: 70 });
    await page.close();
  }, 60_000);
});

itShowedOfficialsWordsOnly(() => shown);
