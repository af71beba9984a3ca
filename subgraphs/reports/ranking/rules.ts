/**
 * The commune ranking, as the province portal publishes it. Plain functions: no GraphQL, no ORM.
 *
 * Order: participation rate (learners / adults), highest first; communes without a known rate come last. Ties are
 * broken by more learners, then by the commune's reference code (ascending), so the order is total and stable.
 */
export interface RankInput {
  communeId: string;
  code: string;
  participationRate: number | null;
  learners: number;
}

export interface Ranked {
  communeId: string;
  position: number;
  outOf: number;
}

export function compareForRank(a: RankInput, b: RankInput): number {
  const ra = a.participationRate;
  const rb = b.participationRate;
  if (ra === null && rb !== null) return 1;
  if (rb === null && ra !== null) return -1;
  if (ra !== null && rb !== null && ra !== rb) return rb - ra;
  if (a.learners !== b.learners) return b.learners - a.learners;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function rankCommunes(entries: RankInput[]): Ranked[] {
  return [...entries]
    .sort(compareForRank)
    .map((e, i) => ({ communeId: e.communeId, position: i + 1, outOf: entries.length }));
}

export interface RankChangeValue {
  position: number;
  outOf: number;
  previous: number | null;
  /** Places moved up since the previous ranking date (negative: down). Ba Tô 34 → 38 is -4. */
  change: number | null;
}

export function withChange(current: Ranked, previous: Ranked | undefined): RankChangeValue {
  return {
    position: current.position,
    outOf: current.outOf,
    previous: previous?.position ?? null,
    change: previous ? previous.position - current.position : null,
  };
}

/**
 * The ranking dates around `asOf`: the newest date with figures on or before it, and the one before that, whose
 * ranking is the "previous" one.
 */
export function rankingDates(dates: string[], asOf: string): { current: string | null; previous: string | null } {
  const sorted = [...new Set(dates)].filter((d) => d <= asOf).sort();
  const current = sorted.length ? sorted[sorted.length - 1] : null;
  const previous = sorted.length > 1 ? sorted[sorted.length - 2] : null;
  return { current, previous };
}
