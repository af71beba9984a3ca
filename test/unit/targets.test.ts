import fc from 'fast-check';
import { emptyFigures } from '../../subgraphs/reports/progress/rules';
import {
  addStudentLevels,
  judgeTarget,
  targetShare,
  targetValue,
  type SeriesPoint,
  type TargetShape,
} from '../../subgraphs/reports/targets/rules';
import { excessSentence } from '../../shared/pure/measures';
import { INDICATORS, studentsOfLevels } from '../../shared/pure/values';
import { targetSubject } from '../../shared/pure/targets';
import { checkStudentLevels } from '../../subgraphs/reports/intake/validation';

/** A figure date whose counts make this rate (out of 10,000 people); null: not measured then. */
const at = (date: string, value: number | null): SeriesPoint => ({
  date,
  share: value === null ? null : { count: Math.round(value * 10_000), base: 10_000 },
});

const joined80: TargetShape = { indicator: 'JOINED', group: 'RESIDENTS', threshold: 0.8, dueOn: '2025-12-31' };

describe('judging a target', () => {
  it.each([
    ['reached', [at('2025-11-01', 0.5), at('2025-11-21', 0.81)], '2025-11-21', 'MET'],
    ['exactly reached', [at('2025-11-21', 0.8)], '2025-11-21', 'MET'],
    ['past due and short', [at('2025-12-31', 0.79)], '2026-01-02', 'MISSED'],
    [
      'on pace: +0.25 in 20 days, 40 days left',
      [at('2025-11-01', 0.3), at('2025-11-21', 0.55)],
      '2025-11-21',
      'ON_TRACK',
    ],
    ['too slow: +0.05 in 20 days', [at('2025-11-01', 0.3), at('2025-11-21', 0.35)], '2025-11-21', 'AT_RISK'],
    ['no pace yet (one figure date)', [at('2025-11-21', 0.35)], '2025-11-21', 'AT_RISK'],
    ['not measured', [at('2025-11-21', null)], '2025-11-21', 'NOT_MEASURED'],
  ] as const)('%s → %s', (_l, series, asOf, status) => {
    expect(judgeTarget(joined80, [...series], asOf).status).toBe(status);
  });

  it('never calls met what an excess reaches: more people counted than there are is a figure to check', () => {
    // Ngọk Bay: 24 workers reported over the 6 staff of its one cooperative.
    const workers: TargetShape = { indicator: 'JOINED', group: 'WORKERS', threshold: 0.7, dueOn: '2025-12-31' };
    const judged = judgeTarget(workers, [{ date: '2025-11-21', share: { count: 24, base: 6 } }], '2025-11-21');
    expect(judged).toEqual({ value: 1, gap: null, projected: null, status: 'CHECK_FIGURES' });
    expect(excessSentence('JOINED', 'WORKERS', { count: 24, base: 6 })).toMatch(
      /^Số liệu vượt mẫu số: 24 người lao động tham gia khóa học > 6 người lao động của các doanh nghiệp, hợp tác xã\./,
    );
  });

  it('projects no further than 100%', () => {
    const j = judgeTarget(joined80, [at('2025-11-01', 0.1), at('2025-11-21', 0.7)], '2025-11-21');
    expect(j.status).toBe('ON_TRACK');
    expect(j.projected).toBe(1);
  });

  it('needs strictly more for an "over 50%" target, and reports the gap and projection', () => {
    const over50: TargetShape = {
      indicator: 'JOINED',
      group: 'RESIDENTS',
      threshold: 0.5,
      dueOn: '2025-12-31',
      strict: true,
    };
    expect(judgeTarget(over50, [at('2025-12-01', 0.5)], '2025-12-01').status).toBe('AT_RISK');
    const j = judgeTarget(joined80, [at('2025-11-01', 0.3), at('2025-11-21', 0.45)], '2025-11-21');
    expect(j.gap).toBeCloseTo(0.35, 10);
    expect(j.projected).toBeCloseTo(0.45 + (0.15 / 20) * 40, 10);
  });
});

describe('the value of a target', () => {
  const groups = emptyFigures();
  groups.OFFICIALS = { registered: 40, completed: 30, certified: 20 };
  groups.RESIDENTS = { registered: 500, completed: 300, certified: 100 };
  const d = { adults: 1000, officials: 50, students: 200, workers: null };
  it('never gives a rate above 100%: 24 workers over 6 staff is 1, and its share says 24 and 6', () => {
    const counts = {
      learners: 24,
      groups: { ...emptyFigures(), WORKERS: { registered: 24, completed: 0, certified: 0 } },
    };
    const workers: TargetShape = { indicator: 'JOINED', group: 'WORKERS', threshold: 0.7, dueOn: '2025-12-31' };
    const base = { adults: 900, officials: 10, students: 0, workers: 6 };
    expect(targetValue(workers, counts, base)).toBe(1);
    expect(targetShare(workers, counts, base)).toEqual({ count: 24, base: 6 });
  });

  it.each([
    ['JOINED', 'RESIDENTS', 0.7], // learners (any source) over adults
    ['CERTIFIED', 'RESIDENTS', 0.12], // all certified over adults
    ['JOINED', 'OFFICIALS', 0.8],
    ['CERTIFIED', 'OFFICIALS', 0.4],
    ['JOINED', 'STUDENTS', 0],
    ['JOINED', 'WORKERS', null], // no workplaces: no denominator
    ['DIGITAL_SIGNATURE', 'RESIDENTS', null], // no report states it
  ] as const)('%s × %s = %s', (indicator, group, value) => {
    expect(targetValue({ indicator, group, threshold: 1, dueOn: '2025-12-31' }, { learners: 700, groups }, d)).toBe(
      value,
    );
  });

  it.each([
    ['DIGITAL_SIGNATURE', 'RESIDENTS', { digitalSignatures: 510, vneidConfirmed: null }, 0.51],
    ['VNEID_CONFIRMED', 'RESIDENTS', { digitalSignatures: 510, vneidConfirmed: 720 }, 0.72],
    ['VNEID_CONFIRMED', 'RESIDENTS', { digitalSignatures: 510, vneidConfirmed: null }, null],
    ['DIGITAL_SIGNATURE', 'OFFICIALS', { digitalSignatures: 510, vneidConfirmed: 720 }, null], // not per group
    // Skills confirmed on VNeID are their own measure: 720 level-2 accounts do not count for them (003 §II).
    ['VNEID_SKILLS', 'RESIDENTS', { digitalSignatures: 510, vneidConfirmed: 720, vneidSkills: 300 }, 0.3],
    ['VNEID_SKILLS', 'RESIDENTS', { digitalSignatures: 510, vneidConfirmed: 720 }, null],
  ] as const)('%s × %s from the adult measures %j = %s', (indicator, group, measures, value) => {
    const counts = { learners: 700, groups, ...measures };
    expect(targetValue({ indicator, group, threshold: 0.5, dueOn: '2025-12-31' }, counts, d)).toBe(value);
  });

  it('judges "over 50%" of adults with a digital signature', () => {
    const over50: TargetShape = {
      indicator: 'DIGITAL_SIGNATURE',
      group: 'RESIDENTS',
      threshold: 0.5,
      dueOn: '2025-12-31',
      strict: true,
    };
    expect(judgeTarget(over50, [at('2025-11-21', 0.5)], '2025-11-21').status).toBe('AT_RISK');
    expect(judgeTarget(over50, [at('2025-11-21', 0.51)], '2025-11-21').status).toBe('MET');
  });
});

describe('rates over generated reports', () => {
  const figures = fc.record({
    registered: fc.nat(5_000),
    completed: fc.nat(5_000),
    certified: fc.nat(5_000),
  });
  const counts = fc.record({
    learners: fc.nat(20_000),
    groups: fc.record({ OFFICIALS: figures, RESIDENTS: figures, STUDENTS: figures, WORKERS: figures }),
    digitalSignatures: fc.option(fc.nat(20_000)),
    vneidConfirmed: fc.option(fc.nat(20_000)),
    vneidSkills: fc.option(fc.nat(20_000)),
  });
  const base = fc.option(fc.nat(10_000));
  const denominators = fc.record({ adults: base, officials: base, students: base, workers: base });
  const target = fc.record({
    indicator: fc.constantFrom(...INDICATORS),
    group: fc.constantFrom('RESIDENTS', 'OFFICIALS', 'STUDENTS', 'WORKERS' as const),
    threshold: fc.double({ min: 0.05, max: 1, noNaN: true }),
    dueOn: fc.constantFrom('2025-11-20', '2025-12-31', '2026-06-30'),
    strict: fc.boolean(),
  });
  const days = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 6 });

  it('no rate or projection above 100%, and no target met from an excess', () => {
    fc.assert(
      fc.property(
        target,
        fc.array(fc.tuple(counts, denominators), { minLength: 6, maxLength: 6 }),
        days,
        (t, reports, offsets) => {
          const dates = [...offsets]
            .sort((a, b) => a - b)
            .map((n) => new Date(Date.UTC(2025, 10, 1 + n)).toISOString().slice(0, 10));
          const series = dates.map((date, i) => ({ date, share: targetShare(t, reports[i][0], reports[i][1]) }));
          const judged = judgeTarget(t, series, dates[dates.length - 1]);
          for (const [c, d] of reports) {
            const v = targetValue(t, c, d);
            if (v !== null) expect(v).toBeLessThanOrEqual(1);
          }
          if (judged.value !== null) expect(judged.value).toBeLessThanOrEqual(1);
          if (judged.projected !== null) expect(judged.projected).toBeLessThanOrEqual(1);
          const current = series[series.length - 1].share;
          if (current && current.count > current.base) {
            expect(judged.status).toBe('CHECK_FIGURES');
            expect(judged.status).not.toBe('MET');
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('students by level: "100% học sinh trung học" counts secondary students only (003 §II.1)', () => {
  const secondary: TargetShape = {
    indicator: 'COMPLETED',
    group: 'STUDENTS',
    threshold: 1,
    dueOn: '2025-12-31',
    studentLevels: ['LOWER_SECONDARY', 'UPPER_SECONDARY'],
  };
  const d = { adults: 10_000, officials: 100, students: 2_000, workers: 50 };
  const groups = { ...emptyFigures(), STUDENTS: { registered: 900, completed: 700, certified: 500 } };
  // A primary school and a lower-secondary school state their levels; no upper-secondary school does.
  const studentLevels = addStudentLevels(
    addStudentLevels(null, [{ level: 'PRIMARY', enrolled: 600, registered: 500, completed: 420, certified: 300 }]),
    [{ level: 'LOWER_SECONDARY', enrolled: 400, registered: 400, completed: 280, certified: 200 }],
  );

  it('is the secondary students completed over the secondary students the schools enrol', () => {
    expect(targetShare(secondary, { learners: 0, groups, studentLevels }, d)).toEqual({ count: 280, base: 400 });
  });

  it('from primary up it is every level stated; without levels, every student of the area', () => {
    const all = { ...secondary, studentLevels: ['PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY'] as const };
    expect(targetShare(all, { learners: 0, groups, studentLevels }, d)).toEqual({ count: 700, base: 1_000 });
    expect(targetShare({ ...secondary, studentLevels: null }, { learners: 0, groups, studentLevels }, d)).toEqual({
      count: 700,
      base: 2_000,
    });
  });

  it('is not measured while no school states its levels, rather than measured over other students', () => {
    expect(targetShare(secondary, { learners: 0, groups, studentLevels: null }, d)).toBeNull();
    const primaryOnly = addStudentLevels(null, [
      { level: 'PRIMARY', enrolled: 600, registered: 500, completed: 420, certified: 300 },
    ]);
    expect(targetShare(secondary, { learners: 0, groups, studentLevels: primaryOnly }, d)).toBeNull();
  });

  it.each([
    [['LOWER_SECONDARY', 'UPPER_SECONDARY'], 'Học sinh trung học'],
    [['PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY'], 'Học sinh từ cấp tiểu học'],
    [['LOWER_SECONDARY'], 'Học sinh trung học cơ sở'],
    [null, 'Học sinh'],
  ])('%j is written "%s"', (levels, words) => {
    expect(studentsOfLevels(levels)).toBe(words);
    expect(targetSubject({ group: 'STUDENTS', indicator: 'COMPLETED', studentLevels: levels })).toBe(
      `${words} hoàn thành 5 chuyên đề`,
    );
  });
});

describe('a school’s students by level are a breakdown of its students', () => {
  const students = { registered: 300, completed: 200, certified: 100 };
  const level = { level: 'LOWER_SECONDARY' as const, enrolled: 350, registered: 300, completed: 200, certified: 100 };
  it.each([
    [
      'more registered than enrolled',
      [{ ...level, enrolled: 299 }],
      /không thể lớn hơn số học sinh trung học cơ sở của trường/,
    ],
    ['a level twice', [level, level], /được nhập hai lần/],
    [
      'levels adding up to more than the students',
      [level, { ...level, level: 'PRIMARY' as const }],
      /Tổng số học sinh theo cấp học/,
    ],
    ['a negative count', [{ ...level, certified: -1 }], /số nguyên không âm/],
  ])('refuses %s', (_label, levels, message) => {
    expect(() => checkStudentLevels(levels, students)).toThrow(message);
  });
  it('takes levels within the students figures', () => {
    expect(() => checkStudentLevels([level], students)).not.toThrow();
  });
});
