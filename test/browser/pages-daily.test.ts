import type { Page } from 'playwright-core';
import { type Browser, eventually, startPages, stopPages } from '../support/browser';
import { ok, type TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/**
 * The right week on a clock set past the demo data: the chase list opens on this week's Friday (Vietnam's calendar)
 * with a week picker, and the report form defaults to the Friday a report counts for and says which, so a report
 * made on Saturday clears Friday's chase list.
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

/** A page whose clock reads `now` (the server keeps its own). */
async function openAt(now: string, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${path}: ${error.message}`));
  await page.clock.setFixedTime(new Date(now));
  await page.goto(`${base}${path}`);
  return page;
}

const village = 'V02949-08';
const chaseRow = (page: Page) =>
  page.locator(`[data-testid="friday-chase"] tr:has(a[href="/village/${village}/report"])`);

it('on a new week the chase list shows this week’s Friday in Vietnam, and another week can be picked', async () => {
  // Sunday 30/11 17:30 UTC is Monday 01/12/2025 00:30 in Vietnam: a new week, whose Friday is 05/12.
  const page = await openAt('2025-11-30T17:30:00Z', '/commune/C02949');
  const picker = page.locator('[data-testid="week-picker"]');
  await picker.waitFor({ timeout: 30_000 });
  expect(await picker.inputValue()).toBe('2025-12-05');
  expect(await picker.locator('option:checked').textContent()).toContain('tuần này');
  await eventually(
    () => page.locator('[data-testid="chase-summary"]').textContent(),
    (v) => expect(v).toContain('Thứ Sáu 05/12/2025'),
    15_000,
  );
  // Nobody has reported for a Friday still ahead: every village is to chase.
  expect(await chaseRow(page).getAttribute('data-state')).toBe('MISSING');

  await picker.selectOption('2025-11-21');
  await eventually(
    () => page.locator('[data-testid="chase-summary"]').textContent(),
    (v) => expect(v).toContain('Thứ Sáu 21/11/2025'),
  );
  await page.close();
}, 60_000);

it('the form defaults to the Friday a report counts for and says which, in Vietnam’s time zone', async () => {
  // Thursday 04/12 20:00 UTC is already Friday 05/12 in Vietnam.
  let page = await openAt('2025-12-04T20:00:00Z', `/village/${village}/report`);
  await page.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
  expect(await page.locator('[data-testid="reportDate"]').inputValue()).toBe('2025-12-05');
  expect(await page.locator('[data-testid="report-week"]').textContent()).toContain(
    'thứ Sáu tuần này, hôm nay 05/12/2025',
  );
  await page.close();

  // Wednesday 10/12 in Vietnam: this week's Friday is ahead, the report counts for last week's.
  page = await openAt('2025-12-10T03:00:00Z', `/village/${village}/report`);
  await page.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
  expect(await page.locator('[data-testid="reportDate"]').inputValue()).toBe('2025-12-05');
  expect(await page.locator('[data-testid="report-week"]').textContent()).toContain('thứ Sáu tuần trước, 05/12/2025');
  await page.close();
}, 60_000);

it('a report made on Saturday clears Friday’s chase list', async () => {
  const saturday = '2025-12-06T02:00:00Z'; // 09:00 in Vietnam
  const token = await stack.token('VILLAGE_REPORTER', village);
  const form = await openAt(saturday, `/village/${village}/report?token=${token}`);
  await form.locator('[data-testid="report-form"]').waitFor({ timeout: 30_000 });
  expect(await form.locator('[data-testid="reportDate"]').inputValue()).toBe('2025-12-05');
  expect(await form.locator('[data-testid="report-week"]').textContent()).toContain('hôm nay 06/12/2025');
  await form.locator('[data-testid="groups.RESIDENTS.registered"]').fill('150');
  await form.locator('[data-testid="groups.RESIDENTS.completed"]').fill('100');
  await form.locator('[data-testid="groups.RESIDENTS.certified"]').fill('80');
  await form.locator('[data-testid="submit"]').click();
  await eventually(
    () => form.locator('[data-testid="form-message"]').getAttribute('data-kind'),
    (v) => expect(v).toBe('ok'),
    20_000,
  );
  expect(await form.locator('[data-testid="form-message"]').textContent()).toContain('05/12/2025');
  await form.close();

  const chase = await openAt(saturday, '/commune/C02949');
  await chase.locator('[data-testid="week-picker"]').waitFor({ timeout: 30_000 });
  expect(await chase.locator('[data-testid="week-picker"]').inputValue()).toBe('2025-12-05');
  await eventually(
    () => chaseRow(chase).getAttribute('data-state'),
    (v) => expect(v).toBe('LATE'), // after Friday 17:00, but counted for Friday
    15_000,
  );
  await chase.close();
}, 90_000);

describe('live that reads well', () => {
  const ranking = async () =>
    ok(
      await stack.gql<{ province: { ranking: Array<{ position: number; commune: { id: string; name: string } }> } }>(
        'query { province(code: "23") { ranking { position commune { id name } } } }',
      ),
    ).province.ranking;

  it('the wall fits its 15 rows on 1366×768 and 1920×1080 screens, without downloading Chart.js', async () => {
    const page = await browser.context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${base}/province/23/live`);
      await eventually(
        () => page.locator('[data-testid="ranking-row"]').count(),
        (v) => expect(v).toBe(15),
        30_000,
      );
      const box = await page.locator('[data-testid="ranking-row"]').last().boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    }
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((u) => /\/assets\/chart-/.test(u))).toEqual([]);
    // The dashboard draws a chart: there Chart.js is loaded.
    await page.goto(`${base}/province/23`);
    await eventually(
      async () => scripts.filter((u) => /\/assets\/chart-/.test(u)).length,
      (v) => expect(v).toBe(1),
      30_000,
    );
    await page.close();
  }, 60_000);

  it('a big move makes one line on the wall, and the dashboard applies it without reloading', async () => {
    const wall = await browser.context.newPage();
    await wall.goto(`${base}/province/23/live`);
    const dashboard = await browser.context.newPage();
    const reloads: string[] = [];
    await dashboard.goto(`${base}/province/23`);
    await eventually(
      () => dashboard.locator('[data-testid="ranking-row"]').count(),
      (v) => expect(v).toBe(96),
      30_000,
    );
    for (const page of [wall, dashboard])
      await eventually(
        () => page.locator('[data-testid="live-status"]').getAttribute('data-state'),
        (v) => expect(v).toBe('live'),
      );
    dashboard.on('request', (r) => {
      if (r.method() === 'POST' && /query Dashboard/.test(r.postData() ?? '')) reloads.push(r.url());
    });

    const last = (await ranking()).at(-1)!;
    expect(last.position).toBe(96);
    const { commune } = ok(
      await stack.gql<{ commune: { progress: { learners: number } } }>(
        'query($id: ID!) { commune(id: $id) { progress { learners } } }',
        { id: last.commune.id },
      ),
    );
    const token = await stack.token('PROVINCE_ADMIN', 'P23');
    // When the feed's line appears, by the page's clock (the same machine's as this test's).
    await wall.evaluate(() => {
      const feed = document.querySelector('[data-testid="rank-feed"]')!;
      new MutationObserver((_, observer) => {
        if (!feed.querySelector('li')) return;
        (window as unknown as { __lineAt: number }).__lineAt = Date.now();
        observer.disconnect();
      }).observe(feed, { childList: true, subtree: true });
    });
    ok(
      await stack.gql(
        'mutation($id: ID!, $p: PopulationInput!) { recordPopulation(areaId: $id, population: $p, reason: "Rà soát dân số thực tế") { id } }',
        { id: last.commune.id, p: { asOf: todayInVietnam(), adults: Math.max(1, commune.progress.learners * 2) } },
        { token },
      ),
    );
    const writtenAt = Date.now();
    // The ranking is recomputed after the write: read it once it shows the move.
    const to = await eventually(
      async () => (await ranking()).find((r) => r.commune.id === last.commune.id)!.position,
      (v) => expect(v).toBeLessThan(96),
    );
    const moved = 96 - to;
    expect(moved).toBeGreaterThan(1);

    const lines = wall.locator('[data-testid="rank-feed"] li');
    await eventually(
      () => lines.count(),
      (v) => expect(v).toBe(1),
      15_000,
    );
    // The line comes with the batch's last event, not after the 5 s the page waits for a batch still incomplete
    // (applying one move on screen once counted as a batch-less move of every commune it shifted).
    const lineAt = await wall.evaluate(() => (window as unknown as { __lineAt: number }).__lineAt);
    expect(lineAt - writtenAt).toBeLessThan(5_000);
    await wall.waitForTimeout(1_500); // nothing more comes of the same move
    expect(await lines.count()).toBe(1);
    const line = (await lines.first().textContent())!.replace(/\s+/g, ' ');
    expect(line).toContain(`${last.commune.name} lên ${moved} bậc: 96 → ${to}`);
    expect(line).toContain(`${moved} xã khác xuống 1 bậc`);

    const row = dashboard.locator(`[data-testid="ranking-row"][data-commune-id="${last.commune.id}"]`);
    await eventually(
      async () => Number(await row.getAttribute('data-position')),
      (v) => expect(v).toBe(to),
    );
    // Only the commune whose figures changed turns yellow, not the dozens it pushed down one place.
    expect(await row.getAttribute('class')).toContain('moved');
    expect(await dashboard.locator('[data-testid="ranking-row"].moved').count()).toBe(1);
    const order = await dashboard
      .locator('[data-testid="ranking-row"]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-position'))));
    expect(order).toEqual(Array.from({ length: 96 }, (_, i) => i + 1));
    expect(reloads).toEqual([]);
    await wall.close();
    await dashboard.close();
  }, 90_000);

  it('a stream of reports asks the dashboard’s targets again once, when it settles, not once per report', async () => {
    const dashboard = await browser.context.newPage();
    await dashboard.goto(`${base}/province/23`);
    await eventually(
      () => dashboard.locator('[data-testid="live-status"]').getAttribute('data-state'),
      (v) => expect(v).toBe('live'),
      30_000,
    );
    const asked: number[] = [];
    dashboard.on('request', (r) => {
      if (r.method() === 'POST' && /query ProvinceTargetStatus/.test(r.postData() ?? '')) asked.push(Date.now());
    });
    const learners = () => dashboard.locator('[data-testid="province-learners"]').textContent();
    const before = await learners();
    const token = await stack.token('PROVINCE_ADMIN', 'P23');
    const villages = ['V02949-01', 'V02949-02', 'V02949-03', 'V02949-04'];
    // Sent at once, as a Friday's burst: one after another on a loaded machine, each could take longer than the
    // page's settling second, and the test would measure the machine instead of the page.
    const sent = await Promise.all(
      villages.map((reporterId, i) =>
        stack.gql(
          'mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }',
          {
            input: {
              reporterId,
              reportDate: todayInVietnam(),
              groups: [{ group: 'RESIDENTS', registered: 900 + i, completed: 0, certified: 0 }],
            },
          },
          { token },
        ),
      ),
    );
    sent.forEach((answer) => ok(answer));
    // The province's figures move live with each report; the targets are asked once they have been still a moment.
    await eventually(learners, (v) => expect(v).not.toBe(before), 15_000);
    await eventually(
      async () => asked.length,
      (n) => expect(n).toBeGreaterThanOrEqual(1),
      15_000,
    );
    await dashboard.waitForTimeout(2_500);
    expect(asked.length).toBeLessThan(villages.length);
    await dashboard.close();
  }, 90_000);
});

itShowedOfficialsWordsOnly(() => shown);
