import { AUDIT_RECORDED, COMMUNE_REPORT_SUBMITTED } from '../../shared/vocabulary/events';
import { REPORT_SUBMITTED } from '../../subgraphs/reports/intake/store';
import { retirementOf, SnapshotCache } from '../../subgraphs/reports/progress/cache';
import { PROGRESS_UPDATED, RANK_CHANGED } from '../../subgraphs/reports/live/store';
import type { ProvinceSnapshot } from '../../subgraphs/reports/progress/snapshot';

/** What a write retires from the reports subgraph's shared snapshots (subgraphs/reports/progress/cache.ts). */
const snapshot = () => Promise.resolve({} as ProvinceSnapshot);
const KEYS = ['P23|2025-11-07', 'P23|2025-11-14', 'P23|2025-11-21', 'P22|2025-11-14', 'P22|2025-11-21'];
function filled(): SnapshotCache {
  const cache = new SnapshotCache();
  for (const k of KEYS) cache.put(k, snapshot());
  return cache;
}
const cached = (cache: SnapshotCache) => KEYS.filter((k) => cache.has(k));

describe('SnapshotCache.retire', () => {
  it('retires the province’s snapshots of the report’s date and later, and keeps earlier dates and other provinces', () => {
    const cache = filled();
    cache.retire([{ provinceId: 'P23', from: '2025-11-14' }]);
    expect(cached(cache)).toEqual(['P23|2025-11-07', 'P22|2025-11-14', 'P22|2025-11-21']);
  });

  it('takes each province’s earliest date when a scope names it twice (an import of several weeks)', () => {
    const cache = filled();
    cache.retire([
      { provinceId: 'P22', from: '2025-11-21' },
      { provinceId: 'P22', from: '2025-11-14' },
      { provinceId: 'P23', from: '2025-11-21' },
    ]);
    expect(cached(cache)).toEqual(['P23|2025-11-07', 'P23|2025-11-14']);
  });

  it('retires everything without a scope', () => {
    const cache = filled();
    cache.retire();
    expect(cached(cache)).toEqual([]);
  });

  it('reloads the figure dates of the province written, not of the others', async () => {
    const cache = new SnapshotCache();
    const loads: string[] = [];
    const dates = (p: string) => cache.figureDates(p, async () => (loads.push(p), ['2025-11-14']));
    await dates('P23');
    await dates('P22');
    cache.retire([{ provinceId: 'P23', from: '2025-11-21' }]);
    await dates('P23');
    await dates('P22');
    expect(loads).toEqual(['P23', 'P22', 'P23']);
  });
});

describe('retirementOf (a NOTIFY of the reports outbox)', () => {
  const scope = [{ provinceId: 'P23', from: '2025-11-21' }];
  it.each([PROGRESS_UPDATED, RANK_CHANGED, AUDIT_RECORDED, COMMUNE_REPORT_SUBMITTED])(
    'retires nothing for %s (it comes with the write that changed the figures)',
    (topic) => expect(retirementOf({ schema: 'reports', topic })).toBeNull(),
  );
  it('retires the scope a report names', () =>
    expect(retirementOf({ schema: 'reports', topic: REPORT_SUBMITTED, scope })).toEqual({ scope }));
  it('retires everything for a write without a scope, an unknown topic, or a listener back from a lost connection', () => {
    expect(retirementOf({ schema: 'reports', topic: REPORT_SUBMITTED })).toEqual({ scope: undefined });
    expect(retirementOf({ schema: 'reports', topic: 'something.new', scope })).toEqual({ scope });
    expect(retirementOf(undefined)).toEqual({ scope: undefined });
  });
});
