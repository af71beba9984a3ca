/**
 * The clock that token and link lifetimes are judged by: the system clock, unless a test of an in-process stack has
 * moved it forward (`advanceClock`) to see a lifetime end without waiting for it. Nothing outside tests moves it.
 */
let offsetMs = 0;

/** Milliseconds since the epoch, as Date.now(). */
export function now(): number {
  return Date.now() + offsetMs;
}

/** Whole seconds since the epoch, as JWT `iat` and `exp` count. */
export function nowSeconds(): number {
  return Math.floor(now() / 1000);
}

/** Moves the clock forward by `ms` (tests only: lifetimes end without a sleep). */
export function advanceClock(ms: number): void {
  offsetMs += ms;
}

/** Back to the system clock. */
export function resetClock(): void {
  offsetMs = 0;
}
