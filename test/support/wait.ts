/**
 * Waiting in tests: for a state, never for a fixed time. Each helper returns as soon as the state is there and fails
 * the test with a message that says what never came.
 */

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads until the assertion holds and returns the value read; after `ms`, fails with the assertion's own error. */
export async function eventually<T>(
  read: () => Promise<T> | T,
  assert: (value: T) => void,
  ms = 15_000,
  interval = 50,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    try {
      assert(value);
      return value;
    } catch (error) {
      if (Date.now() > end) throw error;
    }
    await tick(interval);
  }
}

/** Resolves once `condition` holds (a read that throws counts as not yet); fails the test after `ms`. */
export async function until(what: string, condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (
      await Promise.resolve()
        .then(condition)
        .catch(() => false)
    )
      return;
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await tick(20);
  }
}

/** The live subscriptions the reports subgraph's hub serves in an in-process stack. */
export function hubSubscriptions(stack: { subgraphs: { reports: { state: unknown } } }): number {
  return (stack.subgraphs.reports.state as { hub?: { subscriptions: number } }).hub?.subscriptions ?? 0;
}

/** Resolves once the hub serves `n` subscriptions: a subscription sent through the gateway is then live end to end. */
export function subscribed(stack: { subgraphs: { reports: { state: unknown } } }, n = 1): Promise<void> {
  return until(`${n} live subscription(s) at the reports hub`, () => hubSubscriptions(stack) >= n);
}

/**
 * Reads until the value has stayed the same for `steadyMs` (a counter something else updates in the background, such
 * as PostgreSQL's statistics, which a connection sends up to 10 s late); returns it. Fails after `ms`.
 */
export async function steady(
  read: () => Promise<number>,
  { steadyMs, interval = 1_000, ms = 60_000 }: { steadyMs: number; interval?: number; ms?: number },
): Promise<number> {
  const end = Date.now() + ms;
  let last = await read();
  let since = Date.now();
  for (;;) {
    await tick(interval);
    const now = await read();
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= steadyMs) return last;
    if (Date.now() > end) throw new Error(`waited ${ms} ms for a value to stay the same for ${steadyMs} ms`);
  }
}
