/**
 * The key people page (/commune/<id>/key-people) in Chromium against the whole stack: Ba Tô's officer sees the 14
 * villages with their trưởng thôn, bí thư chi bộ and trưởng ban CTMT and the counts per role, records the certificate
 * of Xà Râu's village head (not certified in the demo) and sees the count go up and a new revision in the database;
 * a bad phone is refused next to the field with nothing sent; the API's own refusal is shown; a public visitor sees
 * the counts and a sign-in link but no names or phones. No axe-core violations; fits a 390×844 phone.
 */
import type { Page } from 'playwright-core';
import { DEMO_IDS } from '../../shared/vocabulary/demo';
import {
  axeViolations,
  eventually,
  openPage,
  screenshotPath,
  startPages,
  stopPages,
  type Browser,
} from '../support/browser';
import type { TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

const BA_TO = 'C02949';
const XA_RAU = 'V02949-08';
const PATH = `/commune/${BA_TO}/key-people`;

let stack: TestStack;
let browser: Browser;
let base: string;

let shown: Shown[] = [];
beforeAll(async () => {
  ({ stack, browser, base } = await startPages());
  shown = await watchWords(browser.context);
}, 180_000);
afterAll(() => stopPages({ stack, browser }));

/** The officer's page: the token on the address, as a sign-in link would bring it (taken into the browser). */
async function asOfficer(token?: string, path = PATH): Promise<Page> {
  const page = await openPage(browser, base, `${path}?token=${token ?? (await stack.token('COMMUNE_OFFICER', BA_TO))}`);
  await page
    .locator('[data-testid="kp-village"]')
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(async (e: unknown) => {
      console.error(await page.evaluate(() => document.body.innerText));
      throw e;
    });
  return page;
}

const countOf = (page: Page, role: string) =>
  page.locator(`[data-testid="kp-count"][data-role="${role}"] [data-testid="kp-count-line"]`).textContent();
const seat = (page: Page, village: string, role: string) =>
  page.locator(`[data-testid="kp-role"][data-village="${village}"][data-role="${role}"]`);

const revisions = (villageId: string, role: string) =>
  stack.sql<{ revision: number; current: boolean; certified_on: string | null; change: string; phone: string | null }>(
    `select revision, current, certified_on::text, change, phone from plans.key_person
      where village_id = $1 and role = $2 order by revision`,
    [villageId, role],
  );

it('the commune page links to it; Ba Tô’s officer sees 14 villages, the counts and each person', async () => {
  const commune = await openPage(browser, base, `/commune/${BA_TO}`);
  await commune.getByTestId('key-people-link').click({ timeout: 30_000 });
  await commune.waitForURL(`${base}${PATH}`);
  await commune.close();

  const page = await asOfficer();
  // The token is taken off the address bar.
  expect(new URL(page.url()).search).toBe('');
  expect(await page.locator('[data-testid="kp-village"]').count()).toBe(14);
  expect(await countOf(page, 'VILLAGE_HEAD')).toMatch(/^12\/14 có giấy chứng nhận/);
  expect(await countOf(page, 'PARTY_CELL_SECRETARY')).toMatch(/^14\/14 có giấy chứng nhận/);
  expect(await countOf(page, 'FRONT_HEAD')).toMatch(/^11\/14 có giấy chứng nhận/);
  const xaRau = page.locator(`[data-testid="kp-village"][data-village="${XA_RAU}"]`);
  expect(await xaRau.locator('h2').textContent()).toBe('Xà Râu (xã cũ Ba Nam)');
  expect(await xaRau.locator('[data-testid="kp-role"] .kp-title').allTextContents()).toEqual([
    'Trưởng thôn',
    'Bí thư Chi bộ',
    'Trưởng ban Công tác Mặt trận',
  ]);
  const head = seat(page, XA_RAU, 'VILLAGE_HEAD');
  expect(await head.getByTestId('kp-certificate').textContent()).toMatch(/chưa có giấy chứng nhận/);
  expect(await head.getByTestId('kp-tel').getAttribute('href')).toMatch(/^tel:\+84\d{9,10}$/);
  // A certified secretary shows the date as dd/mm/yyyy.
  expect(await seat(page, XA_RAU, 'PARTY_CELL_SECRETARY').getByTestId('kp-certificate').textContent()).toMatch(
    /Giấy chứng nhận ngày \d{2}\/\d{2}\/2025/,
  );
  await page.close();
}, 90_000);

it('Village.keyPeople answers every field of a key person (its revision’s time as a date)', async () => {
  const officer = await stack.token('COMMUNE_OFFICER', BA_TO);
  const res = await stack.gql<{ village: { keyPeople: Array<{ recordedAt: string; change: string }> } }>(
    `{ village(id: "${XA_RAU}") { keyPeople { recordedAt recordedBy change reason demo current } } }`,
    {},
    { token: officer },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.village.keyPeople).toHaveLength(3);
  for (const p of res.data!.village.keyPeople) expect(p.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
});

it('records the certificate of Xà Râu’s village head: the count goes up, a new revision is written', async () => {
  const page = await asOfficer();
  const head = seat(page, XA_RAU, 'VILLAGE_HEAD');
  const before = await revisions(XA_RAU, 'VILLAGE_HEAD');
  expect(before.map((r) => [r.revision, r.current, r.certified_on])).toEqual([[1, true, null]]);

  await head.getByTestId('kp-certify').click();
  // A date in the future is refused next to the field, before anything is sent.
  await head.getByTestId('kp-certifiedOn').fill('2099-01-01');
  await head.getByTestId('kp-save').click();
  expect(await head.locator('.field-error[data-field="certifiedOn"]').textContent()).toMatch(
    /^Ngày cấp giấy chứng nhận \(01\/01\/2099\) không thể sau hôm nay/,
  );
  expect(await revisions(XA_RAU, 'VILLAGE_HEAD')).toEqual(before);

  await head.getByTestId('kp-certifiedOn').fill('2025-11-25');
  await head.getByTestId('kp-save').click();
  await eventually(
    () => countOf(page, 'VILLAGE_HEAD'),
    (text) => expect(text).toMatch(/^13\/14 có giấy chứng nhận/),
  );
  expect(await head.getByTestId('kp-certificate').textContent()).toMatch(/Giấy chứng nhận ngày 25\/11\/2025/);
  expect(await head.getByTestId('kp-saved').textContent()).toBe('Đã lưu ngày cấp giấy chứng nhận.');
  // The form closed: keyboard focus is back on the row's first button.
  expect(await head.getByTestId('kp-edit').evaluate((el) => el === document.activeElement)).toBe(true);
  const after = await revisions(XA_RAU, 'VILLAGE_HEAD');
  expect(after.map((r) => [r.revision, r.current, r.certified_on, r.change])).toEqual([
    [1, false, null, 'NAMED'],
    [2, true, '2025-11-25', 'CERTIFIED'],
  ]);
  const audit = await stack.sql<{ operation: string; actor_role: string }>(
    `select operation, actor_role from plans.audit_entry where target_id like $1 order by id`,
    [`%:${XA_RAU}:VILLAGE_HEAD`],
  );
  expect(audit).toEqual([{ operation: 'recordKeyPersonCertification', actor_role: 'COMMUNE_OFFICER' }]);

  // Correcting the date needs a reason: asked for next to the field; with one, a third revision.
  await head.getByTestId('kp-certify').click();
  await head.getByTestId('kp-certifiedOn').fill('2025-11-24');
  await head.getByTestId('kp-save').click();
  expect(await head.locator('.field-error[data-field="reason"]').textContent()).toMatch(/muốn sửa phải ghi lý do$/);
  await head.getByTestId('kp-reason').fill('Ghi nhầm ngày trên giấy chứng nhận');
  await head.getByTestId('kp-save').click();
  await eventually(
    () => head.getByTestId('kp-certificate').textContent(),
    (text) => expect(text).toMatch(/Giấy chứng nhận ngày 24\/11\/2025/),
  );
  expect((await revisions(XA_RAU, 'VILLAGE_HEAD')).map((r) => [r.revision, r.change, r.certified_on])).toEqual([
    [1, 'NAMED', null],
    [2, 'CERTIFIED', '2025-11-25'],
    [3, 'CORRECTED', '2025-11-24'],
  ]);

  // The history shows the three, newest first.
  await head.getByTestId('kp-history-toggle').click();
  const history = head.getByTestId('kp-history').locator('li');
  await history.first().waitFor();
  expect(await history.count()).toBe(3);
  expect(await history.first().textContent()).toMatch(/Sửa ngày cấp giấy chứng nhận.*Lý do: Ghi nhầm ngày/s);
  await page.close();
}, 90_000);

it('a date recorded by mistake is removed, with a reason: the count goes down, the old date kept as history', async () => {
  const page = await asOfficer();
  const front = seat(page, XA_RAU, 'FRONT_HEAD');
  const before = await revisions(XA_RAU, 'FRONT_HEAD');
  expect(before.map((r) => r.certified_on === null)).toEqual([false]);
  const count = (await countOf(page, 'FRONT_HEAD'))!;
  await front.getByTestId('kp-certify').click();
  await front.getByTestId('kp-remove').click();
  expect(await front.locator('.field-error[data-field="reason"]').textContent()).toBe(
    'Muốn xoá ngày cấp giấy chứng nhận đã ghi phải ghi lý do',
  );
  expect(await revisions(XA_RAU, 'FRONT_HEAD')).toEqual(before);
  expect(await axeViolations(page)).toEqual([]);
  await front.getByTestId('kp-reason').fill('Ghi nhầm người: đồng chí chưa dự lớp');
  await front.getByTestId('kp-remove').click();
  await eventually(
    () => front.getByTestId('kp-certificate').textContent(),
    (text) => expect(text).toMatch(/chưa có giấy chứng nhận/),
  );
  const [certified, required] = count.split(' ')[0].split('/').map(Number);
  expect(await countOf(page, 'FRONT_HEAD')).toMatch(new RegExp(`^${certified - 1}/${required} có giấy chứng nhận`));
  expect((await revisions(XA_RAU, 'FRONT_HEAD')).map((r) => [r.revision, r.current, r.change, r.certified_on])).toEqual(
    [
      [1, false, 'NAMED', before[0].certified_on],
      [2, true, 'CORRECTED', null],
    ],
  );
  await page.close();
}, 90_000);

it('a bad phone is refused next to the field and nothing is sent or written', async () => {
  const page = await asOfficer();
  const secretary = seat(page, XA_RAU, 'PARTY_CELL_SECRETARY');
  const before = await revisions(XA_RAU, 'PARTY_CELL_SECRETARY');
  let mutations = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && /mutation/.test(r.postData() ?? '')) mutations++;
  });
  await secretary.getByTestId('kp-edit').click();
  await secretary.getByTestId('kp-phone').fill('0912 345');
  await secretary.getByTestId('kp-save').click();
  const error = secretary.locator('.field-error[data-field="phone"]');
  expect(await error.textContent()).toMatch(/^Số điện thoại "0912 345" không hợp lệ; hãy nhập số di động 10 chữ số/);
  expect(await secretary.getByTestId('kp-phone').getAttribute('aria-invalid')).toBe('true');
  expect(await secretary.getByTestId('kp-phone').getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
  // An empty name too.
  await secretary.getByTestId('kp-fullName').fill('  ');
  await secretary.getByTestId('kp-save').click();
  expect(await secretary.locator('.field-error[data-field="fullName"]').textContent()).toBe(
    'Họ và tên không được để trống',
  );
  await page.waitForTimeout(500);
  expect(mutations).toBe(0);
  expect(await revisions(XA_RAU, 'PARTY_CELL_SECRETARY')).toEqual(before);
  expect(await axeViolations(page)).toEqual([]);

  // Corrected: someone else now holds the role, with a number typed as +84; a new revision, the old one kept.
  await secretary.getByTestId('kp-fullName').fill('Hồ Thị Mai');
  await secretary.getByTestId('kp-phone').fill('+84 912 345 678');
  await secretary.getByTestId('kp-reason').fill('Chi bộ bầu bí thư mới');
  await secretary.getByTestId('kp-save').click();
  await eventually(
    () => secretary.getByTestId('kp-name').textContent(),
    (name) => expect(name).toBe('Hồ Thị Mai'),
  );
  expect(await secretary.getByTestId('kp-tel').textContent()).toBe('0912 345 678');
  expect(await secretary.getByTestId('kp-tel').getAttribute('href')).toBe('tel:+84912345678');
  // A new person has no certificate yet: the count of secretaries goes down.
  expect(await secretary.getByTestId('kp-certificate').textContent()).toMatch(/chưa có giấy chứng nhận/);
  expect(await countOf(page, 'PARTY_CELL_SECRETARY')).toMatch(/^13\/14 có giấy chứng nhận/);
  const after = await revisions(XA_RAU, 'PARTY_CELL_SECRETARY');
  expect(after.map((r) => [r.revision, r.current, r.change, r.phone])).toEqual([
    [1, false, 'NAMED', before[0].phone],
    [2, true, 'REPLACED', '0912345678'],
  ]);
  expect(mutations).toBe(1);

  // The phone layout.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: document.documentElement.scrollWidth, width, wide };
  });
  expect(overflow.scroll > overflow.width ? overflow.wide : []).toEqual([]);
  const shot = screenshotPath('key-people-phone');
  if (shot) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot });
  }
  await page.close();
}, 90_000);

it('shows the API’s own refusal when the officer’s sign-in has run out meanwhile; nothing is written', async () => {
  const short = await stack.token('COMMUNE_OFFICER', BA_TO, { ttlSeconds: 6 });
  const expires = Date.now() + 6_000;
  const page = await asOfficer(short);
  const front = seat(page, 'V02949-03', 'FRONT_HEAD');
  const before = await revisions('V02949-03', 'FRONT_HEAD');
  await front.getByTestId('kp-certify').click();
  await front.getByTestId('kp-certifiedOn').fill('2025-11-21');
  stack.advanceClock(Math.max(0, expires - Date.now()) + 1_500); // the gateway's clock: the sign-in runs out now
  await front.getByTestId('kp-save').click();
  const message = front.getByTestId('kp-message');
  await message.waitFor({ timeout: 15_000 });
  expect(await message.textContent()).toBe(
    'Không có quyền xem hoặc sửa mục này, hoặc phiên đăng nhập đã hết hạn: hãy đăng nhập lại.',
  );
  expect(await revisions('V02949-03', 'FRONT_HEAD')).toEqual(before);
  await page.close();
}, 90_000);

it('a public visitor sees the counts and a sign-in link, no names or phones; axe finds nothing', async () => {
  const page = await openPage(browser, base, PATH);
  // This browser kept the officer's token: a visitor without one.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('kp-signin').waitFor({ timeout: 30_000 });
  expect(await countOf(page, 'VILLAGE_HEAD')).toMatch(/^13\/14 có giấy chứng nhận/);
  expect(await page.locator('[data-testid="kp-village"], [data-testid="kp-name"], a[href^="tel:"]').count()).toBe(0);
  expect(await page.getByTestId('kp-signin').innerText()).toMatch(/phụ trách\. Đăng nhập để xem, cán bộ xã/);
  expect(await page.getByTestId('kp-signin').locator('a').getAttribute('href')).toBe(
    `/login?next=${encodeURIComponent(PATH)}`,
  );
  const names = await stack.sql<{ full_name: string }>(
    `select full_name from plans.key_person where commune_id = $1 and current`,
    [BA_TO],
  );
  const text = await page.evaluate(() => document.body.innerText);
  for (const { full_name } of names) expect(text).not.toContain(full_name);
  expect(text).not.toMatch(/0999/);
  expect(await axeViolations(page)).toEqual([]);
  await page.close();
}, 90_000);

it('a province viewer reads names and phones but is offered no change; the province admin is', async () => {
  const viewer = await asOfficer(await stack.token('PROVINCE_VIEWER', 'P23'));
  expect(await viewer.locator('[data-testid="kp-village"]').count()).toBe(14);
  expect(await viewer.locator('[data-testid="kp-tel"]').count()).toBeGreaterThan(0);
  expect(await viewer.locator('[data-testid="kp-edit"], [data-testid="kp-certify"]').count()).toBe(0);
  expect(await viewer.getByTestId('kp-readonly').textContent()).toMatch(/Chỉ cán bộ xã Ba Tô hoặc quản trị cấp tỉnh/);
  await viewer.close();
  const admin = await asOfficer(await stack.token('PROVINCE_ADMIN', 'P23'));
  expect(await admin.locator('[data-testid="kp-certify"]').count()).toBeGreaterThan(0);
  await admin.close();
}, 90_000);

it('Ngọk Bay’s officer names a village head where nobody was, in the commune’s plan', async () => {
  const page = await asOfficer(await stack.token('COMMUNE_OFFICER', 'C02032'), '/commune/C02032/key-people');
  const village = 'V02032-10';
  const head = seat(page, village, 'VILLAGE_HEAD');
  expect(await head.getByTestId('kp-name').textContent()).toBe('chưa có người đảm nhiệm');
  expect(await countOf(page, 'VILLAGE_HEAD')).toMatch(/ · 10 thôn chưa có người$/);
  await head.getByTestId('kp-edit').click();
  // Nobody held the role: no reason to give, no certificate to record yet.
  expect(await head.getByTestId('kp-reason').count()).toBe(0);
  expect(await head.getByTestId('kp-certify').count()).toBe(0);
  await head.getByTestId('kp-fullName').fill('A Nhơn');
  await head.getByTestId('kp-phone').fill('0345.678.901');
  await head.getByTestId('kp-save').click();
  await eventually(
    () => head.getByTestId('kp-name').textContent(),
    (name) => expect(name).toBe('A Nhơn'),
  );
  expect(await countOf(page, 'VILLAGE_HEAD')).toMatch(/ · 9 thôn chưa có người$/);
  expect(
    await stack.sql(
      `select k.revision, k.change, k.phone, p.number from plans.key_person k join plans.commune_plan p on p.id = k.plan_id
        where k.village_id = $1`,
      [village],
    ),
  ).toEqual([{ revision: 1, change: 'NAMED', phone: '0345678901', number: 'KH-UBND 08/2025' }]);
  await page.close();
}, 90_000);

it('a village head signed in sees the people of the own village only, and no forms', async () => {
  const page = await asOfficer(await stack.token('VILLAGE_REPORTER', XA_RAU));
  expect(
    await page
      .locator('[data-testid="kp-village"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-village'))),
  ).toEqual([XA_RAU]);
  expect(await page.locator('[data-testid="kp-edit"], [data-testid="kp-certify"]').count()).toBe(0);
  await page.close();
}, 90_000);

it('the draft report’s key-people line links to the page', async () => {
  const officer = await stack.token('COMMUNE_OFFICER', BA_TO);
  const input = { communeId: BA_TO, directiveId: DEMO_IDS.letter639, dueOn: '2025-11-20' };
  const drafted = await stack.gql(
    `mutation ($input: CommuneReportInput!) { saveCommuneReport(input: $input) { id } }`,
    {
      input,
    },
    { token: officer },
  );
  expect(drafted.errors).toBeUndefined();
  // The commune page reads the token kept in the browser.
  const page = await openPage(browser, base, `/commune/${BA_TO}`);
  await page.evaluate((t) => localStorage.setItem('bdhvs.token', t), officer);
  await page.reload();
  const request = page.getByTestId('report-request');
  await request.waitFor({ timeout: 30_000 });
  await request.selectOption(`${DEMO_IDS.letter639}|2025-11-20`);
  const link = page.getByTestId('report-key-people-link');
  await link.waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('report-key-people').innerText()).toMatch(
    /^Cán bộ chủ chốt thôn .*Trưởng thôn 13\/14.*\(đến hôm nay; chốt khi gửi báo cáo\) · Cập nhật cán bộ chủ chốt thôn$/,
  );
  await link.click();
  await page.waitForURL(`${base}${PATH}`);
  await page.close();
}, 90_000);

it('axe finds nothing on the officer’s page; one query loads it; no developer words', async () => {
  const token = await stack.token('COMMUNE_OFFICER', BA_TO);
  const page = await browser.context.newPage();
  let posts = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST') posts++;
  });
  await page.goto(`${base}${PATH}?token=${token}`);
  await page.locator('[data-testid="kp-village"]').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  expect(posts).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  const text = await page.evaluate(() => document.body.innerText);
  for (const leak of [
    /\btoken\b/i,
    /(PROVINCE|COMMUNE|VILLAGE|UNIT)_(ADMIN|VIEWER|OFFICER|REPORTER)/,
    /VILLAGE_HEAD|PARTY_CELL_SECRETARY|FRONT_HEAD/,
    /\b\d{4}-\d{2}-\d{2}\b/,
    /undefined|null\b|NaN/,
  ])
    expect(text).not.toMatch(leak);
  await page.close();
}, 90_000);

itShowedOfficialsWordsOnly(() => shown);
