/**
 * The national view: the country's totals, the provinces ranked and every commune ranked nationally, from the
 * provinces' progress. Plain functions: no GraphQL, no ORM. Ranks follow the province portal's rule (ranking/rules.ts):
 * participation rate, then more learners, then the code.
 */
import type { IsoDate } from '../../../shared/pure/dates';
import { sumProgress, type ProgressValue } from '../progress/rules';
import { rankCommunes } from '../ranking/rules';
import { mergeCoverage } from '../progress/coverage';

export interface AreaProgress {
  id: string;
  progress: ProgressValue;
}

export interface RankedArea extends AreaProgress {
  position: number;
}

/** Areas (provinces or communes) ranked by participation rate, highest first. */
export function rankAreas(areas: AreaProgress[]): RankedArea[] {
  const byId = new Map(areas.map((a) => [a.id, a]));
  return rankCommunes(
    areas.map((a) => ({
      communeId: a.id,
      code: a.id,
      participationRate: a.progress.participationRate,
      learners: a.progress.learners,
    })),
  ).map((r) => ({ ...byId.get(r.communeId)!, position: r.position }));
}

/** Whether an area has any figures (reports, portal or national platform) on or before its date. */
export const hasFigures = (p: ProgressValue): boolean => p.figuresDate !== null;

/**
 * The country's progress: the counts of the provinces that have figures, over those provinces' adults (those
 * known), so that a province without figures does not lower the national rate as if it had none of its adults
 * learning; its coverage is theirs.
 */
export function nationalProgress(asOf: IsoDate, provinces: ProgressValue[]): ProgressValue {
  const counted = provinces.filter(hasFigures);
  const known = counted.filter((p) => p.adults !== null);
  const adults = known.length > 0 ? known.reduce((s, p) => s + p.adults!, 0) : null;
  const total = sumProgress(asOf, adults, counted);
  return {
    ...total,
    coverage: mergeCoverage(
      counted.flatMap((p) => p.coverage ?? []),
      total.figuresDate,
    ),
  };
}

/** The page after the entry at position `after` (a cursor as the entries give it), `first` entries long. */
export function pageOf<T extends { position: number }>(list: T[], first: number | null, after: string | null): T[] {
  const start = after === null ? 0 : list.findIndex((e) => e.position > Number(after));
  if (start < 0) return [];
  return first === null ? list.slice(start) : list.slice(start, start + first);
}

/** Why a page request is refused (null when it is fine): plain text for the resolver's bilingual error. */
export function pageProblem(first: number | null, after: string | null): { vi: string; en: string } | null {
  if (first !== null && (!Number.isInteger(first) || first < 1 || first > 5000))
    return { vi: '`first` phải từ 1 đến 5000', en: 'first must be between 1 and 5000' };
  if (after !== null && !/^\d+$/.test(after))
    return {
      vi: '`after` phải là con trỏ (cursor) của một dòng đã nhận',
      en: 'after must be a cursor of a row received',
    };
  return null;
}
