import { BadInputError, NotFoundError } from '../../shared/pure/errors';
import {
  chaseWindow,
  checkDueTime,
  communeChase,
  latestOneOffDeadline,
  provinceChase,
} from '../../subgraphs/reports/chase/rules';
import { deadlineInstant, reportingState, summarise } from '../../subgraphs/reports/chase/reporting';

describe('reporting state', () => {
  const friday = deadlineInstant('2025-11-07');
  it('puts the default deadline at 17:00 Vietnam time on the report date', () =>
    expect(friday.toISOString()).toBe('2025-11-07T10:00:00.000Z'));
  it.each([
    [null, 'MISSING'],
    ['2025-11-07T09:59:59Z', 'ON_TIME'],
    ['2025-11-07T10:00:00Z', 'ON_TIME'],
    ['2025-11-07T10:00:01Z', 'LATE'],
  ])('first submission %s → %s', (at, state) => expect(reportingState(at ? new Date(at) : null, friday)).toBe(state));
  it('counts each state', () =>
    expect(summarise(['LATE', 'ON_TIME', 'LATE'])).toEqual({ ON_TIME: 1, LATE: 2, MISSING: 0 }));
});

describe('chase lists', () => {
  const friday = deadlineInstant('2025-11-07');
  it.each([['17:00'], ['00:00'], ['23:59']])('accepts the due time %s', (t) =>
    expect(() => checkDueTime(t)).not.toThrow(),
  );
  it.each([['25:00'], ['7:00'], ['17h']])('refuses the due time %s', (t) =>
    expect(() => checkDueTime(t)).toThrow(BadInputError),
  );

  it('lists a commune’s reporters missing first, then late, then on time, by name within each', () => {
    const chase = communeChase(
      [
        { id: 'V1', name: 'Thôn Bình', level: 'VILLAGE' },
        { id: 'U1', name: 'Công an xã', level: 'UNIT' },
        { id: 'V2', name: 'Thôn An', level: 'VILLAGE' },
        { id: 'V3', name: 'Thôn Đông', level: 'VILLAGE' },
      ],
      [
        { reporterId: 'V1', first: new Date('2025-11-07T09:00:00Z') },
        { reporterId: 'U1', first: new Date('2025-11-07T11:00:00Z') },
      ],
      friday,
    );
    expect(chase).toMatchObject({ onTime: 1, late: 1, missing: 2 });
    expect(chase.reporters.map((r) => [r.name, r.status])).toEqual([
      ['Thôn An', 'MISSING'],
      ['Thôn Đông', 'MISSING'],
      ['Công an xã', 'LATE'],
      ['Thôn Bình', 'ON_TIME'],
    ]);
    expect(chase.reporters[2]).toMatchObject({ unit: { id: 'U1' }, village: null });
  });

  it.each([
    [{ deadline: '2025-11-20', since: null }, '2025-11-13', '2025-11-19T17:00:00.000Z'],
    [{ deadline: '2025-11-20', since: '2025-11-01' }, '2025-11-01', '2025-11-19T17:00:00.000Z'],
  ])('chases %j from %s until %s', (args, from, due) => {
    const w = chaseWindow({ ...args, dueTime: '00:00', directive: null });
    expect([w.from, w.due.toISOString(), w.dueDate]).toEqual([from, due, '2025-11-20']);
  });

  it('chases by a directive’s one-off deadline ("before 20/11")', () => {
    const found = { number: '2027/SKHCN', deadlines: [{ recurrence: 'ONCE', dueOn: '2025-11-20', before: true }] };
    const w = chaseWindow({ deadline: null, dueTime: '00:00', since: null, directive: { id: 'D1', found } });
    expect(w.due.toISOString()).toBe('2025-11-19T17:00:00.000Z');
  });

  it.each([
    ['no deadline nor directive', { deadline: null, since: null, directive: null }, BadInputError],
    ['since after the deadline', { deadline: '2025-11-20', since: '2025-11-21', directive: null }, BadInputError],
    ['an unknown directive', { deadline: null, since: null, directive: { id: 'nope' } }, NotFoundError],
    [
      'a directive without a one-off deadline',
      { deadline: null, since: null, directive: { id: 'D1', found: { number: '1/UBND', deadlines: [] } } },
      BadInputError,
    ],
  ])('refuses %s', (_, args, error) => expect(() => chaseWindow({ ...args, dueTime: '00:00' })).toThrow(error));

  it('finds the latest one-off deadline among the directives in force (the dashboard’s first chase)', () => {
    const once = (dueOn: string) => ({ recurrence: 'ONCE', dueOn, before: true });
    const directives = [
      { status: 'IN_FORCE', deadlines: [once('2025-11-20'), { recurrence: 'WEEKLY', weekday: 5 }] },
      { status: 'IN_FORCE', deadlines: [once('2025-12-15')] },
      { status: 'WITHDRAWN', deadlines: [once('2026-01-10')] },
    ];
    expect(latestOneOffDeadline(directives)).toBe('2025-12-15');
    expect(latestOneOffDeadline([{ status: 'IN_FORCE', deadlines: [{ recurrence: 'WEEKLY' }] }])).toBeNull();
    expect(latestOneOffDeadline([])).toBeNull();
  });

  it('counts a commune as reported by its first submission in the window', () => {
    const due = deadlineInstant('2025-11-20', '00:00');
    const chase = provinceChase(
      [
        { id: 'C1', name: 'Ba Tô', reporters: 10 },
        { id: 'C2', name: 'Ba Vì', reporters: 8 },
      ],
      [{ communeId: 'C2', first: new Date('2025-11-18T03:00:00Z'), reported: 3 }],
      due,
    );
    expect(chase).toMatchObject({ onTime: 1, late: 0, missing: 1 });
    expect(chase.communes.map((c) => [c.name, c.status, c.reportersReported, c.reportersTotal])).toEqual([
      ['Ba Tô', 'MISSING', 0, 10],
      ['Ba Vì', 'ON_TIME', 3, 8],
    ]);
  });
});
