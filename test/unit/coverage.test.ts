/**
 * Coverage of an area's figures (subgraphs/reports/progress/coverage.ts) and the national totals over the provinces
 * with figures only (nation/rules.ts): one fresh report must not make year-old figures look current.
 */
import { commonDate, coverageOf, mergeCoverage, type Reporter } from '../../subgraphs/reports/progress/coverage';
import { hasFigures, nationalProgress } from '../../subgraphs/reports/nation/rules';
import { areasCoverageLine, coverageLine, staleness } from '../../gateway/web/src/coverage';
import { progressFromFigures, emptyFigures, type ProgressValue } from '../../subgraphs/reports/progress/rules';

const villages = (n: number, date: string | null): Reporter[] =>
  Array.from({ length: n }, () => ({ level: 'VILLAGE' as const, date }));

describe('coverageOf', () => {
  it('counts villages and units, those with figures and those at the newest date', () => {
    const c = coverageOf(
      [
        ...villages(3, '2025-12-05'),
        ...villages(1, '2026-12-04'),
        ...villages(2, null),
        { level: 'UNIT', date: '2026-12-04' },
      ],
      '2026-12-04',
    );
    expect(c).toMatchObject({
      villages: 6,
      villagesWithFigures: 4,
      villagesAtFiguresDate: 1,
      units: 1,
      unitsWithFigures: 1,
      unitsAtFiguresDate: 1,
      commonFiguresDate: '2025-12-05',
    });
    expect(c.dates).toEqual([
      { date: '2026-12-04', villages: 1, units: 1 },
      { date: '2025-12-05', villages: 3, units: 0 },
    ]);
  });

  it('has no common date when nothing is reported, and falls back to units when no village has reported', () => {
    expect(coverageOf(villages(4, null), null).commonFiguresDate).toBeNull();
    const units: Reporter[] = [
      { level: 'UNIT', date: '2025-11-07' },
      { level: 'UNIT', date: '2025-11-14' },
      { level: 'UNIT', date: '2025-11-14' },
    ];
    expect(coverageOf([...villages(2, null), ...units], '2025-11-14').commonFiguresDate).toBe('2025-11-14');
  });
});

describe('commonDate: the newest date more than half have reached', () => {
  it.each([
    [
      [
        ['2025-12-05', 1119],
        ['2026-12-04', 1],
      ],
      '2025-12-05',
    ],
    [
      [
        ['2025-12-05', 1],
        ['2026-12-04', 1],
      ],
      '2025-12-05',
    ],
    [
      [
        ['2025-12-05', 1],
        ['2026-12-04', 2],
      ],
      '2026-12-04',
    ],
    [
      [
        ['2025-12-05', 2],
        ['2026-12-04', 2],
      ],
      '2025-12-05',
    ],
    [[['2026-12-04', 1]], '2026-12-04'],
  ] as const)('%j → %s', (counts, expected) => {
    const dates = counts.map(([date, n]) => ({ date, villages: n, units: 0 }));
    expect(commonDate(dates, 'villages')).toBe(expected);
  });
});

describe('mergeCoverage', () => {
  it('sums the parts and judges the whole by all its villages, not by the freshest part', () => {
    const fresh = coverageOf(villages(1, '2026-12-04'), '2026-12-04');
    const old = coverageOf([...villages(1119, '2025-12-05'), ...villages(1, null)], '2025-12-05');
    const province = mergeCoverage([fresh, old], '2026-12-04');
    expect(province).toMatchObject({
      villages: 1121,
      villagesWithFigures: 1120,
      villagesAtFiguresDate: 1,
      commonFiguresDate: '2025-12-05',
    });
    expect(province.dates.map((d) => d.date)).toEqual(['2026-12-04', '2025-12-05']);
  });
});

describe('nationalProgress', () => {
  const figures = emptyFigures();
  figures.RESIDENTS.registered = 500;
  const withFigures = (adults: number): ProgressValue => ({
    ...progressFromFigures('2026-12-08', adults, figures, '2025-12-05'),
    coverage: coverageOf(villages(2, '2025-12-05'), '2025-12-05'),
  });
  const without = (adults: number): ProgressValue => progressFromFigures('2026-12-08', adults, null, null);

  it('counts only the provinces with figures, over their adults alone', () => {
    const n = nationalProgress('2026-12-08', [withFigures(1000), without(9000), withFigures(1000)]);
    expect(n.learners).toBe(1000);
    expect(n.adults).toBe(2000);
    expect(n.participationRate).toBeCloseTo(0.5);
    expect(n.figuresDate).toBe('2025-12-05');
    expect(n.coverage).toMatchObject({ villages: 4, villagesWithFigures: 4, commonFiguresDate: '2025-12-05' });
    expect([withFigures(1), without(1)].map(hasFigures)).toEqual([true, false]);
  });
});

describe('the pages’ coverage line and stale warning (gateway/web/src/coverage.ts)', () => {
  const coverage = {
    villages: 1120,
    villagesWithFigures: 1120,
    villagesAtFiguresDate: 1,
    units: 40,
    unitsWithFigures: 0,
    unitsAtFiguresDate: 0,
    commonFiguresDate: '2025-12-05',
    dates: [
      { date: '2026-12-04', villages: 1, units: 0 },
      { date: '2025-12-05', villages: 1119, units: 0 },
    ],
  };

  it('says how many villages have figures of the newest date', () => {
    expect(coverageLine(coverage, '2026-12-04')).toBe('1/1.120 thôn có số liệu ngày 04/12/2026');
    expect(coverageLine(null, '2026-12-04')).toBe('');
    expect(coverageLine({ ...coverage, villages: 0, units: 3, unitsAtFiguresDate: 2 }, '2026-12-04')).toBe(
      '2/3 đơn vị có số liệu ngày 04/12/2026',
    );
  });

  it('counts a commune report’s villages at its newest date, from their own dates', () => {
    const areas = [
      { level: 'VILLAGE', figuresDate: '2026-12-04' },
      { level: 'VILLAGE', figuresDate: '2025-12-05' },
      { level: 'VILLAGE', figuresDate: null },
      { level: 'UNIT', figuresDate: '2026-12-04' },
    ];
    expect(areasCoverageLine(areas, '2026-12-04')).toBe('1/3 thôn có số liệu ngày 04/12/2026');
    expect(areasCoverageLine(areas, null)).toBe('');
  });

  it('warns by the date most figures have, not by one fresh report', () => {
    expect(staleness(coverage, '2026-12-04', '2026-12-08')).toEqual({
      date: '2025-12-05',
      days: 368,
      older: '1.119/1.120 thôn có số liệu cũ hơn 7 ngày',
    });
    expect(staleness({ ...coverage, commonFiguresDate: '2026-12-04' }, '2026-12-04', '2026-12-08')).toBeNull();
    // Without coverage (an event of before), the newest date as before.
    expect(staleness(null, '2026-11-20', '2026-12-08')).toEqual({ date: '2026-11-20', days: 18, older: '' });
    expect(staleness(null, null, '2026-12-08')).toBeNull();
  });
});
