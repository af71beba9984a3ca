/**
 * The SQL behind a ProvinceSnapshot (snapshot.ts): the areas, the latest population figures, the latest report of
 * every reporter and the latest portal row of every commune, for any provinces × dates in a fixed number of
 * statements whatever the number of communes, villages and units.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../../shared/pure/dates';
import { FIGURE_FIELDS, figuresOf, type FigureProperty } from '../intake/figures';
import type { StudentLevelFigures } from '../intake/validation';
import { ProvinceSnapshot, type AreaRow, type LatestReport, type PopulationRow, type PortalRow } from './snapshot';

interface ReportRow {
  day: string;
  id: number;
  reporter_id: string;
  commune_id: string;
  province_id: string;
  report_date: string;
  version: number;
  guided_residents: number;
  digital_signatures: number | null;
  vneid_confirmed: number | null;
  vneid_skills: number | null;
  student_levels: StudentLevelFigures[] | null;
}

type ReportRowWithFigures = ReportRow & Record<FigureProperty, number>;

/**
 * The adult measures are optional in a report and cumulative: a reporter's value at a date is the one its latest
 * report stating it says (a report leaving it blank does not reset it).
 */
const ADULT_MEASURES = ['digital_signatures', 'vneid_confirmed', 'vneid_skills'] as const;
const latestStated = (column: string) =>
  `(select s.${column} from reports.unit_report s where s.reporter_id = f.reporter_id and s.report_date <= d.day
     and s.${column} is not null order by s.report_date desc, s.version desc limit 1) as ${column}`;
const FIGURE_SELECT = (alias: string) => FIGURE_FIELDS.map((f) => `${alias}.${f.column} as "${f.property}"`).join(', ');

const pgDateArray = (dates: readonly string[]) => `{${dates.join(',')}}`;

/** The areas of the given provinces (the projection of the registry's hierarchy). */
export async function loadAreas(em: EntityManager, provinceIds: readonly string[]): Promise<AreaRow[]> {
  return em.execute<AreaRow[]>(
    `select id, level, name, parent_id as "parentId", province_id as "provinceId", commune_id as "communeId",
            former_commune as "formerCommune", unit_type as "unitType", staff, village_id as "villageId"
       from reports.area where province_id in (?) order by id`,
    [provinceIds],
  );
}

/**
 * The latest version of each reporter's latest report on or before each date: one statement for all. Reporters are
 * enumerated from `latest_figures` (one row each, kept by the reports' own inserts): a reporter whose newest report
 * is on or before the date is taken from it as is; only one with newer reports (a past date) looks up its own
 * reports, by index. So "as of today" (the live publication, today's views) reads one row per reporter whatever the
 * number of reports stored.
 */
export async function loadLatestReports(
  em: EntityManager,
  provinceIds: readonly string[],
  dates: readonly string[],
): Promise<Map<string, LatestReport[]>> {
  const rows = await em.execute<ReportRowWithFigures[]>(
    `select d.day::text as day, f.report_id as id, f.reporter_id, f.commune_id, f.province_id, f.report_date,
            f.version, f.guided_residents, f.student_levels, ${FIGURE_SELECT('f')},
            ${ADULT_MEASURES.map((m) => `f.${m}`).join(', ')}
       from unnest(?::date[]) as d(day) join reports.latest_figures f on f.report_date <= d.day
      where f.province_id in (?)
     union all
     select d.day::text, l.* from unnest(?::date[]) as d(day)
       join reports.latest_figures f on f.report_date > d.day and f.province_id in (?)
       cross join lateral (
         select r.id, r.reporter_id, r.commune_id, r.province_id, r.report_date, r.version, r.guided_residents,
                r.student_levels, ${FIGURE_SELECT('r')}, ${ADULT_MEASURES.map((m) => latestStated(m)).join(', ')}
           from reports.unit_report r
          where r.reporter_id = f.reporter_id and r.report_date <= d.day
          order by r.report_date desc, r.version desc limit 1
       ) l
     order by 1, 3`,
    [pgDateArray(dates), provinceIds, pgDateArray(dates), provinceIds],
  );
  const out = new Map<string, LatestReport[]>();
  for (const r of rows) {
    const key = `${r.province_id}|${r.day}`;
    const list = out.get(key) ?? [];
    list.push({
      reportId: r.id,
      reporterId: r.reporter_id,
      communeId: r.commune_id,
      reportDate: r.report_date,
      version: r.version,
      figures: figuresOf(r),
      guidedResidents: r.guided_residents,
      digitalSignatures: r.digital_signatures,
      vneidConfirmed: r.vneid_confirmed,
      vneidSkills: r.vneid_skills,
      studentLevels: r.student_levels,
    });
    out.set(key, list);
  }
  return out;
}

/**
 * The latest published row of each commune and source (portal, national platform) on or before each date (newest
 * import of that date): one statement.
 */
export async function loadLatestPortal(
  em: EntityManager,
  provinceIds: readonly string[],
  dates: readonly string[],
): Promise<Map<string, PortalRow[]>> {
  const rows = await em.execute<PortalRow[]>(
    `select d.day::text as day, l.* from unnest(?::date[]) as d(day)
     cross join lateral (
       select distinct on (p.commune_id, p.source) p.commune_id as "communeId", p.province_id as "provinceId",
              p.source, p.officials_on_portal as "officialsOnPortal", p.residents_on_portal as "residentsOnPortal",
              p.stat_date::text as "statDate", p.learners, p.officials_registered as "officialsRegistered",
              p.residents_registered as "residentsRegistered", p.portal_rank as "portalRank",
              p.officials_percent as "officialsPercent", p.residents_percent as "residentsPercent"
         from reports.portal_statistic p
        where p.province_id in (?) and p.stat_date <= d.day
        order by p.commune_id, p.source, p.stat_date desc, p.imported_at desc, p.id desc
     ) l`,
    [pgDateArray(dates), provinceIds],
  );
  const out = new Map<string, PortalRow[]>();
  for (const r of rows) {
    const key = `${r.provinceId}|${r.day}`;
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return out;
}

/** The latest population figure of every area of the given provinces on or before each date: one statement. */
export async function loadPopulations(
  em: EntityManager,
  provinceIds: readonly string[],
  dates: readonly string[],
): Promise<Map<string, PopulationRow[]>> {
  const rows = await em.execute<PopulationRow[]>(
    `select d.day::text as day, l.* from unnest(?::date[]) as d(day)
     cross join lateral (
       select distinct on (pf.area_id) pf.area_id as "areaId", a.province_id as "provinceId", pf.as_of::text as "asOf",
              pf.adults, pf.working_age as "workingAge", pf.households, pf.officials, pf.students
         from reports.population_fact pf join reports.area a on a.id = pf.area_id
        where a.province_id in (?) and pf.as_of <= d.day
        order by pf.area_id, pf.as_of desc, pf.revision_id desc
     ) l`,
    [pgDateArray(dates), provinceIds],
  );
  const out = new Map<string, PopulationRow[]>();
  for (const r of rows) {
    const key = `${r.provinceId}|${r.day}`;
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return out;
}

/** The dates on which a province has figures (reports or portal rows): the ranking dates. One statement. */
export async function loadFigureDates(
  em: EntityManager,
  provinceIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await em.execute<Array<{ provinceId: string; day: string }>>(
    `select distinct province_id as "provinceId", report_date::text as day
       from reports.unit_report where province_id in (?)
     union
     select distinct province_id, stat_date::text from reports.portal_statistic where province_id in (?)`,
    [provinceIds, provinceIds],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.provinceId, [...(out.get(r.provinceId) ?? []), r.day].sort());
  return out;
}

/** Loads snapshots for any provinces × dates in four statements. */
export async function loadSnapshots(
  em: EntityManager,
  keys: ReadonlyArray<{ provinceId: string; asOf: IsoDate }>,
): Promise<Map<string, ProvinceSnapshot>> {
  const provinceIds = [...new Set(keys.map((k) => k.provinceId))];
  const dates = [...new Set(keys.map((k) => k.asOf))];
  // In a transaction (publishing live events) there is one connection: ask one thing at a time on it.
  const inTransaction = em.isInTransaction();
  const run = <T>(jobs: Array<() => Promise<T>>): Promise<T[]> =>
    inTransaction
      ? jobs.reduce(async (acc, job) => [...(await acc), await job()], Promise.resolve([] as T[]))
      : Promise.all(jobs.map((j) => j()));
  const [areas, populations, reports, portal] = (await run<unknown>([
    () => loadAreas(em, provinceIds),
    () => loadPopulations(em, provinceIds, dates),
    () => loadLatestReports(em, provinceIds, dates),
    () => loadLatestPortal(em, provinceIds, dates),
  ])) as [AreaRow[], Map<string, PopulationRow[]>, Map<string, LatestReport[]>, Map<string, PortalRow[]>];
  const out = new Map<string, ProvinceSnapshot>();
  for (const k of keys) {
    const key = `${k.provinceId}|${k.asOf}`;
    if (out.has(key)) continue;
    out.set(
      key,
      new ProvinceSnapshot(
        k.provinceId,
        k.asOf,
        areas.filter((a) => a.provinceId === k.provinceId),
        populations.get(key) ?? [],
        reports.get(key) ?? [],
        portal.get(key) ?? [],
      ),
    );
  }
  return out;
}
