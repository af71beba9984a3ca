/**
 * How long to wait before a retry: twice as long after each failure, up to a ceiling, so that something that keeps
 * failing is not hammered and something back soon is found soon. One rule for every retry loop of the hub (the
 * subgraphs' database waits and change listener, the launcher's restarts, the pages' live connection and outbox).
 */
export interface BackoffOptions {
  /** The wait before the first retry. */
  firstMs: number;
  /** The longest wait. */
  maxMs: number;
  /** How much longer each wait is than the one before (2: doubling). */
  factor?: number;
}

/** The wait before retry number `attempt` (1 = the first retry): firstMs × factor^(attempt − 1), at most maxMs. */
export function backoff(attempt: number, { firstMs, maxMs, factor = 2 }: BackoffOptions): number {
  const n = Math.max(1, Math.floor(attempt));
  // Past the ceiling the power only grows (and may reach Infinity): stop at the first exponent that reaches it.
  let wait = firstMs;
  for (let i = 1; i < n && wait < maxMs; i++) wait *= factor;
  return Math.min(wait, maxMs);
}
