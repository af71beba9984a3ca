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

/**
 * A commune's place in a ranking with its **rank move**: the places it moved up since a previous ranking. One word
 * per meaning in this subgraph: a *rank move* is this number; a write's *live events* (live/store.ts) are the
 * `progress.updated` and `rank.changed` events it publishes; a write *retires* the cached snapshots it touched
 * (progress/cache.ts). The public names stay as DESIGN.md fixed them: GraphQL's `Rank.change`, `RankChange.change`
 * and `ReportRank.change`, the `rank.changed` payload's `change` and a commune report's stored `rank.change` all hold
 * a rank move.
 */
export interface RankMove {
  communeId: string;
  position: number;
  outOf: number;
  /** Its position in the previous ranking; null when there is none or the commune was not in it. */
  previous: number | null;
  /** Places moved up (negative: down; Ba Tô 34 → 38 is -4); null when `previous` is. */
  move: number | null;
}

/**
 * The rank move of every commune of `current` since `previous` (null: there is no previous ranking), in `current`'s
 * order. A commune new to the ranking has no move; one that left it has no entry.
 */
export function rankMoves(
  previous: ReadonlyArray<{ communeId: string; position: number }> | null,
  current: readonly Ranked[],
): RankMove[] {
  const before = new Map((previous ?? []).map((r) => [r.communeId, r.position]));
  return current.map((r) => {
    const was = before.get(r.communeId) ?? null;
    return {
      communeId: r.communeId,
      position: r.position,
      outOf: r.outOf,
      previous: was,
      move: was === null ? null : was - r.position,
    };
  });
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
