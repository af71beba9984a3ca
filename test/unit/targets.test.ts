import { emptyFigures } from '../../subgraphs/reports/progress/rules';
import { judgeTarget, targetValue, type TargetShape } from '../../subgraphs/reports/targets/rules';

const joined80: TargetShape = { indicator: 'JOINED', group: 'RESIDENTS', threshold: 0.8, dueOn: '2025-12-31' };

describe('judging a target', () => {
  it.each([
    [
      'reached',
      [
        { date: '2025-11-01', value: 0.5 },
        { date: '2025-11-21', value: 0.81 },
      ],
      '2025-11-21',
      'MET',
    ],
    ['exactly reached', [{ date: '2025-11-21', value: 0.8 }], '2025-11-21', 'MET'],
    ['past due and short', [{ date: '2025-12-31', value: 0.79 }], '2026-01-02', 'MISSED'],
    [
      'on pace: +0.25 in 20 days, 40 days left',
      [
        { date: '2025-11-01', value: 0.3 },
        { date: '2025-11-21', value: 0.55 },
      ],
      '2025-11-21',
      'ON_TRACK',
    ],
    [
      'too slow: +0.05 in 20 days',
      [
        { date: '2025-11-01', value: 0.3 },
        { date: '2025-11-21', value: 0.35 },
      ],
      '2025-11-21',
      'AT_RISK',
    ],
    ['no pace yet (one figure date)', [{ date: '2025-11-21', value: 0.35 }], '2025-11-21', 'AT_RISK'],
    ['not measured', [{ date: '2025-11-21', value: null }], '2025-11-21', 'NOT_MEASURED'],
  ] as const)('%s → %s', (_l, series, asOf, status) => {
    expect(judgeTarget(joined80, [...series], asOf).status).toBe(status);
  });

  it('needs strictly more for an "over 50%" target, and reports the gap and projection', () => {
    const over50: TargetShape = {
      indicator: 'JOINED',
      group: 'RESIDENTS',
      threshold: 0.5,
      dueOn: '2025-12-31',
      strict: true,
    };
    expect(judgeTarget(over50, [{ date: '2025-12-01', value: 0.5 }], '2025-12-01').status).toBe('AT_RISK');
    const j = judgeTarget(
      joined80,
      [
        { date: '2025-11-01', value: 0.3 },
        { date: '2025-11-21', value: 0.55 },
      ],
      '2025-11-21',
    );
    expect(j.gap).toBeCloseTo(0.25, 10);
    expect(j.projected).toBeCloseTo(0.55 + (0.25 / 20) * 40, 10);
  });
});

describe('the value of a target', () => {
  const groups = emptyFigures();
  groups.OFFICIALS = { registered: 40, completed: 30, certified: 20 };
  groups.RESIDENTS = { registered: 500, completed: 300, certified: 100 };
  const d = { adults: 1000, officials: 50, students: 200, workers: null };
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
    expect(judgeTarget(over50, [{ date: '2025-11-21', value: 0.5 }], '2025-11-21').status).toBe('AT_RISK');
    expect(judgeTarget(over50, [{ date: '2025-11-21', value: 0.51 }], '2025-11-21').status).toBe('MET');
  });
});
