import type { Client, FormattedExecutionResult } from 'graphql-ws';

export { collect, disposeAll, wsClient, type Collected } from '../../scripts/ws-client';
export { until } from './wait';

/** How a subscription ended: the errors of its `error` message or of its last result, or the socket's close code. */
export interface Ending {
  errors: Array<{ message: string; extensions?: { code?: string } }>;
  closeCode?: number;
}

export interface Subscription<T> {
  /** The next `n` results that carry data, in order (failing the test after `ms`). */
  take(n: number, ms?: number): Promise<T[]>;
  /** The errors that end the subscription (failing the test after `ms` if it goes on). */
  ending(ms?: number): Promise<Ending>;
  close(): Promise<void>;
}

function within<R>(promise: Promise<R>, ms: number, what: string): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${ms} ms for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One subscription read with `for await … of client.iterate()`: results as they come, never a fixed sleep. */
export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const iterator = client.iterate<T>({ query, variables });
  let pending: Promise<IteratorResult<FormattedExecutionResult<T, unknown>>> | null = null;
  // A `next()` that timed out is still the one to await next time: no result is dropped.
  const next = () => (pending ??= iterator.next().finally(() => (pending = null)));
  return {
    async take(n, ms = 10_000) {
      const out: T[] = [];
      await within(
        (async () => {
          while (out.length < n) {
            const r = await next();
            if (r.done) throw new Error(`the subscription ended after ${out.length} of ${n} results`);
            if (r.value.errors?.length) throw new Error(`errors: ${JSON.stringify(r.value.errors)}`);
            if (r.value.data) out.push(r.value.data);
          }
        })(),
        ms,
        `${n} results (got ${out.length})`,
      );
      return out;
    },
    async ending(ms = 10_000) {
      return within(
        (async (): Promise<Ending> => {
          try {
            for (;;) {
              const r = await next();
              if (r.done) return { errors: [] };
              if (r.value.errors?.length) return { errors: r.value.errors as Ending['errors'] };
            }
          } catch (error) {
            if (Array.isArray(error)) return { errors: error as Ending['errors'] };
            const code = (error as { code?: number }).code;
            if (typeof code === 'number') return { errors: [], closeCode: code };
            throw error;
          }
        })(),
        ms,
        'the subscription to end',
      );
    },
    async close() {
      await iterator.return?.();
    },
  };
}
