import { seedNational as seedRegistry } from '../../subgraphs/registry/national-seed';
import { seedNational as seedReports } from '../../subgraphs/reports/demo/national-seed';
import { startProxiedGateway } from '../support/delaying-proxy';
import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';

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
  provincesWithoutFigures { code name }
  communeRanking { position commune { id name province { code } } progress { learners participationRate } } } }`;

const DASHBOARD = `query($code: String!, $asOf: Date!) { province(code: $code) { name progress(asOf: $asOf) { learners participationRate }
  ranking(asOf: $asOf) { position change commune { name } progress { learners officialsRate residentsRate } }
  communes { id name rank(asOf: $asOf) { position change } progress(asOf: $asOf) { learners participationRate }
    villages { name progress(asOf: $asOf) { learners participationRate } } } } }`;

type All = {
  nation: {
    progress: { learners: number; adults: number };
    provinceRanking: Array<{
      position: number;
      province: { code: string; name: string };
      progress: { learners: number };
    }>;
    provincesWithoutFigures: Array<{ code: string; name: string }>;
    communeRanking: Entry[];
  };
};

async function measure(asOf: string): Promise<{ data: All; statements: number }> {
  stack.resetSqlCount();
  const data = ok(await stack.gql<All>(ALL, { asOf }));
  return { data, statements: stack.sqlCount() };
}

describe('Query.nation', () => {
  it('ranks the provinces with figures and all 3,320 communes, lists the others apart; the country sums its provinces', async () => {
    const { data } = await measure('2025-10-26');
    const { provinceRanking, provincesWithoutFigures, communeRanking, progress } = data.nation;
    // Quảng Ngãi, the only province with figures in the test data, is the only one ranked; the 33 others are not.
    expect(provinceRanking.map((p) => [p.position, p.province.code])).toEqual([[1, '23']]);
    expect(provincesWithoutFigures).toHaveLength(33);
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
    await seedRegistry(stack.subgraphs.registry.orm.orm.em.fork(), () => undefined, ['25', '26']);
    await seedReports(stack.subgraphs.reports.orm.orm.em.fork());
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

describe('the national ranking served by the reports subgraph alone, shared between requests', () => {
  it('needs no registry fetch: one reports request, and the names and province codes are the registry’s', async () => {
    const proxied = await startProxiedGateway(stack, 0);
    try {
      proxied.seen.length = 0;
      const { nation } = ok(await proxied.gql<All>(ALL, { asOf: '2025-10-26' }));
      expect(proxied.seen.map((r) => r.subgraph)).toEqual(['reports']);
      const registry = ok(
        await stack.gql<{
          provinces: Array<{ code: string; name: string; communes: Array<{ id: string; name: string }> }>;
        }>(`{ provinces { code name communes { id name } } }`),
      ).provinces;
      const expected = new Map(registry.flatMap((p) => p.communes.map((c) => [c.id, `${c.name}|${p.code}`] as const)));
      expect(
        new Map(nation.communeRanking.map((e) => [e.commune.id, `${e.commune.name}|${e.commune.province.code}`])),
      ).toEqual(expected);
      const provinceNames = new Map(registry.map((p) => [p.code, p.name]));
      const ranked = [...nation.provinceRanking.map((p) => p.province), ...nation.provincesWithoutFigures];
      expect(new Map(ranked.map((p) => [p.code, p.name]))).toEqual(provinceNames);
    } finally {
      await proxied.stop();
    }
  });

  it('answers a warm request without SQL, and a report submitted through the gateway changes the next answer', async () => {
    const asOf = '2025-12-20';
    await measure(asOf); // cold: resetSqlCount empties the caches
    // Warm: the counters reset, the caches kept.
    Object.values(stack.subgraphs).forEach((s) => s.orm.sql.reset());
    const warm = { data: ok(await stack.gql<All>(ALL, { asOf })), statements: stack.sqlCount() };
    expect(warm.statements).toBe(0);
    const baTo = (d: All) => d.nation.communeRanking.find((e) => e.commune.id === 'C02949')!;
    const before = baTo(warm.data);
    expect(before.position).toBeGreaterThan(1);

    // Every adult of Xà Râu registered: Ba Tô gains learners and climbs.
    const village = ok(
      await stack.gql<{ village: { population: { adults: number } } }>(
        `{ village(id: "V02949-08") { population { adults } } }`,
      ),
    ).village;
    const admin = await stack.token('PROVINCE_ADMIN', 'P23');
    ok(
      await stack.gql(
        `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
        {
          input: {
            reporterId: 'V02949-08',
            reportDate: asOf,
            groups: [{ group: 'RESIDENTS', registered: village.population.adults, completed: 0, certified: 0 }],
          },
        },
        { token: admin },
      ),
    );
    Object.values(stack.subgraphs).forEach((s) => s.orm.sql.reset());
    const after = { data: ok(await stack.gql<All>(ALL, { asOf })), statements: stack.sqlCount() };
    expect(after.statements).toBeGreaterThan(0); // built again, not the shared answer of before
    expect(baTo(after.data).progress.learners).toBeGreaterThan(before.progress.learners);
    expect(baTo(after.data).position).toBeLessThan(before.position);
    expect(after.data.nation.progress.learners - warm.data.nation.progress.learners).toBe(
      baTo(after.data).progress.learners - before.progress.learners,
    );
  });
});
