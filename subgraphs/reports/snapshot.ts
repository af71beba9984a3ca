/**
 * Everything needed to answer progress and ranking questions about a province as of a date, loaded in a fixed
 * number of SQL statements whatever the number of communes, villages and units: the areas, the latest population
 * figures, the latest report of every reporter and the latest portal row of every commune.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../shared/dates';
import { resolvePopulation, type Population } from '../common/population';
import {
  chooseCommuneProgress,
  addFigures,
  emptyFigures,
  progressFromFigures,
  progressFromPortal,
  sumProgress,
  type Figures,
  type ProgressValue,
  type PortalFigures,
} from './progress';
import { rankCommunes, type RankInput, type Ranked } from './ranking';
import type { Counts, Denominators } from './targets';

export interface AreaRow {
  id: string;
  level: 'PROVINCE' | 'COMMUNE' | 'VILLAGE' | 'UNIT';
  name: string;
  parentId: string | null;
  provinceId: string;
  communeId: string | null;
  formerCommune: string | null;
  unitType: string | null;
  staff: number | null;
  villageId: string | null;
}

export interface LatestReport {
  reportId: number;
  reporterId: string;
  communeId: string;
  reportDate: IsoDate;
  version: number;
  figures: Figures;
  guidedResidents: number;
}

interface ReportRow {
  day: string;
  id: number;
  reporter_id: string;
  commune_id: string;
  province_id: string;
  report_date: string;
  version: number;
  guided_residents: number;
  [column: string]: string | number;
}

const GROUP_COLUMNS = ['officials', 'residents', 'students', 'workers'] as const;
const FIGURE_COLUMNS = GROUP_COLUMNS.flatMap((g) => [`${g}_registered`, `${g}_completed`, `${g}_certified`]);

function figuresOf(row: ReportRow): Figures {
  const f = emptyFigures();
  const keys = { officials: 'OFFICIALS', residents: 'RESIDENTS', students: 'STUDENTS', workers: 'WORKERS' } as const;
  for (const g of GROUP_COLUMNS) {
    f[keys[g]] = {
      registered: Number(row[`${g}_registered`]),
      completed: Number(row[`${g}_completed`]),
      certified: Number(row[`${g}_certified`]),
    };
  }
  return f;
}

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

/** The latest version of each reporter's latest report on or before each date: one statement for all. */
export async function loadLatestReports(
  em: EntityManager,
  provinceIds: readonly string[],
  dates: readonly string[],
): Promise<Map<string, LatestReport[]>> {
  const rows = await em.execute<ReportRow[]>(
    `select d.day::text as day, l.* from unnest(?::date[]) as d(day)
     cross join lateral (
       select distinct on (r.reporter_id) r.id, r.reporter_id, r.commune_id, r.province_id, r.report_date, r.version,
              r.guided_residents, ${FIGURE_COLUMNS.map((c) => `r.${c}`).join(', ')}
         from reports.unit_report r
        where r.province_id in (?) and r.report_date <= d.day
        order by r.reporter_id, r.report_date desc, r.version desc
     ) l`,
    [pgDateArray(dates), provinceIds],
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
    });
    out.set(key, list);
  }
  return out;
}

interface PortalRow extends PortalFigures {
  day: string;
  communeId: string;
  provinceId: string;
  learners: number;
  portalRank: number | null;
  officialsPercent: number | null;
  residentsPercent: number | null;
}

/** The latest portal row of each commune on or before each date (newest import of that date): one statement. */
export async function loadLatestPortal(
  em: EntityManager,
  provinceIds: readonly string[],
  dates: readonly string[],
): Promise<Map<string, PortalRow[]>> {
  const rows = await em.execute<PortalRow[]>(
    `select d.day::text as day, l.* from unnest(?::date[]) as d(day)
     cross join lateral (
       select distinct on (p.commune_id) p.commune_id as "communeId", p.province_id as "provinceId", p.stat_date::text as "statDate",
              p.learners, p.officials_registered as "officialsRegistered", p.residents_registered as "residentsRegistered",
              p.portal_rank as "portalRank", p.officials_percent as "officialsPercent", p.residents_percent as "residentsPercent"
         from reports.portal_statistic p
        where p.province_id in (?) and p.stat_date <= d.day
        order by p.commune_id, p.stat_date desc, p.imported_at desc, p.id desc
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

interface PopulationRow extends Population {
  day: string;
  areaId: string;
  provinceId: string;
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
       select distinct on (pf.area_id) pf.area_id as "areaId", a.province_id as "provinceId", pf.as_of::text as "asOf", pf.adults,
              pf.working_age as "workingAge", pf.households, pf.officials, pf.students
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
    `select distinct province_id as "provinceId", report_date::text as day from reports.unit_report where province_id in (?)
     union
     select distinct province_id, stat_date::text from reports.portal_statistic where province_id in (?)`,
    [provinceIds, provinceIds],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.provinceId, [...(out.get(r.provinceId) ?? []), r.day].sort());
  return out;
}

/** A province as of one date, with every derived figure computed once and kept. */
export class ProvinceSnapshot {
  private readonly areasById = new Map<string, AreaRow>();
  private readonly childrenOf = new Map<string, AreaRow[]>();
  private readonly ownPopulation = new Map<string, Population>();
  private readonly reportOf = new Map<string, LatestReport>();
  private readonly portalOf = new Map<string, PortalRow>();
  private readonly progressCache = new Map<string, ProgressValue>();
  private rankingCache: Ranked[] | null = null;

  constructor(
    readonly provinceId: string,
    readonly asOf: IsoDate,
    areas: AreaRow[],
    populations: PopulationRow[],
    reports: LatestReport[],
    portal: PortalRow[],
  ) {
    for (const a of areas) {
      this.areasById.set(a.id, a);
      if (a.parentId) this.childrenOf.set(a.parentId, [...(this.childrenOf.get(a.parentId) ?? []), a]);
    }
    for (const p of populations) this.ownPopulation.set(p.areaId, p);
    for (const r of reports) this.reportOf.set(r.reporterId, r);
    for (const p of portal) this.portalOf.set(p.communeId, p);
  }

  area(id: string): AreaRow | undefined {
    return this.areasById.get(id);
  }

  children(id: string, level?: AreaRow['level']): AreaRow[] {
    const list = this.childrenOf.get(id) ?? [];
    return level ? list.filter((a) => a.level === level) : list;
  }

  communes(): AreaRow[] {
    return this.children(this.provinceId, 'COMMUNE');
  }

  /** The population rule of the registry: own latest figure, else the sum of the parts. */
  population(id: string): Population | null {
    const own = this.ownPopulation.get(id) ?? null;
    const area = this.areasById.get(id);
    if (own || !area || area.level === 'VILLAGE' || area.level === 'UNIT') return own;
    const partLevel = area.level === 'PROVINCE' ? 'COMMUNE' : 'VILLAGE';
    return resolvePopulation(
      null,
      this.children(id, partLevel).map((c) => this.population(c.id)),
    );
  }

  latestReport(reporterId: string): LatestReport | undefined {
    return this.reportOf.get(reporterId);
  }

  portalRow(communeId: string): PortalRow | undefined {
    return this.portalOf.get(communeId);
  }

  /** Progress of a village or unit from its own latest report. */
  private reporterProgress(id: string): ProgressValue {
    const area = this.areasById.get(id);
    const report = this.reportOf.get(id);
    const adults = area?.level === 'VILLAGE' ? (this.population(id)?.adults ?? null) : (area?.staff ?? null);
    return progressFromFigures(this.asOf, adults, report?.figures ?? null, report?.reportDate ?? null);
  }

  /** A commune's progress from the reports of all its villages and units. */
  reportedCommuneProgress(id: string): ProgressValue {
    let figures: Figures | null = null;
    let last: string | null = null;
    for (const child of this.children(id)) {
      const r = this.reportOf.get(child.id);
      if (!r) continue;
      figures = addFigures(figures ?? emptyFigures(), r.figures);
      if (!last || r.reportDate > last) last = r.reportDate;
    }
    return progressFromFigures(this.asOf, this.population(id)?.adults ?? null, figures, last);
  }

  portalCommuneProgress(id: string): ProgressValue | null {
    const row = this.portalOf.get(id);
    return row ? progressFromPortal(this.asOf, this.population(id)?.adults ?? null, row) : null;
  }

  progress(id: string): ProgressValue {
    const cached = this.progressCache.get(id);
    if (cached) return cached;
    const area = this.areasById.get(id);
    let value: ProgressValue;
    if (!area) value = progressFromFigures(this.asOf, null, null, null);
    else if (area.level === 'COMMUNE')
      value = chooseCommuneProgress(this.reportedCommuneProgress(id), this.portalCommuneProgress(id));
    else if (area.level === 'PROVINCE')
      value = sumProgress(
        this.asOf,
        this.population(id)?.adults ?? null,
        this.communes().map((c) => this.progress(c.id)),
      );
    else value = this.reporterProgress(id);
    this.progressCache.set(id, value);
    return value;
  }

  /** All villages and units under an area (itself included when it is one). */
  private reportersUnder(id: string): AreaRow[] {
    const area = this.areasById.get(id);
    if (!area) return [];
    if (area.level === 'VILLAGE' || area.level === 'UNIT') return [area];
    if (area.level === 'COMMUNE') return this.children(id).filter((a) => a.level === 'VILLAGE' || a.level === 'UNIT');
    return this.communes().flatMap((c) => this.reportersUnder(c.id));
  }

  /** The figures a target is measured with: learners (any source) and, from reports, counts per group. */
  counts(id: string): Counts {
    let groups: Figures | null = null;
    for (const r of this.reportersUnder(id)) {
      const report = this.reportOf.get(r.id);
      if (report) groups = addFigures(groups ?? emptyFigures(), report.figures);
    }
    return { learners: this.progress(id).learners, groups };
  }

  /** The populations targets are measured against (see targets.ts for the rule of each group). */
  denominators(id: string): Denominators {
    const population = this.population(id);
    const units = this.reportersUnder(id).filter((a) => a.level === 'UNIT');
    const staffOf = (keep: (t: string | null) => boolean) =>
      units.filter((u) => keep(u.unitType)).reduce((s, u) => s + (u.staff ?? 0), 0) || null;
    const WORKPLACES = ['ENTERPRISE', 'COOPERATIVE'];
    return {
      adults: population?.adults ?? null,
      officials: population?.officials ?? staffOf((t) => !WORKPLACES.includes(t ?? '') && t !== 'DIGITAL_TEAM'),
      students: population?.students ?? null,
      workers: staffOf((t) => WORKPLACES.includes(t ?? '')),
    };
  }

  ranking(): Ranked[] {
    if (!this.rankingCache) {
      const entries: RankInput[] = this.communes().map((c) => {
        const p = this.progress(c.id);
        return { communeId: c.id, code: c.id, participationRate: p.participationRate, learners: p.learners };
      });
      this.rankingCache = rankCommunes(entries);
    }
    return this.rankingCache;
  }
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
