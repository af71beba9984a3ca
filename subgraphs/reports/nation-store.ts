/**
 * Reads behind `Query.nation`: every province's snapshot at a date, in a fixed number of statements whatever the
 * number of provinces and communes (one for the provinces' ids, then the snapshot loader's batch, shared across
 * requests by the snapshot cache).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../shared/dates';
import type { ReportsLoaders } from './loaders';
import type { ProvinceSnapshot } from './snapshot';

const perRequest = new WeakMap<ReportsLoaders, Map<IsoDate, Promise<ProvinceSnapshot[]>>>();

/** Every province's snapshot at the date, once per request (the nation's fields share it). */
export function nationSnapshots(
  em: EntityManager,
  loaders: ReportsLoaders,
  asOf: IsoDate,
): Promise<ProvinceSnapshot[]> {
  let byDate = perRequest.get(loaders);
  if (!byDate) perRequest.set(loaders, (byDate = new Map()));
  let loading = byDate.get(asOf);
  if (!loading) {
    loading = (async () => {
      const rows = await em.execute<Array<{ id: string }>>(
        `select id from reports.area where level = 'PROVINCE' order by id`,
      );
      const snapshots = await loaders.snapshot.loadMany(rows.map((r) => ({ provinceId: r.id, asOf })));
      return snapshots.map((s) => {
        if (s instanceof Error) throw s;
        return s;
      });
    })();
    byDate.set(asOf, loading);
  }
  return loading;
}
