import { progressFromPortal, sumProgress, withNationalPlatform } from '../../subgraphs/reports/progress/rules';
import { checkSourceFields, platformOnly } from '../../subgraphs/reports/progress/statistic-sources';

/** The national platform's rows and the rule that counts each learner once (progress/statistic-sources.ts, progress/rules.ts). */
describe('checking a row by its source', () => {
  const platform = { source: 'NATIONAL_PLATFORM' as const, officialsRegistered: 10, residentsRegistered: 30 };
  it.each([
    [{ ...platform, officialsOnPortal: 4, residentsOnPortal: 6 }, null],
    [{ ...platform, officialsOnPortal: 10, residentsOnPortal: 30 }, null],
    [{ ...platform, officialsOnPortal: 0, residentsOnPortal: 0 }, null],
    [{ officialsRegistered: 10, residentsRegistered: 30 }, null],
    [{ ...platform, officialsOnPortal: 11, residentsOnPortal: 0 }, 'officialsOnPortal'],
    [{ ...platform, officialsOnPortal: 0, residentsOnPortal: 31 }, 'residentsOnPortal'],
    [{ ...platform, officialsOnPortal: null, residentsOnPortal: 0 }, 'officialsOnPortal'],
    [{ ...platform, officialsOnPortal: 0 }, 'residentsOnPortal'],
    [{ ...platform, officialsOnPortal: -1, residentsOnPortal: 0 }, 'officialsOnPortal'],
    [{ ...platform, officialsOnPortal: 1.5, residentsOnPortal: 0 }, 'officialsOnPortal'],
    [{ ...platform, officialsOnPortal: 0, residentsOnPortal: 0, rank: 3 }, 'rank'],
    [
      { source: 'PORTAL' as const, officialsRegistered: 10, residentsRegistered: 30, officialsOnPortal: 1 },
      'officialsOnPortal',
    ],
  ])('%j → %s', (row, field) => {
    const problem = checkSourceFields(row, 7);
    expect(problem?.field ?? null).toBe(field);
    if (problem) expect(problem.vi).toMatch(/^dòng 7: /);
  });

  it('refuses an unknown source by name', () => {
    const row = { source: 'ZALO' as unknown as 'PORTAL', officialsRegistered: 1, residentsRegistered: 0 };
    expect(checkSourceFields(row, 1)).toMatchObject({
      field: 'source',
      vi: expect.stringContaining('"ZALO"') as unknown,
    });
  });
});

describe('counting each learner once', () => {
  const row = { officialsRegistered: 10, residentsRegistered: 30, officialsOnPortal: 4, residentsOnPortal: 6 };
  it('adds only the platform’s learners not on the portal, to whichever source counts', () => {
    expect(platformOnly(row)).toEqual({ officials: 6, residents: 24 });
    const portal = progressFromPortal('2025-12-22', 1000, {
      statDate: '2025-12-20',
      officialsRegistered: 200,
      residentsRegistered: 300,
    });
    const both = withNationalPlatform(portal, { statDate: '2025-12-22', ...platformOnly(row) });
    expect(both).toMatchObject({
      learners: 530,
      officialsRegistered: 206,
      residentsRegistered: 324,
      nationalPlatformLearners: 30,
      participationRate: 0.53,
      source: 'PORTAL',
      figuresDate: '2025-12-22',
    });
    // A province sums its communes, platform learners included, once.
    expect(sumProgress('2025-12-22', 2000, [both, portal])).toMatchObject({
      learners: 1030,
      nationalPlatformLearners: 30,
    });
  });

  it('a platform row whose learners are all on the portal adds nobody', () => {
    const portal = progressFromPortal('2025-12-22', 1000, {
      statDate: '2025-12-22',
      officialsRegistered: 1,
      residentsRegistered: 0,
    });
    const all = platformOnly({
      officialsRegistered: 1,
      residentsRegistered: 0,
      officialsOnPortal: 1,
      residentsOnPortal: 0,
    });
    expect(withNationalPlatform(portal, { statDate: '2025-12-22', ...all })).toBe(portal);
  });

  it('with nothing else yet, the platform’s own learners are the progress', () => {
    const none = progressFromPortal('2025-12-22', 100, {
      statDate: '2025-12-22',
      officialsRegistered: 0,
      residentsRegistered: 0,
    });
    const empty = { ...none, source: 'NONE' as const, figuresDate: null };
    expect(withNationalPlatform(empty, { statDate: '2025-12-20', officials: 1, residents: 2 })).toMatchObject({
      learners: 3,
      source: 'NATIONAL_PLATFORM',
      figuresDate: '2025-12-20',
    });
  });
});
