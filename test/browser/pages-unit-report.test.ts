import type { Page } from 'playwright-core';
import {
  axeViolations,
  type Browser,
  eventually,
  screenshotPath,
  startPages,
  stopPages,
  submitConfirming,
} from '../support/browser';
import { createBaToOfficer } from '../support/commune-officer';
import { startRelay, type Relay } from '../support/relay';
import { ok, type TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

/**
 * A school's reporter on a phone: the commune officer makes the account and its invite link on /accounts, the
 * reporter opens the link (signed in, on the school's form: its staff, its students and their levels), loses the
 * signal, sends staff and students by level, and the report arrives once when the signal returns. Figures the API
 * would refuse are refused on the page, in Vietnamese, and nothing is sent. The village form names people too.
 */
const BA_TO = 'C02949';
let stack: TestStack;
let browser: Browser;
let relay: Relay;
let school = { id: '', name: '' };
let inviteLink = '';

let shown: Shown[] = [];
beforeAll(async () => {
  ({ stack, browser } = await startPages());
  shown = await watchWords(browser.context);
  relay = await startRelay(stack.gateway.url);
  await createBaToOfficer(stack);
  const { commune } = ok(
    await stack.gql<{ commune: { units: { id: string; name: string; type: string }[] } }>(
      `query ($id: ID!) { commune(id: $id) { units { id name type } } }`,
      { id: BA_TO },
    ),
  );
  // The lower-secondary school: the demo registry's school that reports its students.
  school = commune.units.find((u) => u.type === 'SCHOOL' && u.name.startsWith('Trường THCS'))!;
}, 180_000);
afterAll(async () => {
  await relay?.close();
  await stopPages({ stack, browser });
});

const reportsOf = async (id: string) =>
  Number(
    (await stack.sql<{ n: string }>('select count(*) as n from reports.unit_report where reporter_id = $1', [id]))[0].n,
  );
const reportsWithKey = async (key: string) =>
  Number(
    (
      await stack.sql<{ n: string }>('select count(*) as n from reports.unit_report where idempotency_key = $1', [key])
    )[0].n,
  );
const outboxKeys = (page: Page) =>
  page.evaluate(() =>
    (JSON.parse(localStorage.getItem('bdhvs.outbox') ?? '[]') as { input: { idempotencyKey: string } }[]).map(
      (i) => i.input.idempotencyKey,
    ),
  );
/** A count as a Vietnamese clerk types it: 1.200 for 1200. */
const typed = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const valueOf = async (page: Page, field: string) =>
  Number((await page.getByTestId(field).inputValue()).replace(/\./g, '') || '0');

it("a commune officer makes an invite for a school's reporter; the commune's units link to their forms", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${relay.url}/login`);
  await page.getByTestId('login').fill('cb.bato');
  await page.getByTestId('password').fill('ba-to-2025!');
  await page.getByTestId('sign-in').click();
  await page.waitForURL(`${relay.url}/commune/${BA_TO}`, { timeout: 30_000 });
  await page.locator(`#units a[href="/unit/${school.id}/report"]`).waitFor({ state: 'attached', timeout: 30_000 });
  expect(await page.locator(`#units a[href="/unit/${school.id}/report"]`).textContent()).toBe(school.name);

  await page.goto(`${relay.url}/accounts`);
  const choice = `UNIT_REPORTER ${school.id}`;
  await page.locator(`[data-testid="account-choice"] option[value="${choice}"]`).waitFor({
    state: 'attached',
    timeout: 30_000,
  });
  await page.getByTestId('account-name').fill('Phạm Thị Hoa');
  await page.getByTestId('account-login').fill('bc.thcs.bato');
  await page.getByTestId('account-choice').selectOption(choice);
  await page.getByTestId('create-account').click();
  const row = page.locator('[data-testid="accounts"] tr[data-login="bc.thcs.bato"]');
  await row.waitFor({ timeout: 15_000 });
  await row.getByTestId('make-invite').click();
  inviteLink = await page.getByTestId('invite-link').inputValue();
  expect(inviteLink).toMatch(new RegExp(`^${relay.url}/invite#[A-Za-z0-9_-]{20,}$`));
  await page.getByTestId('sign-out').click();
  await page.waitForURL(`${relay.url}/login`);
  await page.close();
}, 120_000);

it("the school's reporter opens the link on a phone, is refused bad figures, and sends offline once", async () => {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] unit form: ${error.message}`));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(inviteLink);
  await page.waitForURL(`${relay.url}/unit/${school.id}/report`, { timeout: 30_000 });
  await page.getByTestId('report-form').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('signed-in-as').textContent()).toContain('Phạm Thị Hoa');
  const heading = (await page.locator('h1').textContent()) ?? '';
  expect(heading).toContain(school.name);
  expect(await page.locator('body').textContent()).toContain('Trường học ·');
  // A school's groups: its staff and its students, by level; no residents or workers.
  for (const field of ['groups.OFFICIALS.registered', 'groups.STUDENTS.registered'])
    expect(await page.getByTestId(field).count()).toBe(1);
  for (const field of ['groups.RESIDENTS.registered', 'groups.WORKERS.registered'])
    expect(await page.getByTestId(field).count()).toBe(0);
  expect(await page.getByTestId('student-levels').textContent()).toMatch(/Tiểu học.*THCS.*THPT/s);
  const shot = screenshotPath('unit-report-phone'); // npm run screenshots: the picture in docs/pages.md
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  // The levels of its newest report are filled in (only the newest report's levels count).
  const last = ok(
    await stack.gql<{ unit: { reports: { studentLevels: { level: string; enrolled: number }[] | null }[] } }>(
      `query ($id: ID!) { unit(id: $id) { reports { studentLevels { level enrolled } } } }`,
      { id: school.id },
    ),
  ).unit.reports[0].studentLevels;
  expect(last).not.toBeNull();
  for (const l of last!) expect(await valueOf(page, `studentLevels.${l.level}.enrolled`)).toBe(l.enrolled);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await eventually(
    () => page.evaluate(() => navigator.serviceWorker.controller !== null),
    (controlled) => expect(controlled).toBe(true),
    30_000,
  );

  const before = await reportsOf(school.id);
  const message = () => page.getByTestId('form-message').textContent();
  // Certified above completed: said on the box, nothing sent.
  const staff = {
    registered: (await valueOf(page, 'groups.OFFICIALS.registered')) + 1,
    completed: await valueOf(page, 'groups.OFFICIALS.completed'),
  };
  await page.getByTestId('groups.OFFICIALS.registered').fill(typed(staff.registered));
  await page.getByTestId('groups.OFFICIALS.certified').fill(typed(staff.completed + 1));
  await page.getByTestId('submit').click();
  expect(await page.locator('[data-field="groups.OFFICIALS.certified"]').textContent()).toBe(
    `Số cán bộ, công chức, viên chức được cấp chứng nhận (${typed(staff.completed + 1)}) ` +
      `không thể lớn hơn số đã hoàn thành (${typed(staff.completed)})`,
  );
  expect(await message()).toBe('Hãy sửa các ô được đánh dấu.');
  await page.getByTestId('groups.OFFICIALS.certified').fill(typed(staff.completed));

  // Students by level adding up to more than the students: said, nothing sent.
  const students = { registered: 120, completed: 90, certified: 60 };
  for (const [stage, n] of Object.entries(students)) await page.getByTestId(`groups.STUDENTS.${stage}`).fill(typed(n));
  const level = 'studentLevels.LOWER_SECONDARY';
  await page.getByTestId(`${level}.enrolled`).fill('1.250');
  await page.getByTestId(`${level}.registered`).fill('121');
  await page.getByTestId(`${level}.completed`).fill('90');
  await page.getByTestId(`${level}.certified`).fill('60');
  await page.getByTestId('submit').click();
  expect(await page.locator('[data-field="studentLevels"]').textContent()).toBe(
    'Tổng số học sinh theo cấp học (121) lớn hơn số học sinh của báo cáo (120); ' +
      'số theo cấp học là một phần của số học sinh',
  );
  expect(await outboxKeys(page)).toEqual([]);
  expect(await reportsOf(school.id)).toBe(before);

  // Fixed, with no signal: kept in the phone, sent once when the signal returns.
  await page.getByTestId(`${level}.registered`).fill('120');
  await page.getByTestId('person-add').click();
  await page.getByTestId('people.0.name').fill('Phạm Thị Hoa');
  await page.getByTestId('people.0.guided').fill('12');
  relay.down();
  await browser.context.setOffline(true);
  await submitConfirming(page);
  await page.locator('[data-testid="form-message"][data-kind="queued"]').waitFor({ timeout: 15_000 });
  const [key] = await outboxKeys(page);
  expect(await reportsWithKey(key)).toBe(0);
  relay.up();
  await browser.context.setOffline(false);
  await eventually(message, (v) => expect(v).toContain('Đã gửi báo cáo'), 30_000);
  expect(await reportsWithKey(key)).toBe(1);
  expect(await outboxKeys(page)).toEqual([]);
  await page.reload();
  await page.getByTestId('report-form').waitFor();
  expect(await reportsWithKey(key)).toBe(1);
  await page.close();

  // Through the API: the school's newest report has its staff, its students by level and the named person.
  const officer = await stack.token('COMMUNE_OFFICER', BA_TO);
  const { unit } = ok(
    await stack.gql<{
      unit: {
        reports: {
          groups: { group: string; registered: number; certified: number }[];
          studentLevels: { level: string; enrolled: number; registered: number; certified: number }[] | null;
          people: { name: string; guided: number }[] | null;
        }[];
      };
    }>(
      `query ($id: ID!) { unit(id: $id) { reports {
        groups { group registered certified } studentLevels { level enrolled registered certified } people { name guided }
      } } }`,
      { id: school.id },
      { token: officer },
    ),
  );
  const newest = unit.reports[0];
  expect(newest.groups).toEqual(
    expect.arrayContaining([
      { group: 'OFFICIALS', registered: staff.registered, certified: staff.completed },
      { group: 'STUDENTS', registered: 120, certified: 60 },
    ]),
  );
  expect(newest.studentLevels).toEqual([{ level: 'LOWER_SECONDARY', enrolled: 1250, registered: 120, certified: 60 }]);
  expect(newest.people).toEqual([{ name: 'Phạm Thị Hoa', guided: 12 }]);
}, 180_000);

it('the village form names people for the rewards too: rows added and removed, only the rows kept are sent', async () => {
  const village = 'V02949-08';
  const token = await stack.token('VILLAGE_REPORTER', village);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  // Another phone: not signed in as the school's reporter (a signed-in account would send as itself).
  await browser.context.clearCookies();
  await page.goto(`${relay.url}/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${relay.url}/village/${village}/report?token=${token}`);
  await page.getByTestId('report-form').waitFor({ timeout: 30_000 });
  // A village reports no students by level.
  expect(await page.getByTestId('student-levels').count()).toBe(0);
  await page.getByTestId('person-add').click();
  await page.getByTestId('person-add').click();
  await page.getByTestId('people.0.name').fill('Đinh Văn Bảy');
  await page.getByTestId('people.1.name').fill('Đinh Thị Tám');
  await page.getByTestId('people.1.guided').fill('1,5');
  await page.getByTestId('submit').click();
  expect(await page.locator('[data-field="people.1.guided"]').textContent()).toBe(
    'Số người Đinh Thị Tám đã hướng dẫn phải là số nguyên không âm (đang nhập 1,5)',
  );
  await page.getByTestId('people.1.guided').fill('15');
  await page.getByTestId('person-remove').first().click();
  expect(await page.getByTestId('person').count()).toBe(1);
  expect(await page.getByTestId('people.0.name').inputValue()).toBe('Đinh Thị Tám');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await submitConfirming(page);
  await eventually(
    async () =>
      `${await page.getByTestId('form-message').textContent()} ${(await page.getByTestId('refused-reasons').allTextContents()).join(' ')}`,
    (v) => expect(v).toContain('Đã gửi báo cáo'),
    30_000,
  );
  const people = await stack.sql<{ name: string; role: string; guided: number }>(
    `select p.name, p.role, p.guided from reports.report_person p
       where p.report_id = (select max(id) from reports.unit_report where reporter_id = $1)`,
    [village],
  );
  expect(people).toEqual([{ name: 'Đinh Thị Tám', role: 'RESIDENT', guided: 15 }]);
  await page.close();
}, 120_000);

itShowedOfficialsWordsOnly(() => shown);
