import type { EntityManager } from '@mikro-orm/postgresql';
import { seedNational as seedRegistry } from '../subgraphs/registry/national-seed';
import { seedNational as seedReports } from '../subgraphs/reports/national-seed';
import { errorCode, ok, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

interface Entry {
  position: number;
  cursor: string;
  commune: { id: string; name: string; province: { code: string } };
  progress: { learners: number; adults: number | null };
}
const COMMUNES = `query($first: Int, $after: String, $asOf: Date) { nation(asOf: $asOf) {
  communeRanking(first: $first, after: $after) { position cursor commune { id name province { code } } progress { learners adults } } } }`;
const ALL = `query($asOf: Date) { nation(asOf: $asOf) { progress { learners adults participationRate }
  provinceRanking { position province { code name } progress { learners participationRate } }
  communeRanking { position commune { id name province { code } } progress { learners participationRate } } } }`;

const DASHBOARD = `query($code: String!, $asOf: Date!) { province(code: $code) { name progress(asOf: $asOf) { learners participationRate }
  ranking(asOf: $asOf) { position change commune { name } progress { learners officialsRate residentsRate } }
  communes { id name rank(asOf: $asOf) { position change } progress(asOf: $asOf) { learners participationRate }
    villages { name progress(asOf: $asOf) { learners participationRate } } } } }`;

type All = {
  nation: {
    progress: { learners: number; adults: number };
    provinceRanking: Array<{ position: number; province: { code: string }; progress: { learners: number } }>;
    communeRanking: Entry[];
  };
};

async function measure(asOf: string): Promise<{ data: All; statements: number }> {
  stack.resetSqlCount();
  const data = ok(await stack.gql<All>(ALL, { asOf }));
  return { data, statements: stack.sqlCount() };
}

describe('Query.nation', () => {
  it('ranks the 34 provinces and all 3,320 communes; the country sums its provinces', async () => {
    const { data } = await measure('2025-10-26');
    const { provinceRanking, communeRanking, progress } = data.nation;
    expect(provinceRanking.map((p) => p.position)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(provinceRanking[0].province.code).toBe('23'); // the only province with figures in the test data
    expect(communeRanking).toHaveLength(3320);
    expect(new Set(communeRanking.map((c) => c.commune.id)).size).toBe(3320);
    expect(progress.learners).toBe(provinceRanking.reduce((s, p) => s + p.progress.learners, 0));
    const baTo = communeRanking.find((c) => c.commune.name === 'Ba Tô' && c.commune.province.code === '23')!;
    expect(baTo.progress.learners).toBe(208); // the letters' 144 + 64
  });

  it('pages with first/after without gaps or repeats, and refuses a bad page', async () => {
    const asOf = '2025-10-26';
    const page = (first: number, after?: string) =>
      stack.gql<{ nation: { communeRanking: Entry[] } }>(COMMUNES, { first, after, asOf });
    const one = ok(await page(5)).nation.communeRanking;
    const two = ok(await page(5, one[4].cursor)).nation.communeRanking;
    expect([...one, ...two].map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(errorCode(await page(0))).toBe('BAD_USER_INPUT');
    expect(errorCode(await page(5, 'abc'))).toBe('BAD_USER_INPUT');
  });

  it('makes the same number of SQL statements however many provinces have villages and reports', async () => {
    const before = await measure('2025-12-05');
    // Two more provinces get national demo data (Lai Châu and Cao Bằng, the smallest), reports too.
    await seedRegistry(stack.subgraphs.registry.orm.orm.em.fork() as EntityManager, () => undefined, ['25', '26']);
    await seedReports(stack.subgraphs.reports.orm.orm.em.fork() as EntityManager);
    const after = await measure('2025-12-05');
    const withFigures = (d: All) => d.nation.provinceRanking.filter((p) => p.progress.learners > 0).length;
    expect(withFigures(after.data)).toBeGreaterThan(withFigures(before.data));
    expect(after.data.nation.progress.learners).toBeGreaterThan(before.data.nation.progress.learners);
    expect(after.statements).toBe(before.statements);
    expect(after.statements).toBeLessThanOrEqual(12);
  });

  it('serves a nationally seeded province’s dashboard in the same number of statements as Quảng Ngãi’s', async () => {
    const dashboard = async (code: string) => {
      stack.resetSqlCount();
      const data = ok(
        await stack.gql<{ province: { communes: Array<{ villages: unknown[] }>; progress: { learners: number } } }>(
          DASHBOARD,
          { code, asOf: '2025-12-05' },
        ),
      );
      return { data, statements: stack.sqlCount() };
    };
    const laiChau = await dashboard('26'); // seeded by the previous test
    const quangNgai = await dashboard('23');
    expect(laiChau.data.province.progress.learners).toBeGreaterThan(0);
    expect(laiChau.data.province.communes.every((c) => c.villages.length >= 20)).toBe(true);
    expect(laiChau.statements).toBe(quangNgai.statements);
  });
});
