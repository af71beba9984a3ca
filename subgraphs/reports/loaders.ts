import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { todayInVietnam, type IsoDate } from '../../shared/pure/dates';
import { addDays } from '../../shared/vocabulary/deadlines';
import { argLoader, listLoader } from '../common/loaders';
import type { ChangeScope } from '../common/outbox';
import { loadApprovals, loadPeriods, type PeriodValue } from './approval/queries';
import { Area } from './entities/Area';
import { CommuneReport } from './entities/CommuneReport';
import { DirectiveTarget } from './entities/DirectiveTarget';
import { ReportPerson } from './entities/ReportPerson';
import { UnitReport } from './entities/UnitReport';
import { rankingDates, rankMoves, type RankMove } from './ranking/rules';
import { SnapshotCache, type AreaFacts } from './progress/cache';
import { createChaseLoaders } from './chase/store';
import type { LiveHub } from './live/hub';
import { loadFigureDates, loadSnapshots } from './progress/store';
import type { ProvinceSnapshot } from './progress/snapshot';

export interface RankedCommune extends RankMove {
  previousDate: IsoDate | null;
  date: IsoDate | null;
}

/** Loaders for one request; `cache` is the process's snapshot cache (a private one when none is given). */
export function createLoaders(em: EntityManager, cache: SnapshotCache = new SnapshotCache(), hub?: LiveHub) {
  const figureDates = new DataLoader<string, string[]>((ids) =>
    Promise.all(ids.map((id) => cache.figureDates(id, async () => (await loadFigureDates(em, [id])).get(id) ?? []))),
  );

  const snapshot = new DataLoader<{ provinceId: string; asOf: IsoDate }, ProvinceSnapshot, string>(
    async (keys) => {
      const keyOf = (k: { provinceId: string; asOf: IsoDate }) => `${k.provinceId}|${k.asOf}`;
      const missing = keys.filter((k) => !cache.get(keyOf(k)));
      if (missing.length > 0) {
        const loading = loadSnapshots(em, missing);
        for (const k of missing)
          cache.put(
            keyOf(k),
            loading.then((m) => m.get(keyOf(k))!),
          );
      }
      return Promise.all(keys.map((k) => cache.get(keyOf(k)) ?? loadSnapshots(em, [k]).then((m) => m.get(keyOf(k))!)));
    },
    { cacheKeyFn: (k) => `${k.provinceId}|${k.asOf}` },
  );

  /** The ranking of a province's communes as of a date, with each one's rank move since the previous ranking date. */
  const ranking = new DataLoader<{ provinceId: string; asOf: IsoDate }, RankedCommune[], string>(
    async (keys) =>
      Promise.all(
        keys.map(async ({ provinceId, asOf }) => {
          const { current, previous } = rankingDates(await figureDates.load(provinceId), asOf);
          const [now, before] = await Promise.all([
            snapshot.load({ provinceId, asOf }),
            previous ? snapshot.load({ provinceId, asOf: previous }) : Promise.resolve(null),
          ]);
          return rankMoves(before?.ranking() ?? null, now.ranking()).map((m) => ({
            ...m,
            previousDate: previous,
            date: current,
          }));
        }),
      ),
    { cacheKeyFn: (k) => `${k.provinceId}|${k.asOf}` },
  );

  return {
    /** Call after a write commits: what it touched (all when no scope is given) no longer describes the data. */
    retire: (scope?: ChangeScope) => cache.retire(scope),
    /** A view built from snapshots, shared between requests until a write retires it (progress/cache.ts). */
    view: <T>(key: string, load: () => Promise<T>): Promise<T> => cache.view(key, load),
    /** The process's live event hub (subscriptions only). */
    live: (): LiveHub => {
      if (!hub) throw new Error('live events are not served by this process');
      return hub;
    },
    area: new DataLoader<string, AreaFacts | null>((ids) =>
      cache.areaFacts(ids, async (missing) =>
        (await em.find(Area, { id: { $in: missing } })).map((a) => ({
          id: a.id,
          level: a.level,
          name: a.name,
          provinceId: a.provinceId,
          communeId: a.communeId,
          staff: a.staff,
          unitType: a.unitType,
        })),
      ),
    ),
    figureDates,
    snapshot,
    ranking,
    directiveTargets: listLoader<string, DirectiveTarget>(
      (ids) => em.find(DirectiveTarget, { provinceId: { $in: [...ids] } }),
      (d) => d.provinceId,
    ),
    /** Communes' periodic reports of a province (commune-report/store.ts): one statement. */
    communeReports: listLoader<string, CommuneReport>(
      (ids) => em.find(CommuneReport, { provinceId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (r) => r.provinceId,
    ),
    reportsOf: listLoader<string, UnitReport>(
      (ids) =>
        em.find(UnitReport, { reporterId: { $in: [...ids] } }, { orderBy: { reportDate: 'desc', version: 'desc' } }),
      (r) => r.reporterId,
    ),
    /** A commune's reporting periods within a range (Commune.reportingPeriods): one statement per range. */
    periods: argLoader<{ from: IsoDate | null; to: IsoDate | null }, string, PeriodValue[]>(
      (ids, { from, to }) => loadPeriods(em, ids, from, to),
      [],
    ),
    /** Approval states of every period of a province, by `communeId|reportDate` (Progress.approved): one statement. */
    approvals: new DataLoader<string, Awaited<ReturnType<typeof loadApprovals>>>(async (provinceIds) => {
      const all = await loadApprovals(em, provinceIds);
      return provinceIds.map(() => all);
    }),
    /** The chase lists' and the rewards' rows (chase/store.ts). */
    chase: createChaseLoaders(em),
    peopleOf: listLoader<number, ReportPerson>(
      (ids) => em.find(ReportPerson, { reportId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (p) => p.reportId,
    ),
  };
}

export type ReportsLoaders = ReturnType<typeof createLoaders>;

export const asOfOrToday = (asOf?: IsoDate | null): IsoDate => asOf ?? todayInVietnam();

/**
 * After a start: the snapshots a province's dashboard and commune pages ask for first (every figure date for the
 * history, today and a week ago for the rankings), for the provinces with the latest figures first, while they take
 * at most half the cache. Without it the first visitor after a start waited over a second for them.
 */
export async function warmSnapshots(em: EntityManager, cache: SnapshotCache, log: (line: string) => void) {
  const provinces = await em.execute<Array<{ provinceId: string }>>(
    `select province_id as "provinceId" from (
       select province_id, max(report_date) as latest from reports.unit_report group by province_id
       union all
       select province_id, max(stat_date) from reports.portal_statistic group by province_id) f
     group by province_id order by max(latest) desc, province_id`,
  );
  const loaders = createLoaders(em, cache);
  const today = todayInVietnam();
  let warmed = 0;
  for (const { provinceId } of provinces) {
    const dates = await loaders.figureDates.load(provinceId);
    const keys = [...new Set([...dates, today, addDays(today, -7)])].map((asOf) => ({ provinceId, asOf }));
    if (warmed + keys.length > cache.capacity / 2) break;
    await loaders.snapshot.loadMany(keys);
    warmed += keys.length;
  }
  log(`warmed ${warmed} province snapshots`);
}
