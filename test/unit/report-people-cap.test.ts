import { BadInputError } from '../../shared/pure/errors';
import { maxPeoplePerReport, MAX_PEOPLE_PER_REPORT, validateReport } from '../../subgraphs/reports/intake/validation';

/** A cap on the people one report names (issue 21): 1,500 were stored. */
const report = (n: number) => ({
  reportDate: '2025-11-07',
  groups: [{ group: 'RESIDENTS' as const, registered: 1, completed: 0, certified: 0 }],
  people: Array.from({ length: n }, (_, i) => ({
    name: `Người ${i}`,
    role: 'RESIDENT' as const,
    certified: false,
    guided: 0,
  })),
});

describe('people per report', () => {
  it.each([
    [0, null],
    [200, null],
    [201, 'people'],
    [1500, 'people'],
  ])('%i people', (n, field) => {
    try {
      validateReport(report(n), '2025-12-01');
      expect(field).toBeNull();
    } catch (e) {
      expect(e).toBeInstanceOf(BadInputError);
      expect((e as BadInputError).field).toBe(field);
      expect((e as BadInputError).message).toMatch(/^Một báo cáo chỉ được nêu tối đa 200 người/);
    }
  });

  it('defaults to 200 and takes REPORT_MAX_PEOPLE', () => {
    expect(MAX_PEOPLE_PER_REPORT).toBe(200);
    expect(maxPeoplePerReport({ REPORT_MAX_PEOPLE: '50' })).toBe(50);
    expect(() => maxPeoplePerReport({ REPORT_MAX_PEOPLE: 'many' })).toThrow(/REPORT_MAX_PEOPLE/);
  });
});
