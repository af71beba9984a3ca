import { ok, startTestStack, type TestStack } from '../support/stack';

/**
 * The coverage of the figures (Progress.coverage) and the national totals over the provinces with figures only:
 * after one village's report for 04/12/2026 into the 2025 demo, the province's newest date is that report's, but
 * one village has it and most still have 2025 figures.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const COVERAGE = `coverage { villages villagesWithFigures villagesAtFiguresDate units unitsWithFigures unitsAtFiguresDate
  commonFiguresDate dates { date villages units } }`;
const QUERY = `{ province(code: "23") { progress { figuresDate ${COVERAGE} } }
  commune(id: "C02949") { progress { figuresDate ${COVERAGE} } villages { id progress { ${COVERAGE} } } }
  nation { progress { figuresDate learners adults ${COVERAGE} } provinceRanking { province { code } progress { learners adults } }
    provincesWithoutFigures { code name } } }`;

interface Coverage {
  villages: number;
  villagesWithFigures: number;
  villagesAtFiguresDate: number;
  units: number;
  unitsWithFigures: number;
  unitsAtFiguresDate: number;
  commonFiguresDate: string | null;
  dates: Array<{ date: string; villages: number; units: number }>;
}
interface Answer {
  province: { progress: { figuresDate: string; coverage: Coverage } };
  commune: {
    progress: { figuresDate: string; coverage: Coverage };
    villages: Array<{ id: string; progress: { coverage: Coverage } }>;
  };
  nation: {
    progress: { figuresDate: string; learners: number; adults: number; coverage: Coverage };
    provinceRanking: Array<{ province: { code: string }; progress: { learners: number; adults: number } }>;
    provincesWithoutFigures: Array<{ code: string; name: string }>;
  };
}

it('counts the villages with figures and at the newest date, before and after one 2026 report', async () => {
  const before = ok(await stack.gql<Answer>(QUERY));
  const p0 = before.province.progress;
  expect(p0.figuresDate.startsWith('2025')).toBe(true);
  expect(p0.coverage.villages).toBeGreaterThan(1000);
  expect(p0.coverage.villagesWithFigures).toBeGreaterThan(1000);
  expect(p0.coverage.villagesWithFigures).toBeLessThanOrEqual(p0.coverage.villages);
  expect(p0.coverage.commonFiguresDate!.startsWith('2025')).toBe(true);
  expect(p0.coverage.dates.reduce((s, d) => s + d.villages, 0)).toBe(p0.coverage.villagesWithFigures);
  const xaRau = before.commune.villages.find((v) => v.id === 'V02949-08')!;
  expect(xaRau.progress.coverage).toMatchObject({ villages: 1, villagesWithFigures: 1, units: 0 });
  expect(before.commune.progress.coverage.villages).toBe(before.commune.villages.length);

  const admin = await stack.token('PROVINCE_ADMIN', 'P23');
  ok(
    await stack.gql(
      `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
      {
        input: {
          reporterId: 'V02949-08',
          reportDate: '2026-12-04',
          groups: [{ group: 'RESIDENTS', registered: 400, completed: 0, certified: 0 }],
        },
      },
      { token: admin },
    ),
  );

  const after = ok(await stack.gql<Answer>(QUERY));
  const p1 = after.province.progress;
  expect(p1.figuresDate).toBe('2026-12-04');
  expect(p1.coverage).toMatchObject({
    villages: p0.coverage.villages,
    villagesWithFigures: p0.coverage.villagesWithFigures,
    villagesAtFiguresDate: 1,
    unitsAtFiguresDate: 0,
    // Most villages still have their 2025 figures: the date most have does not move.
    commonFiguresDate: p0.coverage.commonFiguresDate,
  });
  expect(p1.coverage.dates[0]).toEqual({ date: '2026-12-04', villages: 1, units: 0 });
  const c1 = after.commune.progress;
  expect(c1.figuresDate).toBe('2026-12-04');
  expect(c1.coverage.villagesAtFiguresDate).toBe(1);
  expect(c1.coverage.commonFiguresDate).toBe(before.commune.progress.coverage.commonFiguresDate);
  // The nation: its coverage is the provinces' with figures, here Quảng Ngãi's alone.
  expect(after.nation.progress.figuresDate).toBe('2026-12-04');
  expect(after.nation.progress.coverage).toMatchObject({
    villages: p1.coverage.villages,
    villagesAtFiguresDate: 1,
    commonFiguresDate: p0.coverage.commonFiguresDate,
  });
});

it('ranks only the provinces with figures; the others are listed apart and left out of the national totals', async () => {
  const { nation } = ok(await stack.gql<Answer>(QUERY));
  expect(nation.provinceRanking.map((p) => p.province.code)).toEqual(['23']);
  expect(nation.provincesWithoutFigures).toHaveLength(33);
  expect(nation.provincesWithoutFigures.map((p) => p.code)).not.toContain('23');
  expect(nation.provincesWithoutFigures.find((p) => p.code === '01')?.name).toBe('Hà Nội');
  expect(nation.progress.learners).toBe(nation.provinceRanking[0].progress.learners);
  expect(nation.progress.adults).toBe(nation.provinceRanking[0].progress.adults);
});

it('asks no more SQL statements for the coverage of every commune and village than without it', async () => {
  const counts = 'coverage { villages villagesWithFigures villagesAtFiguresDate commonFiguresDate }';
  const dashboard = (coverage: string, each: string) =>
    `{ province(code: "23") { progress { learners ${coverage} }
      communes { progress { learners ${each} } villages { progress { learners ${each} } } } } }`;
  const measure = async (query: string) => {
    stack.resetSqlCount();
    ok(await stack.gql(query));
    return stack.sqlCount();
  };
  const without = await measure(dashboard('', ''));
  expect(await measure(dashboard(COVERAGE, counts))).toBe(without);
});
