/**
 * How much of an area the figures on screen cover, and whether most of them are old: one fresh village report must
 * not make a province's year-old figures look current (issue 25). The API counts (Progress.coverage); the pages say
 * it in one line and warn by the date most figures have, not by the newest one.
 */
import { daysBetween } from '../../../shared/pure/dates';
import { fmtDate, fmtInt } from './format';
import type { CoverageFieldsFragment } from './generated/graphql';

export const COVERAGE_FIELDS = /* GraphQL */ `
  fragment CoverageFields on FiguresCoverage {
    villages
    villagesWithFigures
    villagesAtFiguresDate
    units
    unitsWithFigures
    unitsAtFiguresDate
    commonFiguresDate
    dates {
      date
      villages
      units
    }
  }
`;
export type Coverage = CoverageFieldsFragment;

/** Figures older than this many days are not "today's situation". */
export const STALE_AFTER_DAYS = 7;

/** Villages when the area has any, else units: what the lines count. */
function counted(c: Coverage): { word: string; total: number; at: number; key: 'villages' | 'units' } {
  return c.villages > 0 || c.units === 0
    ? { word: 'thôn', total: c.villages, at: c.villagesAtFiguresDate, key: 'villages' }
    : { word: 'đơn vị', total: c.units, at: c.unitsAtFiguresDate, key: 'units' };
}

/** "1/1.120 thôn có số liệu ngày 04/12/2026" ('' without coverage or figures). */
export function coverageLine(c: Coverage | null | undefined, figuresDate: string | null | undefined): string {
  if (!c || !figuresDate) return '';
  const { word, total, at } = counted(c);
  return `${fmtInt(at)}/${fmtInt(total)} ${word} có số liệu ngày ${fmtDate(figuresDate)}`;
}

/** The same line from a list of villages and units, each with the date of its own latest figures (a commune report). */
export function areasCoverageLine(
  areas: ReadonlyArray<{ level: string; figuresDate?: string | null }>,
  figuresDate: string | null | undefined,
): string {
  const count = (level: string, at: boolean) =>
    areas.filter((a) => a.level === level && (!at || (!!a.figuresDate && a.figuresDate === figuresDate))).length;
  return coverageLine(
    {
      villages: count('VILLAGE', false),
      villagesWithFigures: 0,
      villagesAtFiguresDate: count('VILLAGE', true),
      units: count('UNIT', false),
      unitsWithFigures: 0,
      unitsAtFiguresDate: count('UNIT', true),
      commonFiguresDate: null,
      dates: [],
    },
    figuresDate,
  );
}

export interface Staleness {
  /** The date most figures have (the newest date without coverage). */
  date: string;
  days: number;
  /** "1.119/1.120 thôn có số liệu cũ hơn 7 ngày" ('' without coverage). */
  older: string;
}

/** Whether the figures on screen are mostly older than a week on `today`, judged by the date most of them have. */
export function staleness(
  c: Coverage | null | undefined,
  newest: string | null | undefined,
  today: string,
): Staleness | null {
  const date = c?.commonFiguresDate ?? newest;
  if (!date) return null;
  const days = daysBetween(date, today);
  if (days <= STALE_AFTER_DAYS) return null;
  if (!c) return { date, days, older: '' };
  const { word, total, key } = counted(c);
  const older = c.dates.filter((d) => daysBetween(d.date, today) > STALE_AFTER_DAYS).reduce((s, d) => s + d[key], 0);
  return { date, days, older: `${fmtInt(older)}/${fmtInt(total)} ${word} có số liệu cũ hơn ${STALE_AFTER_DAYS} ngày` };
}
