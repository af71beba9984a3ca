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
import { BA_TO_PLAN, KHANH_CUONG_PLAN } from '../../subgraphs/plans/demo';
import {
  personVerdict,
  quotaText,
  rulesBySubject,
  unitVerdict,
  villageVerdict,
  type RewardRuleData,
} from '../../subgraphs/reports/rewards';

// Ba Tô's rules are Ba Tô's plan data (seed), the other commune's its own.
const BA_TO = rulesBySubject(BA_TO_PLAN.rewardRules);
const OTHER = rulesBySubject(KHANH_CUONG_PLAN.rewardRules);
const rule = (r: Partial<RewardRuleData> & Pick<RewardRuleData, 'subject'>): RewardRuleData => ({
  description: 'rule',
  ...r,
});

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

describe('Ba Tô’s reward rules, from its plan', () => {
  it.each([
    [20, 20, 10, true],
    [20, 19, 10, false], // not every official certified
    [20, 20, 9, false], // fewer than half guide 10+
    [0, 0, 0, false],
  ])('unit with %i staff, %i certified, %i guiding 10+: %s', (staff, certified, guiding, eligible) =>
    expect(unitVerdict(BA_TO.UNIT!, staff, certified, guiding).eligible).toBe(eligible),
  );

  it.each([
    [1000, 700, true],
    [1000, 699, false],
    [null, 500, false],
  ])('village with %s working-age, %i certified: %s', (workingAge, certified, eligible) =>
    expect(villageVerdict(BA_TO.VILLAGE!, workingAge, certified).eligible).toBe(eligible),
  );

  it.each([
    ['OFFICIAL', true, 5, true],
    ['OFFICIAL', true, 4, false],
    ['OFFICIAL', true, 12, true], // above the 5–10 quota still meets it
    ['OFFICIAL', false, 30, false],
    ['RESIDENT', true, 2, true],
    ['RESIDENT', true, 1, false],
  ] as const)('%s certified=%s guided %i: %s', (role, certified, guided, eligible) =>
    expect(personVerdict(BA_TO[role]!, certified, guided).eligible).toBe(eligible),
  );

  it('states each official’s quota of 5–10 people', () => {
    expect(quotaText(BA_TO.OFFICIAL!)).toBe('5–10');
    expect(personVerdict(BA_TO.OFFICIAL!, true, 7).reason).toContain('chỉ tiêu 5–10');
  });
});

describe('each rule kind, with other numbers', () => {
  it.each([
    ['certified share only: 90% of 10', rule({ subject: 'UNIT', certifiedShare: 0.9 }), 10, 9, 0, true],
    ['certified share only: 80% of 10', rule({ subject: 'UNIT', certifiedShare: 0.9 }), 10, 8, 0, false],
    [
      'with a guiding share',
      rule({ subject: 'UNIT', certifiedShare: 0.5, guidingShare: 0.2, minGuided: 3 }),
      10,
      5,
      2,
      true,
    ],
    [
      'guiding share not reached',
      rule({ subject: 'UNIT', certifiedShare: 0.5, guidingShare: 0.2, minGuided: 3 }),
      10,
      5,
      1,
      false,
    ],
  ])('unit, %s', (_l, r, staff, certified, guiding, eligible) =>
    expect(unitVerdict(r, staff, certified, guiding).eligible).toBe(eligible),
  );

  it.each([
    [OTHER.VILLAGE!, 1000, 500, true],
    [OTHER.VILLAGE!, 1000, 499, false],
    [rule({ subject: 'VILLAGE', certifiedShare: 1 }), 10, 10, true],
  ])('village rule %#', (r, workingAge, certified, eligible) =>
    expect(villageVerdict(r, workingAge, certified).eligible).toBe(eligible),
  );

  it.each([
    [OTHER.OFFICIAL!, true, 3, true],
    [OTHER.OFFICIAL!, true, 2, false],
    [rule({ subject: 'RESIDENT', minGuided: 1, maxGuided: 4 }), true, 1, true],
    [rule({ subject: 'RESIDENT' }), true, 0, true], // no quota: certified is enough
    [rule({ subject: 'RESIDENT' }), false, 0, false],
  ])('person rule %#', (r, certified, guided, eligible) =>
    expect(personVerdict(r, certified, guided).eligible).toBe(eligible),
  );

  it('keeps the first rule stated for a subject', () =>
    expect(
      rulesBySubject([
        rule({ subject: 'VILLAGE', certifiedShare: 0.3 }),
        rule({ subject: 'VILLAGE', certifiedShare: 0.9 }),
      ]).VILLAGE?.certifiedShare,
    ).toBe(0.3));
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
  const input: Omit<Parameters<typeof rewardCandidates>[0], 'rules'> = {
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
  };
  const candidates = rewardCandidates({ ...input, rules: BA_TO_PLAN.rewardRules });
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
  it('gives each candidate the rule it was measured against and its figures', () => {
    expect(candidates.units[0]).toMatchObject({ rule: BA_TO.UNIT!.description, share: 1, guided: 2 });
    expect(candidates.villages[0]).toMatchObject({ rule: BA_TO.VILLAGE!.description, share: 0.7, guided: null });
    expect(candidates.people[0]).toMatchObject({ rule: BA_TO.OFFICIAL!.description, guided: 10 });
  });
  it('judges by another commune’s own rules: no resident rule, no residents judged', () => {
    const other = rewardCandidates({ ...input, rules: KHANH_CUONG_PLAN.rewardRules });
    expect(other.villages.map((v) => v.eligible)).toEqual([true]);
    expect(other.units.map((u) => u.eligible)).toEqual([true]);
    expect(other.people.map((p) => p.name)).toEqual(['A', 'B']);
  });
  it('judges no one without rules', () =>
    expect(rewardCandidates({ ...input, rules: [] })).toEqual({ villages: [], units: [], people: [] }));
});
