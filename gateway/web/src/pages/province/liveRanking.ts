/** The ranking kept current from live events, and its change against last week. Plain functions, no DOM. */
import type { RankEvent, RankingRow } from './queries';

/**
 * The ranking with one commune's new position and figures from a rankChanged event, in order; null when the
 * commune is not in it (then the page reloads the ranking).
 */
export function applyRankEvent(rows: RankingRow[], e: RankEvent): RankingRow[] | null {
  const i = rows.findIndex((r) => r.commune.id === e.commune.id);
  if (i < 0) return null;
  const next = [...rows];
  next[i] = {
    ...rows[i],
    position: e.position,
    outOf: e.outOf,
    date: e.asOf,
    progress: { ...rows[i].progress, ...e.progress },
  };
  return next.sort((a, b) => a.position - b.position);
}

/** Each row's "Thay đổi" against its position a week ago (null: not ranked then). */
export function againstWeekAgo(
  rows: RankingRow[],
  weekAgo: Array<{ position: number; commune: { id: string } }>,
): RankingRow[] {
  const before = new Map(weekAgo.map((r) => [r.commune.id, r.position]));
  return rows.map((r) => {
    const previous = before.get(r.commune.id) ?? null;
    return { ...r, previous, change: previous == null ? null : previous - r.position };
  });
}
