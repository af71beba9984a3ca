/**
 * The commune report in Chromium: Ba Tô's officer drafts the report for 639/SKHCN's 20/11 request on the commune
 * page, adds difficulties and proposals, saves, submits, downloads the .docx (through a signed link), and the
 * province dashboard lists Ba Tô as submitted, its report one click away, with the key people's certification. The
 * Friday chase list shows the village heads' phones to the officer.
 */
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { DEMO_IDS } from '../../shared/vocabulary/demo';
import { type Browser, startPages, stopPages } from '../support/browser';
import { ok, type TestStack } from '../support/stack';
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

const DIFFICULTIES = 'Sóng di động yếu ở thôn Gò Da; nhiều người cao tuổi chưa có điện thoại thông minh.';
const PROPOSALS = 'Đề nghị Sở hỗ trợ 20 máy tính bảng cho các điểm hướng dẫn.';

it('Ba Tô’s officer drafts, completes, submits and downloads the 20/11 report; the province sees it submitted', async () => {
  const officer = await stack.token('COMMUNE_OFFICER', 'C02949');
  const page = await browser.context.newPage();
  await page.goto(`${base}/commune/C02949`);
  await page.evaluate((t) => localStorage.setItem('bdhvs.token', t), officer);
  // Signed in, the page still loads with one query: its reports and the village heads come in it too.
  let posts = 0;
  const count = (r: { url(): string; method(): string }) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/graphql') posts++;
  };
  page.on('request', count);
  await page.reload();

  // The Friday chase list: beside a village that has not reported, its head's name and a number to call.
  const call = page.locator(
    '[data-testid="friday-chase"] tr[data-state="MISSING"] [data-testid="village-head-contact"] a',
  );
  await call.first().waitFor({ timeout: 30_000 });
  expect(await call.first().getAttribute('href')).toMatch(/^tel:\+84\d{9,10}$/);

  const request = page.getByTestId('report-request');
  await request.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1_000);
  page.off('request', count);
  expect(posts).toBe(1);
  await request.selectOption(`${DEMO_IDS.letter639}|2025-11-20`);
  await page.getByTestId('report-draft').click();
  const report = page.getByTestId('commune-report');
  await report.waitFor();
  expect(await report.getAttribute('data-status')).toBe('DRAFT');
  // The drafted figures: Ba Tô's 14 villages (with their former commune) and its units, rank, groups.
  const villages = page.getByTestId('report-villages').locator('tbody tr');
  expect(await villages.count()).toBeGreaterThanOrEqual(14);
  const formers = await page.getByTestId('report-villages').locator('tbody tr td:nth-child(2)').allTextContents();
  expect(new Set(formers.filter((f) => f !== '—'))).toEqual(new Set(['Ba Tô', 'Ba Nam', 'Ba Lế']));
  expect(await page.getByTestId('report-learners').textContent()).toMatch(/\d/);
  // Read as sentences, spaces where they belong: "…: 908 người tham gia …", "Xếp hạng 38/96 của tỉnh ↓4."
  const figuresText = (await page.getByTestId('report-figures').innerText()).replace(/\s+/g, ' ');
  expect(figuresText).toMatch(/^Số liệu đến ngày \d{2}\/\d{2}\/\d{4}: [\d.]+ người tham gia trên /);
  // And how many of Ba Tô's 14 villages have figures of the newest date.
  expect(figuresText).toMatch(/\(\d+,\d{2}\s?%\)\. \d+\/14 thôn có số liệu ngày \d{2}\/\d{2}\/\d{4}\./);
  expect(figuresText).toMatch(/của tỉnh \S/);
  // Before submitting, the key people's certification as the plans stand today.
  expect(await page.getByTestId('report-key-people').textContent()).toMatch(/^Cán bộ chủ chốt thôn .* \(đến hôm nay/);

  await page.getByTestId('report-number').fill('45/BC-UBND');
  await page.getByTestId('report-difficulties').fill(DIFFICULTIES);
  await page.getByTestId('report-proposals').fill(PROPOSALS);
  await page.getByTestId('report-save').click();
  await expect(page.getByTestId('report-message').textContent()).resolves.toBeTruthy();
  expect(await page.getByTestId('report-message').textContent()).toContain('Đã lưu bản nháp');
  const saved = await stack.sql<{ status: string; difficulties: string; proposals: string }>(
    `select status, difficulties, proposals from reports.commune_report where commune_id = 'C02949'`,
  );
  expect(saved).toEqual([{ status: 'DRAFT', difficulties: DIFFICULTIES, proposals: PROPOSALS }]);

  // Saved text survives a reload.
  await page.reload();
  await page.getByTestId('report-request').waitFor({ timeout: 30_000 });
  await page.getByTestId('report-request').selectOption(`${DEMO_IDS.letter639}|2025-11-20`);
  await page.getByTestId('report-difficulties').waitFor();
  expect(await page.getByTestId('report-difficulties').inputValue()).toBe(DIFFICULTIES);

  // Sent on purpose: the page asks first, naming what goes up the line.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.message());
      void d.accept();
    }),
  );
  await page.getByTestId('report-submit').click();
  expect(await asked).toMatch(/^Gửi báo cáo số 45\/BC-UBND theo Văn bản 639\/SKHCN-BCVT&CĐS lên tỉnh\?/);
  await page.waitForSelector('[data-testid="commune-report"][data-status="SUBMITTED"]');
  expect(await page.getByTestId('report-status').textContent()).toBe('Đã gửi tỉnh');
  expect(await page.getByTestId('report-difficulties').isDisabled()).toBe(true);

  // The .docx: the export needs the officer's identity; the button fetches a signed link (no bearer on a link).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
  expect(download.url()).toMatch(/\/export\/commune\/C02949\/report\/\d+\.docx\?.*sig=/);
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  // The .docx's targets table, row by row (headings first), to hold the printable page to it below.
  const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const docxTargets = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)]
    .map((t) =>
      [...t[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) =>
        [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => decode(c[1].replace(/<[^>]+>/g, '')).trim()),
      ),
    )
    .find((rows) => rows[0]?.[0] === 'Chỉ tiêu');
  expect(docxTargets?.length).toBeGreaterThan(1);
  for (const words of [DIFFICULTIES.slice(0, 40), PROPOSALS.slice(0, 40), '45/BC-UBND', 'Độc lập - Tự do - Hạnh phúc'])
    expect(text).toContain(words);

  // The province dashboard (public follow-up). The machine's clock is past 20/11/2025, so the submission made now
  // is late; the row says so. Then the submission instant is set to 19/11 in the database (as an officer who
  // submitted in time would have), and the dashboard shows Ba Tô on time.
  const province = await browser.context.newPage();
  const row = province.locator('[data-testid="follow-up-table"] tr[data-commune="C02949"]');
  const openFollowUp = async () => {
    await province.goto(`${base}/province/23`);
    await province.getByTestId('follow-up-request').waitFor({ timeout: 30_000 });
    const options = await province.getByTestId('follow-up-request').locator('option').allTextContents();
    const index = options.findIndex((o) => o.startsWith('639/SKHCN') && o.includes('20/11/2025'));
    expect(index).toBeGreaterThanOrEqual(0);
    await province.getByTestId('follow-up-request').selectOption(String(index));
  };
  await openFollowUp();
  expect(await row.getAttribute('data-state')).toBe('LATE');
  await stack.sql(
    `update reports.commune_report set first_submitted_at = '2025-11-19T16:00:00+07:00', submitted_at = '2025-11-19T16:00:00+07:00' where commune_id = 'C02949'`,
  );
  await openFollowUp();
  expect(await row.getAttribute('data-state')).toBe('ON_TIME');
  expect(await row.locator('td').nth(1).textContent()).toBe('Đã nộp báo cáo đúng hạn');
  expect(await province.getByTestId('follow-up-counts').textContent()).toMatch(
    /Số xã đã nộp báo cáo định kỳ: 1 đúng hạn/,
  );
  // Two questions, two names: the villages' weekly figures (đã gửi số liệu tuần) are not the commune's report.
  const panels = province.locator('section.panel');
  const weekly = panels.filter({ has: province.locator('h2', { hasText: 'Số liệu tuần của thôn, đơn vị theo hạn' }) });
  const reports = panels.filter({ has: province.getByTestId('report-follow-up') });
  expect(await weekly.count()).toBe(1);
  expect(await reports.locator('h2').textContent()).toBe('Báo cáo định kỳ của các xã theo yêu cầu của tỉnh');
  await weekly
    .getByText(/gửi số liệu/)
    .first()
    .waitFor();
  expect(await weekly.textContent()).not.toMatch(/nộp báo cáo/);
  expect(await reports.textContent()).not.toMatch(/gửi số liệu/);

  // One click to the report (the province admin reads it on its printable page).
  const admin = await stack.token('PROVINCE_ADMIN', 'P23');
  await province.evaluate((t) => localStorage.setItem('bdhvs.token', t), admin);
  await row.getByTestId('follow-up-report').click();
  await province.getByTestId('report-print-page').waitFor({ timeout: 30_000 });
  expect(await province.getByTestId('print-difficulties').textContent()).toBe(DIFFICULTIES);
  // The targets the province reads on the page are the .docx's, word for word, as of the report's figures date.
  await province.locator('[data-testid="print-targets"] tbody tr').first().waitFor({ timeout: 30_000 });
  const pageTargets = await province
    .locator('[data-testid="print-targets"] tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
  expect(pageTargets).toEqual(docxTargets);
  expect(await province.getByTestId('print-proposals').textContent()).toBe(PROPOSALS);
  // The key people the plan names, frozen with the plan part at submission (demo: all certified by 15/11 but two
  // village heads and three heads of the Front work committee).
  expect(await province.getByTestId('report-key-people').textContent()).toMatch(
    /^Cán bộ chủ chốt thôn hoàn thành và có giấy chứng nhận: Trưởng thôn 12\/14, Bí thư Chi bộ 14\/14, Trưởng ban CTMT 11\/14; chưa có: .*Trưởng thôn Xà Râu \(/,
  );

  // The province returns it with a reason: the officer reads it at the top of the commune page, in the first
  // screen, one click from the report to correct.
  const [{ id }] = await stack.sql<{ id: number }>(`select id from reports.commune_report where commune_id = 'C02949'`);
  const REASON = 'Thiếu số liệu của các trường học; đề nghị bổ sung.';
  ok(
    await stack.gql(
      'mutation($id: Int!, $reason: String!) { returnCommuneReport(id: $id, reason: $reason) { id } }',
      { id, reason: REASON },
      { token: admin },
    ),
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.reload();
  const notice = page.getByTestId('returned-notice');
  await notice.waitFor({ timeout: 30_000 });
  expect(await notice.textContent()).toContain(`Tỉnh trả lại báo cáo theo văn bản 639/SKHCN-BCVT&CĐS (hạn 20/11/2025)`);
  expect(await notice.textContent()).toContain(REASON);
  const box = await notice.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
  await notice.getByRole('link').click();
  expect(await page.evaluate(() => location.hash)).toBe('#commune-reports');
});

itShowedOfficialsWordsOnly(() => shown);
