/**
 * How much of an area its figures cover: how many of its villages and units have reported at all, how many have
 * figures of its newest date, and the date most of them have. One fresh village report must not make a province's
 * year-old figures look current (issue 25). Plain functions: no GraphQL, no ORM.
 */
import type { IsoDate } from '../../../shared/pure/dates';

/** How many villages and units have their latest figures dated `date`. */
export interface DateCount {
  date: IsoDate;
  villages: number;
  units: number;
}

export interface Coverage {
  villages: number;
  villagesWithFigures: number;
  villagesAtFiguresDate: number;
  units: number;
  unitsWithFigures: number;
  unitsAtFiguresDate: number;
  /** The newest date that more than half of the villages with figures have reached (units when no village has). */
  commonFiguresDate: IsoDate | null;
  /** Latest-figure dates and how many villages and units have each, newest first. */
  dates: DateCount[];
}

export interface Reporter {
  level: 'VILLAGE' | 'UNIT';
  /** The date of its latest report on or before the snapshot's date (null: none). */
  date: IsoDate | null;
}

/** The coverage of a set of villages and units (a commune's, or a single village's) against the area's newest date. */
export function coverageOf(reporters: readonly Reporter[], figuresDate: IsoDate | null): Coverage {
  const byDate = new Map<IsoDate, DateCount>();
  let villages = 0;
  let units = 0;
  for (const r of reporters) {
    if (r.level === 'VILLAGE') villages += 1;
    else units += 1;
    if (!r.date) continue;
    const count = byDate.get(r.date) ?? { date: r.date, villages: 0, units: 0 };
    if (r.level === 'VILLAGE') count.villages += 1;
    else count.units += 1;
    byDate.set(r.date, count);
  }
  return fromDates(villages, units, [...byDate.values()], figuresDate);
}

/** The coverage of a whole (a province, the country) from its parts' coverages. */
export function mergeCoverage(parts: readonly Coverage[], figuresDate: IsoDate | null): Coverage {
  const byDate = new Map<IsoDate, DateCount>();
  for (const part of parts)
    for (const d of part.dates) {
      const count = byDate.get(d.date) ?? { date: d.date, villages: 0, units: 0 };
      count.villages += d.villages;
      count.units += d.units;
      byDate.set(d.date, count);
    }
  const sum = (key: 'villages' | 'units') => parts.reduce((s, p) => s + p[key], 0);
  return fromDates(sum('villages'), sum('units'), [...byDate.values()], figuresDate);
}

/**
 * The newest date that more than half of them have reached (their latest figures dated on or after it): the lower
 * median of their dates. 1,119 villages at 05/12/2025 and one at 04/12/2026 give 05/12/2025.
 */
export function commonDate(dates: readonly DateCount[], key: 'villages' | 'units'): IsoDate | null {
  const ascending = [...dates].filter((d) => d[key] > 0).sort((a, b) => (a.date < b.date ? -1 : 1));
  const total = ascending.reduce((s, d) => s + d[key], 0);
  if (total === 0) return null;
  const index = Math.floor((total - 1) / 2);
  let seen = 0;
  for (const d of ascending) {
    seen += d[key];
    if (seen > index) return d.date;
  }
  return null;
}

function fromDates(villages: number, units: number, dates: DateCount[], figuresDate: IsoDate | null): Coverage {
  const sorted = dates.sort((a, b) => (a.date < b.date ? 1 : -1));
  const at = sorted.find((d) => d.date === figuresDate);
  const withFigures = (key: 'villages' | 'units') => sorted.reduce((s, d) => s + d[key], 0);
  const villagesWithFigures = withFigures('villages');
  return {
    villages,
    villagesWithFigures,
    villagesAtFiguresDate: at?.villages ?? 0,
    units,
    unitsWithFigures: withFigures('units'),
    unitsAtFiguresDate: at?.units ?? 0,
    commonFiguresDate: commonDate(sorted, villagesWithFigures > 0 ? 'villages' : 'units'),
    dates: sorted,
  };
}
