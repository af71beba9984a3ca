/**
 * One upstream subscription on the owning subgraph, shared by every client whose subscription is the same (same
 * document, variables and visibility: see server.ts), and each client's queue of results.
 *
 * - Identity: each (re)connection sends the viewer's signed internal identity in `connectionParams.identity`,
 *   signed afresh (it lives 60 s), which the subgraph verifies (subgraphs/common/server.ts).
 * - Nothing lost: when the subgraph goes away, the upstream resubscribes (200 ms, doubling to 2 s) with `after`
 *   set to the last event it saw, and the subgraph replays what was missed.
 * - Errors: a subgraph's refusal (no data) ends the subscription for its clients with that error; field errors
 *   that come with data (a FORBIDDEN personal field) are passed on with the event.
 * - Joining with `after`: the last REPLAY_BUFFER results are kept, so a client that subscribes with a cursor the
 *   upstream covers (every event after it has reached this upstream) gets the ones it missed from here, and
 *   shares the upstream instead of opening one of its own (server.ts).
 */
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { FetchNode } from '@apollo/query-planner';
import { toClientErrors } from '../errors';
import type { Viewer } from '../../shared/pure/viewer';
import { Repeater, RepeaterOverflowError } from '../../shared/repeater';

export interface Downstream {
  push(result: ExecutionResult): void;
  /** Ends the client's subscription (after the results already pushed). */
  end(): void;
}

export interface UpstreamOptions {
  key: string;
  primary: FetchNode;
  variables: Record<string, unknown>;
  afterVariable: string | null;
  wsUrl: string;
  /** What the subgraph's connection receives as connectionParams (the signed identity). */
  connectionParams: () => Promise<Record<string, unknown>>;
  /** Runs the rest of the plan for one event of the primary subscription. */
  execute(event: FormattedExecutionResult<Record<string, unknown>, unknown>): Promise<ExecutionResult>;
  onClose(key: string): void;
  log(line: string): void;
}

/** Results an upstream keeps for clients that join with `after`: a few minutes of a busy province's Friday. */
export const REPLAY_BUFFER = 256;

export class Upstream {
  readonly clients = new Set<Downstream>();
  private lastEventId: string | null;
  private client: Client | null = null;
  private closed = false;
  /** The latest results, by event id, oldest first. */
  private readonly recent: Array<{ id: number; result: ExecutionResult }> = [];
  /** Every event after this id has reached this upstream (null: not known yet, it started without `after`). */
  private coveredFrom: number | null;

  constructor(private readonly options: UpstreamOptions) {
    const { afterVariable, variables } = options;
    this.lastEventId = afterVariable ? ((variables[afterVariable] as string | null | undefined) ?? null) : null;
    this.coveredFrom = this.lastEventId === null ? null : Number(this.lastEventId);
  }

  /** Whether a client that saw every event up to `after` can be brought up to date from this upstream alone. */
  covers(after: number): boolean {
    return !this.closed && this.coveredFrom !== null && this.coveredFrom <= after;
  }

  /** The kept results after `after`, for a client joining with it (covers(after) first). */
  resultsAfter(after: number): ExecutionResult[] {
    return this.recent.filter((r) => r.id > after).map((r) => r.result);
  }

  private keep(id: number, result: ExecutionResult): void {
    // Started without `after`: from its first event on, every later one arrives here.
    if (this.coveredFrom === null) this.coveredFrom = id;
    this.recent.push({ id, result });
    if (this.recent.length > REPLAY_BUFFER) this.coveredFrom = this.recent.shift()!.id;
  }

  get key(): string {
    return this.options.key;
  }

  start(): void {
    void this.run();
  }

  private upstreamVariables(): Record<string, unknown> {
    const { primary, variables, afterVariable } = this.options;
    const used = new Set(primary.variableUsages ?? []);
    const vars: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(variables)) if (used.has(k)) vars[k] = v;
    if (afterVariable && used.has(afterVariable)) vars[afterVariable] = this.lastEventId;
    return vars;
  }

  private async run(): Promise<void> {
    let delay = 200;
    while (!this.closed) {
      this.client = createClient({
        url: this.options.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: this.options.connectionParams,
        retryAttempts: 0,
        lazy: true,
        keepAlive: 10_000,
      });
      let fatal = false;
      try {
        for await (const result of this.client.iterate<Record<string, unknown>>({
          query: this.options.primary.operation,
          variables: this.upstreamVariables(),
        })) {
          delay = 200;
          if (!result.data) {
            // The subgraph refused the subscription (unknown area, bad input, a gap too old): tell the clients.
            this.broadcast({ errors: toClientErrors(result.errors ?? [{ message: 'subscription failed' }]) });
            fatal = true;
            break;
          }
          const root = Object.values(result.data)[0] as { eventId?: string } | null;
          if (root?.eventId) this.lastEventId = root.eventId;
          const resolved = await this.resolve(result);
          if (root?.eventId) this.keep(Number(root.eventId), resolved);
          this.broadcast(resolved);
        }
      } catch (error) {
        if (Array.isArray(error)) {
          // graphql-ws hands the subgraph's `error` message (a refusal before any event) as an array of errors.
          this.broadcast({ errors: toClientErrors(error as GraphQLError[]) });
          fatal = true;
        } else if (!this.closed) {
          // The subgraph went away (restart, network): resubscribe from the last event seen.
          const e = error as { code?: number; reason?: string; message?: string } | null;
          this.options.log(`upstream subscription lost (${e?.code ?? ''} ${e?.message ?? ''}); resubscribing`);
        }
      } finally {
        void this.client?.dispose();
        this.client = null;
      }
      if (fatal) {
        for (const c of this.clients) c.end();
        this.close();
        return;
      }
      if (this.closed) return;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 2000);
    }
  }

  private async resolve(event: FormattedExecutionResult<Record<string, unknown>, unknown>): Promise<ExecutionResult> {
    try {
      return await this.options.execute(event);
    } catch (error) {
      this.options.log(
        `subscription event could not be resolved: ${error instanceof Error ? error.message : String(error)}`,
      );
      return {
        errors: [
          new GraphQLError('Không xử lý được sự kiện (the event could not be resolved)', {
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          }),
        ],
      };
    }
  }

  private broadcast(result: ExecutionResult): void {
    for (const c of this.clients) c.push(result);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.client?.dispose();
    this.options.onClose(this.options.key);
  }
}

/**
 * The client's side: a Repeater the shared upstream pushes into (it queues what the client has not read yet);
 * leaving it may close the upstream. `end()` ends it after the results already pushed; the client's `return()`
 * (it completed) drops what is queued and ends a pending next() at once, so graphql-ws's loop finishes now.
 */
export function downstream(
  upstream: Upstream,
  onLeave: () => void,
  missed: ExecutionResult[] = [],
): AsyncIterableIterator<ExecutionResult> {
  let self: Downstream | null = null;
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    if (self) upstream.clients.delete(self);
    if (upstream.clients.size === 0) upstream.close();
    onLeave();
  };
  const results = new Repeater<ExecutionResult>(async (push, stop) => {
    // A client 1,024 results behind (the most a Repeater queues) is ended, rather than held in memory without end:
    // it may subscribe again with `after`.
    const deliver = (result: ExecutionResult) => {
      try {
        void push(result);
      } catch (error) {
        if (!(error instanceof RepeaterOverflowError)) throw error;
        stop(new GraphQLError('Quá nhiều sự kiện chưa gửi được (the client reads too slowly)'));
      }
    };
    for (const result of missed) deliver(result);
    self = { push: deliver, end: () => stop() };
    upstream.clients.add(self);
    await stop;
    leave();
  });
  // A Repeater starts at its first next(). graphql-ws returns a subscription whose client completed while it was
  // being set up before reading it: the executor never runs then, so the slot is given back here.
  const finish = results.return.bind(results);
  return Object.assign(results, {
    return: (value?: unknown) => {
      if (!self) leave();
      return finish(value);
    },
  });
}

/** Who may see what, as far as sharing an upstream goes: viewers with the same role over the same area see alike. */
export function visibilityOf(viewer: Viewer | undefined): string {
  return !viewer || viewer.id === null ? 'anonymous' : `${viewer.role}:${viewer.area ?? ''}`;
}
