/** The pages' Excel download links, clicked in a real browser: the file is the workbook the export serves. */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { type Browser, startPages, stopPages } from '../support/browser';
import type { TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

let stack: TestStack;
let browser: Browser;
let base: string;

let shown: Shown[] = [];
beforeAll(async () => {
  ({ stack, browser, base } = await startPages());
  shown = await watchWords(browser.context);
}, 180_000);
afterAll(() => stopPages({ stack, browser }));

it('the commune page of Ba Tô downloads its villages as Excel, 14 rows with their former commune', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${base}/commune/C02949`);
  const link = page.locator('[data-testid="download"]');
  await link.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const book = new ExcelJS.Workbook();
  const file = await readFile(await download.path());
  await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
  const rows = book.getWorksheet('Thôn, tổ dân phố')!.getSheetValues().slice(2);
  expect(rows).toHaveLength(14);
  expect(new Set(rows.map((r) => (r as ExcelJS.CellValue[])[3]))).toEqual(new Set(['Ba Tô', 'Ba Nam', 'Ba Lế']));
});

itShowedOfficialsWordsOnly(() => shown);
