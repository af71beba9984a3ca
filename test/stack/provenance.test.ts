/**
 * Provenance of the demo data (issue 23, item 5), through the gateway: every directive and plan, and every target,
 * reporting deadline and reward rule in them, names the seed letter and section it is taken from or is marked
 * illustrative (demo); the letters' own facts are where the letters put them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ok, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

interface Item {
  citation: string | null;
  demo: boolean;
}
interface Doc extends Item {
  number: string;
  issuedOn: string;
  replacesNumber?: string | null;
  targets: Array<Item & { indicator: string; group: string; threshold: number; dueOn: string }>;
  reportingDeadlines: Array<Item & { dueOn: string | null; subject: string }>;
  rewardRules?: Array<Item & { subject: string }>;
}

const ITEM = 'citation demo';
const CONTENT = `number issuedOn ${ITEM} targets { indicator group threshold dueOn ${ITEM} }
  reportingDeadlines { dueOn subject ${ITEM} }`;
const PLAN = `${CONTENT} replacesNumber rewardRules { subject ${ITEM} }`;
/** Ba Tô, Ngọk Bay, Khánh Cường: the communes of the seed letters. */
const DEMO_COMMUNES = ['C02949', 'C02032', 'C01590'];
/** The seed letters, as the repository keeps them (data/letters, copied from the campaign's shared set). */
const SEEDS = readdirSync(path.join(__dirname, '..', '..', 'data', 'letters'));

async function documents() {
  const data = ok(
    await stack.gql<{ province: { directives: Doc[] } } & Record<string, { plans: Doc[] }>>(
      `{ province(code: "23") { directives { ${CONTENT} } }
         ${DEMO_COMMUNES.map((id) => `${id}: commune(id: "${id}") { plans { ${PLAN} } }`).join('\n')} }`,
    ),
  );
  return { directives: data.province.directives, plans: DEMO_COMMUNES.flatMap((id) => data[id].plans) };
}

/** A citation names a seed letter that exists (its file), or the item is marked demo. */
function traceable(what: string, item: Item): string[] {
  if (item.demo) return [];
  if (!item.citation) return [`${what}: no citation and not marked demo`];
  const files = item.citation.match(/\d{3}_[0-9a-f]{16}\.txt/g) ?? [];
  if (files.length === 0) return [`${what}: "${item.citation}" names no seed letter`];
  return files.filter((f) => !SEEDS.includes(f)).map((f) => `${what}: ${f} is not a seed letter`);
}

it('every demo directive and plan, and each of their targets, deadlines and rules, cites its letter or is marked demo', async () => {
  const { directives, plans } = await documents();
  expect(directives.length).toBeGreaterThanOrEqual(4);
  expect(plans.length).toBeGreaterThanOrEqual(5);
  const problems = [...directives, ...plans].flatMap((d) => [
    ...traceable(d.number, d),
    ...d.targets.flatMap((t) => traceable(`${d.number} target ${t.group} ${t.indicator}`, t)),
    ...d.reportingDeadlines.flatMap((x) => traceable(`${d.number} deadline ${x.subject}`, x)),
    ...(d.rewardRules ?? []).flatMap((r) => traceable(`${d.number} rule ${r.subject}`, r)),
  ]);
  expect(problems).toEqual([]);
  // Khánh Cường's reward rules are not in its letter: marked, not presented as the letter's.
  const khanhCuong = plans.find((p) => p.citation === '002_f8eec46e59f5584d.txt')!;
  expect(khanhCuong.rewardRules!.length).toBeGreaterThan(0);
  expect(khanhCuong.rewardRules!.every((r) => r.demo)).toBe(true);
});

it('Ba Tô: plan 76/KH-UBND (13/10), letter 489/UBND (15/10) and the late-October letter that replaces 525/UBND', async () => {
  const { plans } = await documents();
  const byNumber = new Map(plans.map((p) => [p.number, p]));
  expect(byNumber.get('76/KH-UBND')).toMatchObject({ issuedOn: '2025-10-13', replacesNumber: null, demo: false });
  expect(byNumber.get('489/UBND')).toMatchObject({ issuedOn: '2025-10-15', demo: false });
  const october = plans.find((p) => p.replacesNumber === '525/UBND')!;
  // 525/UBND is of 24/10: what replaces it is issued after, and says where each rule comes from (004 §4.1).
  expect(october.issuedOn > '2025-10-24').toBe(true);
  expect(october.rewardRules!.map((r) => r.citation)).toEqual(
    october.rewardRules!.map(() => '004_677c41495f04c64c.txt §4.1'),
  );
  expect(october.reportingDeadlines.map((d) => [d.dueOn, d.citation])).toEqual([
    ['2025-11-05', '004_677c41495f04c64c.txt §1'],
    ['2025-11-07', '004_677c41495f04c64c.txt §2.5'],
    ['2025-11-15', '004_677c41495f04c64c.txt §4.1'],
  ]);
});

it('the 80% of adults comes from the letter that states it, and communes are asked once for the report before 20/11', async () => {
  const { directives } = await documents();
  const eighty = directives.flatMap((d) =>
    d.targets.filter((t) => t.group === 'RESIDENTS' && t.indicator === 'JOINED').map((t) => ({ d, t })),
  );
  expect(eighty.map(({ d, t }) => [d.number, t.threshold, t.citation])).toEqual([
    ['2027/SKHCN-BCVT&CĐS', 0.8, '002_f8eec46e59f5584d.txt §3.2; 000_678179e416c0e29f.txt'],
  ]);
  expect(directives.find((d) => d.number === '125/KH-UBND')!.targets).toEqual([]);
  const due = directives.flatMap((d) => d.reportingDeadlines.filter((x) => x.dueOn === '2025-11-20'));
  expect(due).toHaveLength(1);
  expect(due[0].citation).toBe('001_a55e4b272d7ff6cd.txt §8');
  const followUp = ok(
    await stack.gql<{ province: { reportFollowUp: Array<{ directiveNumber: string; dueOn: string }> } }>(
      `{ province(code: "23") { reportFollowUp(dueOn: "2025-11-20") { directiveNumber dueOn } } }`,
    ),
  ).province.reportFollowUp;
  expect(followUp.map((r) => r.directiveNumber)).toEqual(['639/SKHCN-BCVT&CĐS']);
});

it('a target’s status carries its citation, as the pages and the commune report show it', async () => {
  const status = ok(
    await stack.gql<{
      commune: { targetStatus: Array<{ group: string; indicator: string; document: string; citation: string }> };
    }>(`{ commune(id: "C02949") { targetStatus(asOf: "2025-11-20") { group indicator document citation demo } } }`),
  ).commune.targetStatus;
  const residents = status.find((t) => t.group === 'RESIDENTS' && t.indicator === 'JOINED')!;
  expect(residents).toMatchObject({ document: '76/KH-UBND', citation: '004_677c41495f04c64c.txt, chú thích 1' });
});

it('Ba Tô’s reward proposal is the Phòng Văn hóa – Xã hội’s to make by 15/11, for the People’s Committee to decide (004 §4.1)', async () => {
  const plans = ok(
    await stack.gql<{
      commune: {
        plans: Array<{
          replacesNumber: string | null;
          tasks: Array<{ title: string; dueOn: string; unit: { name: string } | null }>;
          reportingDeadlines: Array<{ reporter: string; dueOn: string }>;
        }>;
      };
    }>(`{ commune(id: "C02949") { plans { replacesNumber tasks { title dueOn unit { name } }
           reportingDeadlines { reporter dueOn } } } }`),
  ).commune.plans;
  const october = plans.find((p) => p.replacesNumber === '525/UBND')!;
  const proposal = october.tasks.find((t) => t.title.includes('đề xuất UBND xã khen thưởng'))!;
  expect(proposal).toMatchObject({ dueOn: '2025-11-15', unit: { name: 'Phòng Văn hóa – Xã hội xã Ba Tô' } });
  expect(october.reportingDeadlines.find((d) => d.dueOn === '2025-11-15')!.reporter).toBe('Phòng Văn hóa - Xã hội');
});
