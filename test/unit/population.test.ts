import { BadInputError } from '../../shared/pure/errors';
import { resolvePopulation, sumPopulations, type Population } from '../../subgraphs/common/population';
import { validatePopulation } from '../../subgraphs/registry/validation';

const TODAY = '2025-11-01';
const base = { asOf: '2025-10-01', adults: 9412 };

describe('validatePopulation', () => {
  it.each([
    ['negative adults', { ...base, adults: -1 }, 'adults'],
    ['fractional adults', { ...base, adults: 10.5 }, 'adults'],
    ['working age above adults', { ...base, workingAge: 9413 }, 'workingAge'],
    ['officials above adults', { ...base, officials: 10000 }, 'officials'],
    ['negative households', { ...base, households: -3 }, 'households'],
    ['negative students', { ...base, students: -3 }, 'students'],
    ['an extra zero too many', { ...base, adults: 94_120_000 }, 'adults'],
    ['a date in the future', { ...base, asOf: '2025-11-02' }, 'asOf'],
    ['an impossible date', { ...base, asOf: '2025-02-30' }, 'asOf'],
  ])('rejects %s, naming the field', (_label, input, field) => {
    expect(() => validatePopulation(input, 'Điều tra dân số', TODAY)).toThrow(BadInputError);
    try {
      validatePopulation(input, 'Điều tra dân số', TODAY);
    } catch (e) {
      expect((e as BadInputError).field).toBe(field);
      expect((e as BadInputError).code).toBe('BAD_USER_INPUT');
    }
  });

  it.each([
    ['', 'empty'],
    ['  ', 'blank'],
    ['x'.repeat(501), 'too long'],
  ])('rejects a reason that is %#: %s', (reason) => {
    expect(() => validatePopulation(base, reason, TODAY)).toThrow(/lý do|Lý do/i);
  });

  it('tells the clerk the figures in Vietnamese notation', () => {
    expect(() => validatePopulation({ ...base, workingAge: 12000 }, 'Điều tra', TODAY)).toThrow(
      '(12.000) không thể lớn hơn số người trong độ tuổi trưởng thành (9.412)',
    );
  });

  it('accepts plausible figures, working age equal to adults, today, and trims the reason', () => {
    expect(
      validatePopulation(
        { asOf: TODAY, adults: 100, workingAge: 100, officials: 0, students: 250 },
        '  Rà soát  ',
        TODAY,
      ),
    ).toEqual({
      asOf: TODAY,
      adults: 100,
      workingAge: 100,
      households: null,
      officials: 0,
      students: 250,
      reason: 'Rà soát',
    });
  });
});

const pop = (asOf: string, adults: number, extra: Partial<Population> = {}): Population => ({
  asOf,
  adults,
  workingAge: null,
  households: null,
  officials: null,
  students: null,
  ...extra,
});

describe('sumPopulations and resolvePopulation', () => {
  it('sums adults, takes the latest date, and knows an optional figure only when every part does', () => {
    const sum = sumPopulations([
      pop('2025-07-01', 100, { workingAge: 80, students: 10 }),
      pop('2025-08-01', 50, { workingAge: 40 }),
    ]);
    expect(sum).toEqual({
      asOf: '2025-08-01',
      adults: 150,
      workingAge: 120,
      households: null,
      officials: null,
      students: null,
    });
  });

  it('has no population without parts', () => {
    expect(sumPopulations([])).toBeNull();
    expect(resolvePopulation(null, [null, null])).toBeNull();
  });

  it('prefers the area’s own figure over the sum of its parts', () => {
    expect(resolvePopulation(pop('2025-01-01', 7), [pop('2025-07-01', 100)])).toEqual(pop('2025-01-01', 7));
    expect(resolvePopulation(null, [pop('2025-07-01', 100), null, pop('2025-07-01', 1)])?.adults).toBe(101);
  });
});
