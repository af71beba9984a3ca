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
