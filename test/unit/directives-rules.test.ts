import { BadInputError } from '../../shared/pure/errors';
import { moduleDone } from '../../subgraphs/directives/course';
import { isoWeekday, nextDue } from '../../shared/vocabulary/deadlines';
import { QUANG_NGAI_COURSE } from '../../subgraphs/directives/model';
import type { DeadlineData, TargetData } from '../../shared/vocabulary/model';
import { directiveIdOf } from '../../shared/pure/ids';
import { validateDeadlines, validateTargets } from '../../shared/vocabulary/checks';

const target = (extra: Partial<TargetData> = {}): TargetData => ({
  indicator: 'JOINED',
  group: 'RESIDENTS',
  threshold: 0.8,
  dueOn: '2025-12-31',
  ...extra,
});

describe('validateTargets', () => {
  it.each([
    ['a threshold above 1 (80 instead of 0.8)', target({ threshold: 80 }), 'targets[0].threshold', /từ 0 đến 1/],
    ['a negative threshold', target({ threshold: -0.1 }), 'targets[0].threshold', /từ 0 đến 1/],
    [
      'a due date before the issue date',
      target({ dueOn: '2025-05-01' }),
      'targets[0].dueOn',
      /không thể trước ngày ban hành/,
    ],
    ['an impossible date', target({ dueOn: '2025-02-30' }), 'targets[0].dueOn', /YYYY-MM-DD/],
  ])('rejects %s', (_label, t, field, message) => {
    expect(() => validateTargets([t], '2025-06-02')).toThrow(BadInputError);
    try {
      validateTargets([t], '2025-06-02');
    } catch (e) {
      expect((e as BadInputError).field).toBe(field);
      expect((e as BadInputError).message).toMatch(message);
    }
  });

  it('rejects the same target twice and accepts 0, 1 and the issue date itself', () => {
    expect(() => validateTargets([target(), target({ threshold: 0.7 })], '2025-06-02')).toThrow(/hai lần/);
    expect(
      validateTargets(
        [target({ threshold: 0, dueOn: '2025-06-02' }), target({ threshold: 1, group: 'OFFICIALS' })],
        '2025-06-02',
      ),
    ).toHaveLength(2);
  });
});

describe('reporting deadlines', () => {
  const weeklyFriday: DeadlineData = {
    reporter: 'Các thôn',
    subject: 'Báo cáo',
    recurrence: 'WEEKLY',
    weekday: 5,
    dayPart: 'AFTERNOON',
  };
  const before20: DeadlineData = {
    reporter: 'Các xã',
    subject: 'Báo cáo',
    recurrence: 'ONCE',
    dueOn: '2025-11-20',
    before: true,
  };

  it.each([
    ['weekly Friday, from a Monday', weeklyFriday, '2025-11-24', '2025-11-28'],
    ['weekly Friday, from that Friday itself', weeklyFriday, '2025-11-28', '2025-11-28'],
    ['weekly Friday, from a Saturday', weeklyFriday, '2025-11-29', '2025-12-05'],
    ['weekly Friday across a year end', weeklyFriday, '2025-12-27', '2026-01-02'],
    ['weekly, not before it starts', { ...weeklyFriday, startsOn: '2025-11-26' }, '2025-11-01', '2025-11-28'],
    ['weekly, nothing after it ends', { ...weeklyFriday, endsOn: '2025-12-31' }, '2026-01-01', null],
    ['"before 20/11" is due on the 19th', before20, '2025-11-01', '2025-11-19'],
    ['a one-off deadline once past', before20, '2025-11-20', null],
    ['"by 07/11" is due on the 7th', { ...before20, dueOn: '2025-11-07', before: false }, '2025-11-07', '2025-11-07'],
  ])('%s', (_label, deadline, from, expected) => {
    expect(nextDue(deadline, from)).toBe(expected);
  });

  it('knows weekdays', () => {
    expect(isoWeekday('2025-11-21')).toBe(5);
    expect(isoWeekday('2025-11-23')).toBe(7);
  });

  it.each([
    ['a weekly deadline without weekday', { ...weeklyFriday, weekday: null }, 'reportingDeadlines[0].weekday'],
    ['weekday 8', { ...weeklyFriday, weekday: 8 }, 'reportingDeadlines[0].weekday'],
    ['a one-off deadline without date', { ...before20, dueOn: null }, 'reportingDeadlines[0].dueOn'],
    ['a one-off deadline before the issue date', { ...before20, dueOn: '2025-01-01' }, 'reportingDeadlines[0].dueOn'],
    ['no reporter', { ...before20, reporter: ' ' }, 'reportingDeadlines[0].reporter'],
  ])('rejects %s', (_label, d, field) => {
    try {
      validateDeadlines([d], '2025-08-05');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(BadInputError);
      expect((e as BadInputError).field).toBe(field);
    }
  });
});

describe('the certification rule', () => {
  it('has five modules and the thresholds of the letters', () => {
    expect(QUANG_NGAI_COURSE.modules.map((m) => m.number)).toEqual([1, 2, 3, 4, 5]);
    expect(moduleDone(QUANG_NGAI_COURSE, { contentShare: 0.8, quizScore: 4 })).toBe(true);
    expect([QUANG_NGAI_COURSE.finalTestPassScore, QUANG_NGAI_COURSE.finalTestQuestions]).toEqual([21, 30]);
  });
});

it.each([
  ['2761/SKHCN-BCVT&CĐS', '2025-11-11', '2761-skhcn-bcvt-cds-2025'],
  ['125/KH-UBND', '2025-06-02', '125-kh-ubnd-2025'],
])('directive id of %s', (number, issuedOn, id) => {
  expect(directiveIdOf(number, issuedOn)).toBe(id);
});
