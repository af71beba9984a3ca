import {
  checkReturnReason,
  dueInstant,
  figureDifferences,
  figuresDay,
  findRequest,
  followUpState,
  nextStatus,
  type CommuneReportAction,
  type CommuneReportStatus,
} from '../../subgraphs/reports/commune-report/rules';
import type { DeadlineData } from '../../shared/vocabulary/model';
import { codeOf } from '../support/errors';

describe('a commune report’s states', () => {
  const cases: Array<[CommuneReportStatus, CommuneReportAction, CommuneReportStatus | 'BAD_USER_INPUT']> = [
    ['DRAFT', 'EDIT', 'DRAFT'],
    ['DRAFT', 'SUBMIT', 'SUBMITTED'],
    ['DRAFT', 'RETURN', 'BAD_USER_INPUT'],
    ['DRAFT', 'ACCEPT', 'BAD_USER_INPUT'],
    ['SUBMITTED', 'EDIT', 'BAD_USER_INPUT'],
    ['SUBMITTED', 'SUBMIT', 'BAD_USER_INPUT'],
    ['SUBMITTED', 'RETURN', 'RETURNED'],
    ['SUBMITTED', 'ACCEPT', 'ACCEPTED'],
    ['RETURNED', 'EDIT', 'RETURNED'],
    ['RETURNED', 'SUBMIT', 'SUBMITTED'],
    ['RETURNED', 'RETURN', 'BAD_USER_INPUT'],
    ['RETURNED', 'ACCEPT', 'BAD_USER_INPUT'],
    ['ACCEPTED', 'EDIT', 'BAD_USER_INPUT'],
    ['ACCEPTED', 'SUBMIT', 'BAD_USER_INPUT'],
    ['ACCEPTED', 'RETURN', 'BAD_USER_INPUT'],
    ['ACCEPTED', 'ACCEPT', 'BAD_USER_INPUT'],
  ];
  it.each(cases)('%s + %s → %s', (from, action, expected) => {
    if (expected === 'BAD_USER_INPUT') {
      expect(codeOf(() => nextStatus(from, action))).toBe('BAD_USER_INPUT');
    } else expect(nextStatus(from, action)).toBe(expected);
  });

  it('says in Vietnamese why a submitted report cannot be submitted again', () => {
    expect(() => nextStatus('SUBMITTED', 'SUBMIT')).toThrow(/đã gửi, không thể gửi/);
  });
});

describe('a reporting request', () => {
  const before20: DeadlineData = {
    reporter: 'UBND xã',
    subject: 'Báo cáo',
    recurrence: 'ONCE',
    dueOn: '2025-11-20',
    before: true,
  };
  const on10: DeadlineData = { reporter: 'UBND xã', subject: 'Báo cáo', recurrence: 'ONCE', dueOn: '2025-11-10' };
  it.each([
    [before20, '2025-11-20T00:00:00+07:00'],
    [on10, '2025-11-11T00:00:00+07:00'],
  ])('is due at the end of its last day (%#)', (d, instant) => {
    expect(dueInstant(d).toISOString()).toBe(new Date(instant).toISOString());
  });
  it.each([
    [before20, '2026-01-01', '2025-11-19'],
    [before20, '2025-11-05', '2025-11-05'],
    [on10, '2025-12-01', '2025-11-10'],
  ])('takes its figures on the last day or today (%#)', (d, today, day) => {
    expect(figuresDay(d, today)).toBe(day);
  });
  it('is found by its due date, or refused listing the ones the directive has', () => {
    expect(findRequest([on10, before20], '2025-11-20', '639/SKHCN')).toBe(before20);
    expect(() => findRequest([on10], '2025-11-21', '639/SKHCN')).toThrow(/2025-11-10/);
  });
  it('needs a reason to return a report', () => {
    expect(codeOf(() => checkReturnReason('  '))).toBe('BAD_USER_INPUT');
    expect(checkReturnReason(' thiếu số liệu ')).toBe('thiếu số liệu');
  });
});

describe('the province’s follow-up', () => {
  const due = new Date('2025-11-20T00:00:00+07:00');
  it.each([
    [new Date('2025-11-19T10:00:00+07:00'), 'SUBMITTED', 'ON_TIME'],
    [new Date('2025-11-20T00:00:00+07:00'), 'ACCEPTED', 'ON_TIME'],
    [new Date('2025-11-20T00:00:01+07:00'), 'SUBMITTED', 'LATE'],
    [null, 'DRAFT', 'DRAFT'],
    [null, 'RETURNED', 'DRAFT'],
    [null, null, 'MISSING'],
  ] as const)('%s %s → %s', (at, status, expected) => {
    expect(followUpState(at, status, due)).toBe(expected);
  });
});

describe('figures frozen at submission', () => {
  const base = {
    learners: 100,
    adults: 1000,
    participationRate: 0.1,
    groups: [{ group: 'RESIDENTS', registered: 100, completed: 50, certified: 10 }],
    villages: [{ id: 'V1', learners: 100, adults: 1000 }],
    rank: { position: 34 },
  };
  it('are equal to themselves', () => expect(figureDifferences(base, base)).toEqual([]));
  it('name what changed since', () => {
    const now = {
      ...base,
      learners: 120,
      villages: [{ id: 'V1', learners: 120, adults: 1000 }],
      rank: { position: 30 },
    };
    expect(figureDifferences(base, now)).toEqual([
      'Số người tham gia: 100 khi gửi, nay 120',
      'V1: số liệu đã thay đổi',
      'Xếp hạng: 34 khi gửi, nay 30',
    ]);
  });
});
