/**
 * Progress as the province portal computes it, from figures and a population. Plain functions: no GraphQL, no ORM.
 *
 * - learners = officials registered + residents registered (the portal's "học viên");
 * - residents registered counts everyone who is not an official: residents, students and enterprise workers
 *   (the portal's "người dân");
 * - every rate is a fraction of the area's adults (the portal's one denominator): officialsRate =
 *   officialsRegistered / adults, residentsRate = residentsRegistered / adults, participationRate = learners / adults.
 *   Ba Tô on 26 Oct 2025: 144 and 64 over 9,412 adults give 1.53% and 0.68%, participation 2.21%.
 */
import type { IsoDate } from '../../../shared/pure/dates';
import { POPULATION_GROUPS, type PopulationGroupName } from '../../../shared/vocabulary/enums';
import type { Coverage } from './coverage';

export const GROUPS = POPULATION_GROUPS;
export type Group = PopulationGroupName;

export interface GroupFigures {
  registered: number;
  completed: number;
  certified: number;
}

export type Figures = Record<Group, GroupFigures>;

export type ProgressSource = 'REPORTS' | 'PORTAL' | 'NATIONAL_PLATFORM' | 'NONE';

export interface ProgressValue {
  asOf: IsoDate;
  adults: number | null;
  learners: number;
  officialsRegistered: number;
  residentsRegistered: number;
  completed: number;
  certified: number;
  officialsRate: number | null;
  residentsRate: number | null;
  participationRate: number | null;
  /** Where the counts come from. */
  source: ProgressSource;
  /** The date of the newest figure used (report date or portal date). */
  figuresDate: IsoDate | null;
  /** Per group; null where the source gives no breakdown (the portal). */
  groups: Figures | null;
  /**
   * Learners counted from the national platform (binhdanhocvuso.gov.vn) and not on the province portal; already in
   * learners, officialsRegistered and residentsRegistered (never in `groups`, which are the reports' own).
   */
  nationalPlatformLearners: number;
  /** How many of its villages and units the figures cover (set by the snapshot; absent on a single source's side). */
  coverage?: Coverage;
}

export const emptyFigures = (): Figures => ({
  OFFICIALS: { registered: 0, completed: 0, certified: 0 },
  RESIDENTS: { registered: 0, completed: 0, certified: 0 },
  STUDENTS: { registered: 0, completed: 0, certified: 0 },
  WORKERS: { registered: 0, completed: 0, certified: 0 },
});

export function addFigures(a: Figures, b: Figures): Figures {
  const out = emptyFigures();
  for (const g of GROUPS) {
    out[g] = {
      registered: a[g].registered + b[g].registered,
      completed: a[g].completed + b[g].completed,
      certified: a[g].certified + b[g].certified,
    };
  }
  return out;
}

const rate = (count: number, adults: number | null): number | null => (adults && adults > 0 ? count / adults : null);

function build(
  asOf: IsoDate,
  adults: number | null,
  counts: { officialsRegistered: number; residentsRegistered: number; completed: number; certified: number },
  source: ProgressSource,
  figuresDate: IsoDate | null,
  groups: Figures | null,
  nationalPlatformLearners = 0,
): ProgressValue {
  const learners = counts.officialsRegistered + counts.residentsRegistered;
  return {
    asOf,
    adults,
    learners,
    ...counts,
    officialsRate: rate(counts.officialsRegistered, adults),
    residentsRate: rate(counts.residentsRegistered, adults),
    participationRate: rate(learners, adults),
    source,
    figuresDate,
    groups,
    nationalPlatformLearners,
  };
}

/** Progress from unit and village reports (the latest version of each reporter's latest report). */
export function progressFromFigures(
  asOf: IsoDate,
  adults: number | null,
  figures: Figures | null,
  figuresDate: IsoDate | null,
): ProgressValue {
  if (!figures)
    return build(
      asOf,
      adults,
      { officialsRegistered: 0, residentsRegistered: 0, completed: 0, certified: 0 },
      'NONE',
      null,
      null,
    );
  const others = (k: keyof GroupFigures) => figures.RESIDENTS[k] + figures.STUDENTS[k] + figures.WORKERS[k];
  return build(
    asOf,
    adults,
    {
      officialsRegistered: figures.OFFICIALS.registered,
      residentsRegistered: others('registered'),
      completed: figures.OFFICIALS.completed + others('completed'),
      certified: figures.OFFICIALS.certified + others('certified'),
    },
    'REPORTS',
    figuresDate,
    figures,
  );
}

export interface PortalFigures {
  statDate: IsoDate;
  officialsRegistered: number;
  residentsRegistered: number;
}

/** Progress from a portal statistics row: counts as published, rates over our adults (one denominator everywhere). */
export function progressFromPortal(asOf: IsoDate, adults: number | null, row: PortalFigures): ProgressValue {
  return build(
    asOf,
    adults,
    {
      officialsRegistered: row.officialsRegistered,
      residentsRegistered: row.residentsRegistered,
      completed: 0,
      certified: 0,
    },
    'PORTAL',
    row.statDate,
    null,
  );
}

/**
 * How portal figures and unit reports combine for a commune: the newer source wins. The portal is authoritative on
 * and after the date it covers, until a unit report dated later arrives; on equal dates the portal wins. Unit
 * reports always give the breakdown by village and unit, and `Commune.progressSources` shows both side by side.
 */
export function chooseCommuneProgress(fromReports: ProgressValue, fromPortal: ProgressValue | null): ProgressValue {
  if (!fromPortal) return fromReports;
  if (fromReports.source === 'NONE' || !fromReports.figuresDate) return fromPortal;
  return fromPortal.figuresDate! >= fromReports.figuresDate ? fromPortal : fromReports;
}

/**
 * A commune's progress with its national-platform learners counted once: the learners of the platform's latest row
 * who are not also on the province portal (platformOnly, statistic-sources.ts) are added to whichever of the portal
 * and the reports counts, since both count the portal's learners. The groups stay the reports' own.
 */
export function withNationalPlatform(
  value: ProgressValue,
  platform: { statDate: IsoDate; officials: number; residents: number } | null,
): ProgressValue {
  if (!platform || platform.officials + platform.residents === 0) return value;
  const figuresDate =
    value.figuresDate && value.figuresDate > platform.statDate ? value.figuresDate : platform.statDate;
  return build(
    value.asOf,
    value.adults,
    {
      officialsRegistered: value.officialsRegistered + platform.officials,
      residentsRegistered: value.residentsRegistered + platform.residents,
      completed: value.completed,
      certified: value.certified,
    },
    value.source === 'NONE' ? 'NATIONAL_PLATFORM' : value.source,
    figuresDate,
    value.groups,
    value.nationalPlatformLearners + platform.officials + platform.residents,
  );
}

/** Sum of parts (communes into a province), over the whole's own adults. */
export function sumProgress(asOf: IsoDate, adults: number | null, parts: ProgressValue[]): ProgressValue {
  const counts = { officialsRegistered: 0, residentsRegistered: 0, completed: 0, certified: 0 };
  let platform = 0;
  let figuresDate: IsoDate | null = null;
  const sources = new Set<ProgressSource>();
  for (const p of parts) {
    counts.officialsRegistered += p.officialsRegistered;
    counts.residentsRegistered += p.residentsRegistered;
    counts.completed += p.completed;
    counts.certified += p.certified;
    platform += p.nationalPlatformLearners;
    if (p.figuresDate && (!figuresDate || p.figuresDate > figuresDate)) figuresDate = p.figuresDate;
    if (p.source !== 'NONE') sources.add(p.source);
  }
  const source: ProgressSource = sources.has('REPORTS')
    ? 'REPORTS'
    : sources.has('PORTAL')
      ? 'PORTAL'
      : sources.has('NATIONAL_PLATFORM')
        ? 'NATIONAL_PLATFORM'
        : 'NONE';
  return build(asOf, adults, counts, source, figuresDate, null, platform);
}
