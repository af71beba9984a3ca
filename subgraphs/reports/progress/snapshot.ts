/**
 * A province as of one date, in memory: its areas, the latest population figures, the latest report of every
 * reporter and the latest portal row of every commune, with every derived figure (population, progress, counts,
 * denominators, ranking) computed once and kept. No SQL here: store.ts loads the rows.
 */
import type { IsoDate } from '../../../shared/pure/dates';
import { resolvePopulation, type Population } from '../../common/population';
import {
  chooseCommuneProgress,
  addFigures,
  emptyFigures,
  progressFromFigures,
  progressFromPortal,
  sumProgress,
  withNationalPlatform,
  type Figures,
  type ProgressValue,
  type PortalFigures,
} from './rules';
import { coverageOf, mergeCoverage } from './coverage';
import { rankCommunes, type RankInput, type Ranked } from '../ranking/rules';
import type { StudentLevelFigures } from '../intake/validation';
import { platformOnly, type StatisticSourceName } from './statistic-sources';
import { addStudentLevels, type Counts, type Denominators, type StudentLevelCounts } from '../targets/rules';

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
  /** The reporter's latest stated adult measures (null: never stated). */
  digitalSignatures: number | null;
  vneidConfirmed: number | null;
  vneidSkills: number | null;
  /** A school's students by level, as its latest report states them (null: not stated). */
  studentLevels: StudentLevelFigures[] | null;
}

export interface PortalRow extends PortalFigures {
  day: string;
  source: StatisticSourceName;
  /** NATIONAL_PLATFORM rows: how many of its officials / residents are also on the province portal. */
  officialsOnPortal: number | null;
  residentsOnPortal: number | null;
  communeId: string;
  provinceId: string;
  learners: number;
  portalRank: number | null;
  officialsPercent: number | null;
  residentsPercent: number | null;
}

export interface PopulationRow extends Population {
  day: string;
  areaId: string;
  provinceId: string;
}

/** A province as of one date, with every derived figure computed once and kept. */
export class ProvinceSnapshot {
  private readonly areasById = new Map<string, AreaRow>();
  private readonly childrenOf = new Map<string, AreaRow[]>();
  private readonly ownPopulation = new Map<string, Population>();
  private readonly reportOf = new Map<string, LatestReport>();
  private readonly portalOf = new Map<string, PortalRow>();
  private readonly platformOf = new Map<string, PortalRow>();
  private readonly progressCache = new Map<string, ProgressValue>();
  /** A province's counts walk every village and unit: kept, as progress is (a snapshot never changes). */
  private readonly countsCache = new Map<string, Counts>();
  private readonly denominatorsCache = new Map<string, Denominators>();
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
    for (const p of portal) (p.source === 'NATIONAL_PLATFORM' ? this.platformOf : this.portalOf).set(p.communeId, p);
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

  /** The national platform's latest row of a commune, as published (all its learners, those on the portal too). */
  platformRow(communeId: string): PortalRow | undefined {
    return this.platformOf.get(communeId);
  }

  /** The national platform's latest row as progress, as published (before removing those counted by the portal). */
  platformCommuneProgress(id: string): ProgressValue | null {
    const row = this.platformOf.get(id);
    if (!row) return null;
    return { ...progressFromPortal(this.asOf, this.population(id)?.adults ?? null, row), source: 'NATIONAL_PLATFORM' };
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
    else if (area.level === 'COMMUNE') {
      // The newer of reports and portal, plus the national platform's learners not on the portal (counted once).
      const platform = this.platformOf.get(id);
      value = withNationalPlatform(
        chooseCommuneProgress(this.reportedCommuneProgress(id), this.portalCommuneProgress(id)),
        platform ? { statDate: platform.statDate, ...platformOnly(platform) } : null,
      );
    } else if (area.level === 'PROVINCE')
      value = sumProgress(
        this.asOf,
        this.population(id)?.adults ?? null,
        this.communes().map((c) => this.progress(c.id)),
      );
    else value = this.reporterProgress(id);
    if (area) value = { ...value, coverage: this.coverage(area, value) };
    this.progressCache.set(id, value);
    return value;
  }

  /** A province's coverage sums its communes' (each built once, with their progress); the others count reporters. */
  private coverage(area: AreaRow, value: ProgressValue) {
    if (area.level === 'PROVINCE')
      return mergeCoverage(
        this.communes().flatMap((c) => this.progress(c.id).coverage ?? []),
        value.figuresDate,
      );
    const reporters = this.reportersUnder(area.id).map((r) => ({
      level: r.level === 'UNIT' ? ('UNIT' as const) : ('VILLAGE' as const),
      date: this.reportOf.get(r.id)?.reportDate ?? null,
    }));
    return coverageOf(reporters, value.figuresDate);
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
    let kept = this.countsCache.get(id);
    if (!kept) this.countsCache.set(id, (kept = this.countFigures(id)));
    return kept;
  }

  private countFigures(id: string): Counts {
    let groups: Figures | null = null;
    let signed: number | null = null;
    let vneid: number | null = null;
    let skills: number | null = null;
    let levels: StudentLevelCounts | null = null;
    for (const r of this.reportersUnder(id)) {
      const report = this.reportOf.get(r.id);
      if (!report) continue;
      groups = addFigures(groups ?? emptyFigures(), report.figures);
      if (report.digitalSignatures !== null) signed = (signed ?? 0) + report.digitalSignatures;
      if (report.vneidConfirmed !== null) vneid = (vneid ?? 0) + report.vneidConfirmed;
      if (report.vneidSkills !== null) skills = (skills ?? 0) + report.vneidSkills;
      if (report.studentLevels?.length) levels = addStudentLevels(levels, report.studentLevels);
    }
    return {
      learners: this.progress(id).learners,
      groups,
      digitalSignatures: signed,
      vneidConfirmed: vneid,
      vneidSkills: skills,
      studentLevels: levels,
    };
  }

  /** The populations targets are measured against (see targets/rules.ts for the rule of each group). */
  denominators(id: string): Denominators {
    let kept = this.denominatorsCache.get(id);
    if (!kept) this.denominatorsCache.set(id, (kept = this.countDenominators(id)));
    return kept;
  }

  private countDenominators(id: string): Denominators {
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
