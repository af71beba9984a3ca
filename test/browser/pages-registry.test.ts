/**
 * Keeping the registry on the commune page (issue 24, item 3) in Chromium against the whole stack: Ba Tô's officer
 * adds a unit and corrects its staff with a reason, and the unit's row (its staff and certified rate) changes
 * without a reload; a staff figure below the certified count is refused in Vietnamese with nothing changed; a
 * public visitor does not see the section. No axe-core violations in the section.
 */
import type { Page } from 'playwright-core';
import { axeViolations, eventually, openPage, startPages, stopPages, type Browser } from '../support/browser';
import type { TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

const BA_TO = 'C02949';
const NAME = 'Trường Tiểu học Thử Nghiệm';

let stack: TestStack;
let browser: Browser;
let base: string;

let shown: Shown[] = [];
beforeAll(async () => {
  ({ stack, browser, base } = await startPages());
  shown = await watchWords(browser.context);
}, 180_000);
afterAll(() => stopPages({ stack, browser }));

const row = (page: Page) => page.locator('[data-testid="unit-row"]', { hasText: NAME });
/** The unit's row as the officer reads it: its staff and the share of it certified ("20 · 20%"). */
const rowText = async (page: Page) =>
  (await row(page).count())
    ? `${await row(page).locator('td').nth(2).innerText()} · ${await row(page).locator('td span.muted').innerText()}`
    : '';

it('hides the section from a visitor who is not signed in', async () => {
  const page = await openPage(browser, base, `/commune/${BA_TO}`);
  await page.getByTestId('commune-rank').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('registry-keeping').count()).toBe(0);
  await page.close();
});

it('lets the commune officer add a unit and correct its staff with a reason; the row and the commune’s rank change without a reload', async () => {
  const officer = await stack.token('COMMUNE_OFFICER', BA_TO);
  const page = await openPage(browser, base, `/commune/${BA_TO}?token=${officer}`);
  const section = page.getByTestId('registry-keeping');
  await section.waitFor({ timeout: 30_000 });
  // A mark on the window: it survives only if the page is never reloaded.
  await page.evaluate(() => ((window as unknown as { kept: number }).kept = 1));

  await section.getByText('Thêm cơ quan, đơn vị').click();
  await page.getByTestId('rk-add-unit-name').fill(NAME);
  await page.getByTestId('rk-add-unit-type').selectOption('SCHOOL');
  await page.getByTestId('rk-add-unit-staff').fill('20');
  await page.getByTestId('rk-add-unit-date').fill('2026-12-01');
  expect(await page.getByTestId('rk-add-unit').innerText()).toContain('Ngày 01/12/2026');
  // Only the section's own elements (the village heads' phone links elsewhere on the page have a known finding).
  expect((await axeViolations(page)).filter((v) => /rk-|\.keep|registry-keeping/.test(v))).toEqual([]);
  await page.getByTestId('rk-add-unit-send').click();
  expect(await page.getByTestId('rk-add-unit-message').innerText()).toBe(`Đã thêm ${NAME} từ ngày 01/12/2026.`);
  await eventually(
    () => rowText(page),
    (t) => expect(t).toMatch(/^20 · $/),
  );
  const [{ id }] = await stack.sql<{ id: string }>(`select id from registry.unit where name = $1`, [NAME]);

  // The unit reports 4 of its staff certified: 20% of 20.
  const res = await stack.gql(
    `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
    {
      input: {
        reporterId: id,
        reportDate: '2026-12-04',
        groups: [{ group: 'OFFICIALS', registered: 10, completed: 6, certified: 4 }],
      },
    },
    { token: officer },
  );
  expect(res.errors).toBeUndefined();
  await eventually(
    () => rowText(page),
    (t) => expect(t).toMatch(/^20 · 20\s?%$/),
  );

  await section.getByText('Điều chỉnh biên chế').click();
  await page.getByTestId('rk-staff-unit').selectOption(id);
  await page.getByTestId('rk-staff-staff').fill('40');
  await page.getByTestId('rk-staff-reason').fill('Quyết định giao biên chế năm học 2026-2027');
  await page.getByTestId('rk-staff-date').fill('2026-12-07');
  await page.getByTestId('rk-staff-send').click();
  expect(await page.getByTestId('rk-staff-message').innerText()).toBe(
    `Đã ghi biên chế 40 cho ${NAME} từ ngày 07/12/2026.`,
  );
  await eventually(
    () => rowText(page),
    (t) => expect(t).toMatch(/^40 · 10\s?%$/),
  );

  // Below the 4 certified: refused in Vietnamese (no English tail), nothing recorded, the row unchanged.
  await eventually(
    () => stack.sql(`select 1 from registry.audit_log where area_id = $1 and source = 'reports'`, [id]),
    (rows) => expect(rows.length).toBeGreaterThan(0),
  );
  await page.getByTestId('rk-staff-unit').selectOption(id);
  await page.getByTestId('rk-staff-staff').fill('3');
  await page.getByTestId('rk-staff-reason').fill('Giảm biên chế');
  await page.getByTestId('rk-staff-send').click();
  const refusal = await eventually(
    () => page.getByTestId('rk-staff-message').innerText(),
    (t) => expect(t).toContain('Biên chế 3 thấp hơn số người đã được chứng nhận (4) theo báo cáo ngày 04/12/2026'),
  );
  expect(refusal).not.toMatch(/staff|certified/);
  expect(await stack.sql(`select staff from registry.staff_revision where unit_id = $1 order by id`, [id])).toEqual([
    { staff: 20 },
    { staff: 40 },
  ]);
  expect(await rowText(page)).toMatch(/^40 · 10\s?%$/);

  // The rank is by participation (learners over the commune's adults, as the portal ranks): staff is the denominator
  // of the officials' 100% target, not of the rank. The new school's first figures for its students add learners,
  // and the commune's rank moves on the open page.
  const rank = page.getByTestId('commune-rank');
  const before = await rank.innerText();
  const students = await stack.gql(
    `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
    {
      input: {
        reporterId: id,
        reportDate: '2026-12-04',
        groups: [
          { group: 'OFFICIALS', registered: 10, completed: 6, certified: 4 },
          { group: 'STUDENTS', registered: 900, completed: 0, certified: 0 },
        ],
      },
    },
    { token: officer },
  );
  expect(students.errors).toBeUndefined();
  await eventually(
    () => rank.innerText(),
    (t) => expect(t).not.toBe(before),
  );
  expect(await page.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(1);
  await page.close();
});

itShowedOfficialsWordsOnly(() => shown);
