/** The one GraphQL endpoint every client uses: queries and mutations over HTTP, live events over graphql-ws. */
import { tokenFor } from './session';
import { createClient, type Client } from 'graphql-ws';
import { backoff } from '../../../shared/pure/backoff';
import { isErrorCode, type ErrorCode } from '../../../shared/pure/error-codes';

export interface GqlError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; field?: string; [k: string]: unknown };
}

export class ApiError extends Error {
  constructor(public readonly errors: GqlError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
  /** The first error's code, when it is one the API uses (shared/pure/error-codes). */
  get code(): ErrorCode | undefined {
    const code = this.errors[0]?.extensions?.code;
    return isErrorCode(code) ? code : undefined;
  }
}

/** The network could not be reached (offline, gateway down): distinct from an answer that refuses. */
export class NetworkError extends Error {}

/** A request that has not answered in this time counts as a lost connection. */
const TIMEOUT_MS = 15_000;

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
): Promise<T> {
  const { data, errors } = await gqlPartial<T>(query, variables, token);
  if (errors.length) throw new ApiError(errors);
  return data;
}

/** The request every query and mutation is (first-query.ts sends the page's first the same way). */
export function post(query: string, variables: Record<string, unknown>, token?: string | null): Promise<Response> {
  return fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/** The page's first query, started by the script inlined in index.html before the pages' bundle loaded. */
export interface FirstQuery {
  key: string;
  response: Promise<Response>;
}

export const firstQueryKey = (query: string, variables: Record<string, unknown>, token?: string | null) =>
  JSON.stringify([query, variables, token ?? null]);

/** The answer to the first query when it is this one (once: a reload of the page's data asks anew). */
function takeFirstQuery(
  query: string,
  variables: Record<string, unknown>,
  token?: string | null,
): Promise<Response> | null {
  const w = window as { __firstQuery?: FirstQuery };
  const first = w.__firstQuery;
  if (!first || first.key !== firstQueryKey(query, variables, token)) return null;
  delete w.__firstQuery;
  return first.response;
}

/** An answer with the errors of the fields that failed (their `path`): the rest of the data is still shown. */
export interface PartialAnswer<T> {
  data: T;
  errors: GqlError[];
}

/**
 * One query for a whole page: the data, and the errors of the parts that failed (a panel whose part failed shows
 * its error; the rest of the page shows). Throws only when there is no data at all.
 */
export async function gqlPartial<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
): Promise<PartialAnswer<T>> {
  let res: Response;
  try {
    // The signed-in device's token is renewed first when near its end, whichever page or panel kept it.
    const sent = token ? await tokenFor(token) : token;
    res = await (takeFirstQuery(query, variables, sent) ?? post(query, variables, sent));
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  let body: { data?: T | null; errors?: GqlError[] };
  try {
    body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
  } catch {
    if (res.status >= 500) throw new NetworkError(`HTTP ${res.status}`);
    throw new ApiError([{ message: `HTTP ${res.status}` }]);
  }
  if (!body.data) {
    if (body.errors?.length) throw new ApiError(body.errors);
    throw new ApiError([{ message: 'Máy chủ không trả về số liệu.' }]);
  }
  return { data: body.data, errors: body.errors ?? [] };
}

/** The errors of one part of a page's query: those whose path starts at the root field (or alias) `field`. */
export function errorsAt(errors: readonly GqlError[], field: string): ApiError | null {
  const mine = errors.filter((e) => e.path?.[0] === field);
  return mine.length ? new ApiError(mine) : null;
}

let wsClient: Client | null = null;

/** One WebSocket for the page. Retries are ours (see subscribeLive), so that every resubscription can say `after`. */
function client(): Client {
  if (!wsClient) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    wsClient = createClient({ url, lazy: true, retryAttempts: 0, keepAlive: 10_000, lazyCloseTimeout: 1_000 });
  }
  return wsClient;
}

export interface LiveHandlers<E> {
  onEvent(event: E): void;
  /** true once the subscription is open; false when the connection is lost (the page then polls). */
  onState(connected: boolean): void;
  /**
   * The server no longer keeps the events since the last one seen (a gap longer than its replay retention): the
   * page must load its data anew; the subscription goes on from now.
   */
  onReload?(): void;
}

const hasCode = (error: unknown, code: ErrorCode) =>
  Array.isArray(error) && error.some((e: GqlError) => e?.extensions?.code === code);

/**
 * Subscribes and keeps subscribed: when the connection drops, waits (1 s, 2 s … 15 s) and resubscribes with
 * `after: <last eventId>`, so the server replays what was missed before live events. Returns a stop function.
 */
export function subscribeLive<E extends { eventId: string }>(
  query: string,
  variables: Record<string, unknown>,
  pick: (data: Record<string, unknown>) => E | undefined,
  handlers: LiveHandlers<E>,
  /** Replay from here on the first subscription: the live cursor the page's figures were loaded with. */
  after: string | null = null,
): () => void {
  let stopped = false;
  let lastEventId: string | null = after;
  let attempt = 0;
  let dispose: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The server answered the subscription with GraphQL errors (e.g. a gateway without subscriptions yet): stay on
  // polling and ask again only now and then.
  let refused = false;

  const retry = (error?: unknown) => {
    dispose = null;
    if (stopped) return;
    if (hasCode(error, 'RELOAD_REQUIRED')) {
      lastEventId = null;
      handlers.onReload?.();
      timer = setTimeout(open, 0);
      return;
    }
    refused = Array.isArray(error);
    handlers.onState(false);
    const wait = refused ? 60_000 : backoff(attempt + 1, { firstMs: 1_000, maxMs: 15_000 });
    attempt += 1;
    timer = setTimeout(open, wait);
  };

  const open = () => {
    if (stopped) return;
    let acknowledged = false;
    // The gateway answers a refused subscription with a result that carries errors, then completes it.
    let refusal: readonly unknown[] | undefined;
    dispose = client().subscribe<Record<string, unknown>>(
      { query, variables: { ...variables, after: lastEventId } },
      {
        next: (result) => {
          if (result.errors?.length) {
            refusal = result.errors;
            return;
          }
          const event = result.data ? pick(result.data) : undefined;
          if (!acknowledged) {
            acknowledged = true;
            attempt = 0;
            handlers.onState(true);
          }
          if (!event) return;
          lastEventId = event.eventId;
          handlers.onEvent(event);
        },
        error: (error: unknown) => retry(error),
        complete: () => retry(refusal),
      },
    );
  };

  // graphql-ws says nothing until the first event: count an open socket as connected.
  const offConnected = client().on('connected', () => {
    if (refused) return;
    attempt = 0;
    handlers.onState(true);
  });
  open();
  return () => {
    stopped = true;
    offConnected();
    if (timer) clearTimeout(timer);
    dispose?.();
  };
}
