import type { Page } from 'playwright-core';
import { openPage, eventually, startPages, stopPages, type Browser } from '../support/browser';
import type { TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

/**
 * Targets side by side on the pages, in a real browser against the whole stack: a commune's own target and the
 * province's target with another due date are both listed, each named by its letter's number (never an internal id).
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

type Row = { target: string | null; source: string | null; document: string | null; text: string };

async function targetRows(page: Page, table: string): Promise<Row[]> {
  const rows = page.locator(`[data-testid="${table}"] [data-testid="target-row"]`);
  await eventually(
    () => rows.count(),
    (n) => expect(n).toBeGreaterThan(0),
    30_000,
  );
  return Promise.all(
    (await rows.all()).map(async (r) => ({
      target: await r.getAttribute('data-target'),
      source: await r.getAttribute('data-source'),
      document: await r.getAttribute('data-document'),
      text: (await r.innerText()).replace(/\s+/g, ' '),
    })),
  );
}

it('Ngọk Bay’s page lists its 80% of officials by 31/12 beside the province’s 100% by 10/11, each with its letter', async () => {
  const page = await open('/commune/C02032');
  // The evaluated state arrives after the page's own query: wait for it so both rows are final.
  await eventually(
    () => page.locator('[data-testid="effective-targets"] [data-state]').count(),
    (n) => expect(n).toBeGreaterThan(0),
    30_000,
  );
  const officials = (await targetRows(page, 'effective-targets')).filter((r) =>
    r.target?.startsWith('OFFICIALS CERTIFIED 2025-'),
  );
  expect(officials.map((r) => [r.target, r.source, r.document])).toEqual([
    ['OFFICIALS CERTIFIED 2025-11-10', 'PROVINCE', '2027/SKHCN-BCVT&CĐS'],
    ['OFFICIALS CERTIFIED 2025-12-31', 'COMMUNE', 'KH-UBND 08/2025'],
  ]);
  const [province, own] = officials;
  // Read as a person reads it: words apart, the letter's number after whose target it is.
  expect(province.text).toContain('Cán bộ, công chức, viên chức được cấp chứng nhận');
  expect(province.text).toContain('100%');
  expect(province.text).toContain('10/11/2025');
  expect(province.text).toContain('Của tỉnh 2027/SKHCN-BCVT&CĐS');
  expect(own.text).toContain('80%');
  expect(own.text).toContain('31/12/2025');
  expect(own.text).toContain('Của xã KH-UBND 08/2025');
  // Where each comes from: the letter and section (the province's reconstructed 2027/SKHCN, from 002 §3.1).
  expect(province.text).toContain('Theo 002_f8eec46e59f5584d.txt §3.1');
  expect(own.text).toContain('Theo 003_f72a234c15b9ddbd.txt §II.1');
  // "100% học sinh trung học": secondary students, in the letter's words, not all students.
  const students = (await targetRows(page, 'effective-targets')).find(
    (r) => r.target === 'STUDENTS COMPLETED 2025-12-31',
  );
  expect(students?.text).toContain('Học sinh trung học hoàn thành 5 chuyên đề');
  // Letter numbers only: no directive or plan id (lower-case slugs such as 2027-skhcn-bcvt-cds-2025) on the page.
  const table = (await page.locator('[data-testid="effective-targets"]').textContent()) ?? '';
  expect(table).not.toMatch(/[a-z0-9]+-[a-z0-9-]+-20\d\d/);
  // No share above 100%: its workers' figures exceed the one cooperative's staff, and the page says so in words.
  const cells = await page.locator('[data-testid="effective-targets"]').innerText();
  const percents = [...cells.matchAll(/(?<![\d.,/])(\d+(?:,\d+)?)\s?%/g)].map((m) => Number(m[1].replace(',', '.')));
  expect(percents.length).toBeGreaterThan(0);
  expect(Math.max(...percents)).toBeLessThanOrEqual(100);
  const workers = (await targetRows(page, 'effective-targets')).find((r) => r.target?.startsWith('WORKERS COMPLETED'));
  expect(workers?.text).toContain('Cần rà soát số liệu');
  expect(workers?.text).toMatch(/Số liệu vượt mẫu số: 24 người lao động hoàn thành 5 chuyên đề > 6 người lao động/);
  await page.close();
}, 90_000);

it('the province page names each target’s letter', async () => {
  const page = await open('/province/23');
  const rows = await targetRows(page, 'targets');
  for (const r of rows) expect(r.document).toBeTruthy();
  const officials = rows.filter((r) => r.target?.startsWith('OFFICIALS') && r.target.endsWith('2025-11-10'));
  expect(officials.length).toBeGreaterThan(0);
  for (const r of officials) expect(r.text).toContain('2027/SKHCN');
  for (const r of officials) expect(r.text).toContain('Theo 002_f8eec46e59f5584d.txt §3.1');
  // 2027/SKHCN is known only through the commune letters that cite it: reconstructed, and marked so where it is listed.
  const reconstructed = page.locator('[data-testid="without-plan"]', { hasText: '2027/SKHCN' });
  await eventually(
    () => reconstructed.locator('[data-testid="illustrative"]').textContent(),
    (v) => expect(v).toBe('dữ liệu minh họa'),
  );
  const real = page.locator('[data-testid="without-plan"]', { hasText: '639/SKHCN' });
  expect(await real.locator('[data-testid="illustrative"]').count()).toBe(0);
  await page.close();
}, 90_000);

itShowedOfficialsWordsOnly(() => shown);
