// A real graphql-ws client (tests, the benchmark, a quick look at live events).
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** A real graphql-ws client for tests: collects the events of one subscription. */
export function wsClient(httpUrl: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Closes clients; graphql-ws's dispose answers a promise or nothing, so each is awaited on its own. */
export async function disposeAll(clients: readonly Client[]): Promise<void> {
  await Promise.all(clients.map(async (client) => await client.dispose()));
}

export interface Collected<T> {
  events: T[];
  errors: unknown[];
  /** Resolves when `n` events arrived (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<T[]>;
  stop(): void;
}

export function collect<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Collected<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: Array<() => void> = [];
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (r: ExecutionResult<T>) => {
        if (r.errors?.length) errors.push(...r.errors);
        if (r.data) events.push(r.data);
        waiters.forEach((w) => w());
      },
      error: (e) => {
        errors.push(e);
        waiters.forEach((w) => w());
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    stop,
    waitFor(n: number, ms = 10_000) {
      return new Promise<T[]>((resolve, reject) => {
        const check = () => {
          if (events.length >= n) resolve(events);
        };
        waiters.push(check);
        check();
        setTimeout(
          () => reject(new Error(`waited ${ms} ms for ${n} events, got ${events.length}: ${JSON.stringify(errors)}`)),
          ms,
        ).unref();
      });
    },
  };
}
