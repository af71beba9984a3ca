/**
 * The wall's feed, one line per cause: a report or a correction moves one commune and shifts every commune it
 * passes by one place. The moves that arrive together are folded into a line for each real mover, the one-place
 * shifts it caused counted on that line. Plain functions, no DOM.
 */

export interface Move {
  communeId: string;
  name: string;
  /** Position before (null: newly ranked). */
  previous: number | null;
  position: number;
}

/** A move as the live events carry it: the moves of one publication share a batch and know its size. */
export interface BatchedMove extends Move {
  batch?: string | null;
  batchSize?: number | null;
}

/**
 * Whether the pending moves can be folded now: each comes with its batch and every batch is whole (each commune
 * counted once, as a replay after a reconnect may send a move again). Moves without a batch (from polling, or events
 * older than batches) never are: they wait for the quiet interval instead.
 */
export function batchesComplete(moves: readonly BatchedMove[]): boolean {
  if (moves.length === 0) return false;
  const batches = new Map<string, { size: number; communes: Set<string> }>();
  for (const m of moves) {
    if (!m.batch || !m.batchSize) return false;
    const b = batches.get(m.batch) ?? { size: m.batchSize, communes: new Set<string>() };
    b.communes.add(m.communeId);
    batches.set(m.batch, b);
  }
  return [...batches.values()].every((b) => b.communes.size >= b.size);
}

export interface FeedLine {
  communeId: string;
  name: string;
  from: number | null;
  to: number;
  /** Places moved up (negative: down). */
  change: number;
  /** Communes shifted by one place as a consequence, in the other direction. */
  shifted: number;
}

/** Folds a burst of moves (each commune once: its first `previous`, its last position) into lines per cause. */
export function foldMoves(moves: Move[]): FeedLine[] {
  const byCommune = new Map<string, FeedLine>();
  for (const m of moves) {
    const old = byCommune.get(m.communeId);
    const from = old ? old.from : m.previous;
    byCommune.set(m.communeId, {
      communeId: m.communeId,
      name: m.name,
      from,
      to: m.position,
      change: from == null ? 0 : from - m.position,
      shifted: 0,
    });
  }
  const net = [...byCommune.values()].filter((l) => l.from == null || l.change !== 0);
  // The causes: newly ranked, or moved more than one place; if none did, the biggest single mover.
  let causes = net.filter((l) => l.from == null || Math.abs(l.change) > 1);
  if (causes.length === 0 && net.length > 0)
    causes = [net.reduce((a, b) => (Math.abs(b.change) > Math.abs(a.change) ? b : a))];
  const lines = causes.map((c) => ({ ...c }));
  for (const l of net) {
    if (causes.some((c) => c.communeId === l.communeId)) continue;
    // A one-place shift goes to the cause that moved across it, in the other direction.
    const cause =
      lines.find((c) => c.from != null && Math.sign(c.change) === -Math.sign(l.change) && between(l, c)) ??
      lines.find((c) => Math.sign(c.change) === -Math.sign(l.change)) ??
      lines[0];
    if (cause) cause.shifted += 1;
  }
  return lines.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
}

/** Whether the shifted commune's old place lies in the range the cause crossed. */
function between(shifted: FeedLine, cause: FeedLine): boolean {
  const lo = Math.min(cause.from!, cause.to);
  const hi = Math.max(cause.from!, cause.to);
  return shifted.from != null && shifted.from >= lo && shifted.from <= hi;
}

/** "Đăk Pék lên 38 bậc", "Ba Tô xuống 2 bậc", "Ba Tơ mới được xếp hạng". */
export function describe(line: FeedLine): string {
  if (line.from == null) return `${line.name} mới được xếp hạng`;
  return line.change > 0 ? `${line.name} lên ${line.change} bậc` : `${line.name} xuống ${-line.change} bậc`;
}

/** "38 xã khác xuống 1 bậc" for the communes a cause shifted (they moved the other way). */
export function describeShifted(line: FeedLine): string {
  if (line.shifted === 0) return '';
  return `${line.shifted} xã khác ${line.change > 0 ? 'xuống' : 'lên'} 1 bậc`;
}
