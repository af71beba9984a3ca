import { axeViolations, type Browser, openPage, startPages, stopPages } from '../support/browser';
import { ok, type TestStack } from '../support/stack';
import { itShowedOfficialsWordsOnly, watchWords, type Shown } from '../support/words-watch';

/**
 * The rewards page of Ba Tô (/commune/C02949/rewards): the reward rules of its own plan, and who meets them — units,
 * villages, and for its officials the people named in the latest reports — each with the figures it was measured by,
 * as the API computes them (`Commune.rewards`).
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

interface Api {
  commune: {
    rewards: {
      document: string;
      rules: unknown[];
      units: Array<{ eligible: boolean }>;
      villages: Array<{ eligible: boolean }>;
      people: Array<{ role: string }> | null;
    };
  };
}
const REWARDS = `query { commune(id: "C02949") { rewards { document rules { subject } units { eligible } villages { eligible }
  people { role } } } }`;

it('a visitor reaches the page from the commune page and reads the rules and the units and villages that meet them', async () => {
  const api = ok(await stack.gql<Api>(REWARDS)).commune.rewards;
  const page = await openPage(browser, base, '/commune/C02949');
  await page.getByTestId('rewards-link').click();
  await page.getByTestId('reward-rules').waitFor({ timeout: 30_000 });
  expect(new URL(page.url()).pathname).toBe('/commune/C02949/rewards');
  expect(await page.locator('h1').textContent()).toBe('Khen thưởng — Xã Ba Tô');
  expect(await page.locator('.subtitle').textContent()).toContain(`văn bản ${api.document}`);
  expect(await page.getByTestId('reward-rules').locator('li').count()).toBe(api.rules.length);
  for (const [testid, list] of [
    ['reward-units', api.units],
    ['reward-villages', api.villages],
  ] as const) {
    const panel = page.getByTestId(testid);
    const met = list.filter((c) => c.eligible).length;
    expect(await panel.locator('h2').textContent()).toMatch(new RegExp(`: ${met}/${list.length} đạt tiêu chí$`));
    expect(await panel.locator('tbody tr').count()).toBe(list.length);
    expect(await panel.locator('tbody tr[data-eligible="yes"]').count()).toBe(met);
  }
  // Names of people are personal: not for a visitor, who is told who may see them.
  expect(await page.getByTestId('reward-officials').count()).toBe(0);
  expect(await page.getByTestId('reward-people-signin').textContent()).toContain('chỉ hiện cho cán bộ của xã');
  expect(await axeViolations(page)).toEqual([]);
  await page.close();
}, 60_000);

it('the commune’s officer also sees the people named in the latest reports, officials and residents apart', async () => {
  const officer = await stack.token('COMMUNE_OFFICER', 'C02949');
  const api = ok(await stack.gql<Api>(REWARDS, {}, { token: officer })).commune.rewards;
  const page = await openPage(browser, base, `/commune/C02949/rewards?token=${officer}`);
  await page.getByTestId('reward-officials').waitFor({ timeout: 30_000 });
  const officials = (api.people ?? []).filter((p) => p.role === 'OFFICIAL').length;
  expect(await page.getByTestId('reward-officials').locator('tbody tr').count()).toBe(officials);
  expect(await page.getByTestId('reward-residents').locator('tbody tr').count()).toBe(
    (api.people ?? []).length - officials,
  );
  await page.close();
}, 60_000);

itShowedOfficialsWordsOnly(() => shown);
