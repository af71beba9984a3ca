import { BadInputError } from '../../shared/pure/errors';
import { communeCurves, portalRows, type DemoCommune } from '../../subgraphs/reports/demo/data';
import {
  chooseCommuneProgress,
  emptyFigures,
  progressFromFigures,
  progressFromPortal,
  sumProgress,
} from '../../subgraphs/reports/progress/rules';
import { rankCommunes, rankingDates } from '../../subgraphs/reports/ranking/rules';
import { checkAdultMeasures, findAnomalies, validateReport } from '../../subgraphs/reports/intake/validation';

describe('progress as the portal computes it', () => {
  it('gives Ba Tô 1.53% officials and 0.68% residents on 26 Oct 2025 over 9,412 adults', () => {
    const p = progressFromPortal('2025-10-26', 9412, {
      statDate: '2025-10-26',
      officialsRegistered: 144,
      residentsRegistered: 64,
    });
    expect(p.learners).toBe(208);
    expect((p.officialsRate! * 100).toFixed(2)).toBe('1.53');
    expect((p.residentsRate! * 100).toFixed(2)).toBe('0.68');
    expect(p.participationRate).toBeCloseTo(208 / 9412, 10);
  });

  it('counts students and workers as residents, and has no rates without adults', () => {
    const f = emptyFigures();
    f.OFFICIALS = { registered: 10, completed: 5, certified: 4 };
    f.RESIDENTS = { registered: 20, completed: 10, certified: 9 };
    f.STUDENTS = { registered: 7, completed: 1, certified: 1 };
    f.WORKERS = { registered: 3, completed: 0, certified: 0 };
    const p = progressFromFigures('2025-11-01', null, f, '2025-10-31');
    expect([p.learners, p.officialsRegistered, p.residentsRegistered, p.completed, p.certified]).toEqual([
      40, 10, 30, 16, 14,
    ]);
    expect(p.participationRate).toBeNull();
  });

  it.each([
    ['the newer portal row', '2025-10-26', '2025-10-24', 'PORTAL'],
    ['the newer reports', '2025-10-21', '2025-10-24', 'REPORTS'],
    ['the portal on the same date', '2025-10-24', '2025-10-24', 'PORTAL'],
  ])('a commune uses %s', (_l, portalDate, reportDate, source) => {
    const reports = progressFromFigures('2025-10-30', 100, emptyFigures(), reportDate);
    const portal = progressFromPortal('2025-10-30', 100, {
      statDate: portalDate,
      officialsRegistered: 1,
      residentsRegistered: 1,
    });
    expect(chooseCommuneProgress(reports, portal).source).toBe(source);
  });

  it('sums communes into a province over the province’s own adults', () => {
    const a = progressFromPortal('2025-10-26', 100, {
      statDate: '2025-10-26',
      officialsRegistered: 10,
      residentsRegistered: 5,
    });
    const b = progressFromPortal('2025-10-26', 300, {
      statDate: '2025-10-21',
      officialsRegistered: 20,
      residentsRegistered: 5,
    });
    const p = sumProgress('2025-10-26', 400, [a, b]);
    expect([p.learners, p.participationRate, p.figuresDate]).toEqual([40, 0.1, '2025-10-26']);
  });
});

describe('ranking', () => {
  it('orders by participation, then learners, then code, with unknown rates last', () => {
    const ranked = rankCommunes([
      { communeId: 'C3', code: 'C3', participationRate: 0.1, learners: 10 },
      { communeId: 'C1', code: 'C1', participationRate: null, learners: 99 },
      { communeId: 'C4', code: 'C4', participationRate: 0.2, learners: 5 },
      { communeId: 'C2', code: 'C2', participationRate: 0.1, learners: 10 },
      { communeId: 'C5', code: 'C5', participationRate: 0.1, learners: 12 },
    ]);
    expect(ranked.map((r) => r.communeId)).toEqual(['C4', 'C5', 'C2', 'C3', 'C1']);
    expect(ranked.every((r) => r.outOf === 5)).toBe(true);
  });

  it('compares with the ranking date before the newest one on or before asOf', () => {
    const dates = ['2025-10-21', '2025-10-26', '2025-10-31'];
    expect(rankingDates(dates, '2025-10-28')).toEqual({ current: '2025-10-26', previous: '2025-10-21' });
    expect(rankingDates(dates, '2025-10-21')).toEqual({ current: '2025-10-21', previous: null });
    expect(rankingDates(dates, '2025-01-01')).toEqual({ current: null, previous: null });
  });
});

describe('report validation', () => {
  const ok = {
    reportDate: '2025-11-07',
    groups: [{ group: 'RESIDENTS' as const, registered: 10, completed: 5, certified: 4 }],
  };
  it.each([
    [
      'a negative count',
      { ...ok, groups: [{ group: 'RESIDENTS' as const, registered: -1, completed: 0, certified: 0 }] },
      'groups.RESIDENTS.registered',
    ],
    [
      'completed above registered',
      { ...ok, groups: [{ group: 'OFFICIALS' as const, registered: 5, completed: 6, certified: 0 }] },
      'groups.OFFICIALS.completed',
    ],
    [
      'certified above completed',
      { ...ok, groups: [{ group: 'STUDENTS' as const, registered: 9, completed: 6, certified: 7 }] },
      'groups.STUDENTS.certified',
    ],
    ['a group twice', { ...ok, groups: [...ok.groups, ...ok.groups] }, 'groups.RESIDENTS'],
    ['a future date', { ...ok, reportDate: '2025-11-09' }, 'reportDate'],
    ['a date before the campaign', { ...ok, reportDate: '2024-12-31' }, 'reportDate'],
    ['no groups', { ...ok, groups: [] }, 'groups'],
    ['a bad idempotency key', { ...ok, idempotencyKey: 'x' }, 'idempotencyKey'],
  ])('rejects %s', (_l, input, field) => {
    try {
      validateReport(input, '2025-11-08');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(BadInputError);
      expect((e as BadInputError).field).toBe(field);
    }
  });

  it('flags, rather than rejects, more registered than the registry’s population', () => {
    const f = validateReport(
      { ...ok, groups: [{ group: 'RESIDENTS', registered: 700, completed: 0, certified: 0 }] },
      '2025-11-08',
    );
    expect(findAnomalies(f, { adults: 650 })).toHaveLength(1);
    expect(findAnomalies(f, { adults: 700 })).toHaveLength(0);
  });
});

describe('demo portal statistics', () => {
  it('rank Ba Tô 34th on 21 Oct and 38th on 26 Oct among 96 communes', () => {
    const communes: DemoCommune[] = Array.from({ length: 96 }, (_, i) => ({
      id: `C${String(i).padStart(5, '0')}`,
      name: i === 40 ? 'Ba Tô' : `Xã ${i}`,
      adults: i === 40 ? 9412 : 5000 + ((i * 7919) % 20000),
      reporters: [],
    }));
    const rows = portalRows(communes, communeCurves(communes));
    const baTo = rows.filter((r) => r.communeId === 'C00040');
    expect(
      baTo.map((r) => [
        r.date,
        r.rank,
        r.learners,
        r.officialsRegistered,
        r.residentsRegistered,
        r.officialsPercent,
        r.residentsPercent,
      ]),
    ).toEqual([
      ['2025-10-21', 34, 188, 130, 58, 1.38, 0.62],
      ['2025-10-26', 38, 208, 144, 64, 1.53, 0.68],
    ]);
  });
});

describe('the adult measures of a report', () => {
  const base = {
    reportDate: '2025-11-21',
    groups: [{ group: 'RESIDENTS' as const, registered: 10, completed: 5, certified: 2 }],
  };
  it.each([
    ['a negative count', { digitalSignatures: -1 }],
    ['a fraction', { vneidConfirmed: 2.5 }],
  ])('refuses %s', (_l, extra) =>
    expect(() => validateReport({ ...base, ...extra }, '2025-12-01')).toThrow(BadInputError),
  );
  it.each([
    [{ digitalSignatures: 100, vneidConfirmed: 100 }, 100, false],
    [{ digitalSignatures: 101 }, 100, true],
    [{ vneidConfirmed: 101 }, 100, true],
    [{ digitalSignatures: 5000 }, null, false], // adults unknown: nothing to compare with
    [{}, 10, false],
  ])('%j against %s adults: refused %s', (measures, adults, refused) => {
    const check = () => checkAdultMeasures(measures, adults);
    if (refused) expect(check).toThrow(/không thể lớn hơn số người trưởng thành/);
    else expect(check).not.toThrow();
  });
});
