import { BadInputError, NotFoundError } from '../../shared/errors';
import {
  chaseWindow,
  checkDueTime,
  communeChase,
  provinceChase,
  rewardCandidates,
} from '../../subgraphs/reports/chase-rules';
import { emptyFigures } from '../../subgraphs/reports/progress';
import { deadlineInstant, reportingState, summarise } from '../../subgraphs/reports/reporting';
import { personVerdict, unitVerdict, villageVerdict } from '../../subgraphs/reports/rewards';

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

describe('Ba Tô’s reward rules', () => {
  it.each([
    [20, 20, 10, true],
    [20, 19, 10, false], // not every official certified
    [20, 20, 9, false], // fewer than half guide 10+
    [0, 0, 0, false],
  ])('unit with %i staff, %i certified, %i guiding 10+: %s', (staff, certified, guiding, eligible) =>
    expect(unitVerdict(staff, certified, guiding).eligible).toBe(eligible),
  );

  it.each([
    [1000, 700, true],
    [1000, 699, false],
    [null, 500, false],
  ])('village with %s working-age, %i certified: %s', (workingAge, certified, eligible) =>
    expect(villageVerdict(workingAge, certified).eligible).toBe(eligible),
  );

  it.each([
    ['OFFICIAL', true, 5, true],
    ['OFFICIAL', true, 4, false],
    ['OFFICIAL', false, 30, false],
    ['RESIDENT', true, 2, true],
    ['RESIDENT', true, 1, false],
  ] as const)('%s certified=%s guided %i: %s', (role, certified, guided, eligible) =>
    expect(personVerdict(role, certified, guided).eligible).toBe(eligible),
  );
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

describe('reward candidates of a commune', () => {
  const figures = (residentsCertified: number, officialsCertified: number) => {
    const f = emptyFigures();
    f.RESIDENTS.certified = residentsCertified;
    f.OFFICIALS.certified = officialsCertified;
    return f;
  };
  const candidates = rewardCandidates({
    children: [
      { id: 'V1', name: 'Thôn 1', level: 'VILLAGE', unitType: null, staff: null },
      { id: 'U1', name: 'Công an', level: 'UNIT', unitType: 'POLICE', staff: 4 },
      { id: 'U2', name: 'Tổ công nghệ số', level: 'UNIT', unitType: 'DIGITAL_TEAM', staff: 5 },
    ],
    latest: (id) => ({ V1: { reportId: 1, figures: figures(70, 0) }, U1: { reportId: 2, figures: figures(0, 4) } })[id],
    workingAge: (id) => (id === 'V1' ? 100 : null),
    people: [
      { reportId: 2, name: 'A', role: 'OFFICIAL', certified: true, guided: 10 },
      { reportId: 2, name: 'B', role: 'OFFICIAL', certified: true, guided: 12 },
      { reportId: 1, name: 'C', role: 'RESIDENT', certified: false, guided: 3 },
    ],
  });
  it('measures villages and units (not the digital team) against the rules', () => {
    expect(candidates.villages.map((v) => [v.village?.id, v.eligible])).toEqual([['V1', true]]);
    expect(candidates.units.map((u) => [u.unit?.id, u.eligible])).toEqual([['U1', true]]);
  });
  it('places each named person at the reporter whose report names them', () =>
    expect(candidates.people.map((p) => [p.name, p.village?.id ?? p.unit?.id, p.eligible])).toEqual([
      ['A', 'U1', true],
      ['B', 'U1', true],
      ['C', 'V1', false],
    ]));
});
