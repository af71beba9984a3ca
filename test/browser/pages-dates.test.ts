import type { Page } from 'playwright-core';
import { openPage, type Browser, eventually, startPages, stopPages } from '../support/browser';
import { ok, type TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

/**
 * Dates that tell the truth (issue 25): one village's report for 04/12/2026 into the 2025 demo makes 04/12/2026 the
 * newest date, but the dashboard, the wall, the commune page and `/` say that one village has it and still warn that
 * most figures are old; `/` totals and ranks only the provinces with figures and lists the others apart.
 */
let stack: TestStack;
let browser: Browser;
let base: string;

const REPORT_DATE = '2026-12-04';
const TODAY = new Date('2026-12-08T03:00:00Z');
const int = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const viDate = (iso: string) => iso.split('-').reverse().join('/');

interface Coverage {
  villages: number;
  commonFiguresDate: string;
}
let province: Coverage;
let commune: Coverage;

let shown: Shown[] = [];
beforeAll(async () => {
  ({ stack, browser, base } = await startPages());
  shown = await watchWords(browser.context);
  const admin = await stack.token('PROVINCE_ADMIN', 'P23');
  ok(
    await stack.gql(
      `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
      {
        input: {
          reporterId: 'V02949-08',
          reportDate: REPORT_DATE,
          groups: [{ group: 'RESIDENTS', registered: 400, completed: 0, certified: 0 }],
        },
      },
      { token: admin },
    ),
  );
  const data = ok(
    await stack.gql<{ province: { progress: { coverage: Coverage } }; commune: { progress: { coverage: Coverage } } }>(
      `{ province(code: "23") { progress { coverage { villages commonFiguresDate } } }
         commune(id: "C02949") { progress { coverage { villages commonFiguresDate } } } }`,
    ),
  );
  province = data.province.progress.coverage;
  commune = data.commune.progress.coverage;
}, 180_000);
afterAll(() => stopPages({ stack, browser }));

const open = (path: string): Promise<Page> => openPage(browser, base, path, TODAY);
const text = (page: Page, selector: string) => page.locator(selector).first().textContent();

/** The stale warning is there, dated by most figures, and counts the villages whose figures are old. */
async function expectStaleWarning(page: Page, c: Coverage): Promise<void> {
  await eventually(
    () => page.locator('[data-testid="stale-warning"]').count(),
    (n) => expect(n).toBe(1),
  );
  const warning = (await text(page, '[data-testid="stale-warning"]'))!;
  expect(c.commonFiguresDate.startsWith('2025')).toBe(true);
  expect(warning).toContain(`phần lớn số liệu là của ngày ${viDate(c.commonFiguresDate)}`);
  expect(warning).not.toContain(viDate(REPORT_DATE));
  expect(warning).toContain(`${int(c.villages - 1)}/${int(c.villages)} thôn có số liệu cũ hơn 7 ngày`);
}

it('the dashboard says one village has the newest figures and still warns that figures are old', async () => {
  const page = await open('/province/23');
  await page.locator('[data-testid="ranking-row"]').first().waitFor({ timeout: 30_000 });
  const subtitle = await text(page, '.subtitle');
  expect(subtitle).toContain(`Số liệu đến ngày ${viDate(REPORT_DATE)}`);
  expect(subtitle).toContain(`1/${int(province.villages)} thôn có số liệu ngày ${viDate(REPORT_DATE)}`);
  await expectStaleWarning(page, province);
  await page.close();
}, 60_000);

it('the wall says the same', async () => {
  const page = await open('/province/23/live');
  await eventually(
    () => text(page, '.wall-meta'),
    (v) => expect(v).toContain(`1/${int(province.villages)} thôn có số liệu ngày ${viDate(REPORT_DATE)}`),
    30_000,
  );
  await expectStaleWarning(page, province);
  await page.close();
}, 60_000);

it('the commune page says how many of its villages have the newest figures, and warns', async () => {
  const page = await open('/commune/C02949');
  await eventually(
    () => text(page, '.subtitle'),
    (v) => expect(v).toContain(`1/${int(commune.villages)} thôn có số liệu ngày ${viDate(REPORT_DATE)}`),
    30_000,
  );
  await expectStaleWarning(page, commune);
  await page.close();
}, 60_000);

it('`/` dates its totals, ranks only the provinces with figures and lists the others as without figures', async () => {
  const page = await open('/');
  const ranked = page.locator('[data-testid="nation-row"]');
  const unranked = page.locator('[data-testid="nation-unranked-row"]');
  await eventually(
    () => unranked.count(),
    (n) => expect(n).toBe(33),
    30_000,
  );
  // Quảng Ngãi is the only province with figures in the test data: the only one ranked.
  expect(await ranked.count()).toBe(1);
  expect(await ranked.first().locator('td').nth(1).textContent()).toBe('Quảng Ngãi');
  expect(await unranked.allTextContents()).toEqual(
    expect.arrayContaining([expect.stringMatching(/^Hà Nội\s*chưa có số liệu$/)]),
  );
  expect(await page.locator('[data-testid="nation-table"]').textContent()).not.toContain('Hà Nội');
  const subtitle = await text(page, '.subtitle');
  expect(subtitle).toContain(`Số liệu đến ngày ${viDate(REPORT_DATE)}`);
  expect(subtitle).toContain('1/34 tỉnh, thành phố có số liệu');
  expect(subtitle).toContain(`1/${int(province.villages)} thôn có số liệu ngày ${viDate(REPORT_DATE)}`);
  await expectStaleWarning(page, province);
  await page.close();
}, 60_000);

itShowedOfficialsWordsOnly(() => shown);
