/**
 * Federated subscriptions at the gateway. @apollo/gateway refuses subscriptions, but its parts run them: the
 * query planner plans a subscription as a `primary` fetch to the subgraph that owns the field and a `rest` plan
 * (entity fetches to the others). We open the primary operation on the owning subgraph over graphql-ws and, for
 * each event, run `executeQueryPlan` on Sequence[primary, rest] with a data source that answers the primary fetch
 * with the event — so a payload may select fields of every subgraph.
 *
 * - Identical subscriptions (same document and variables) share one upstream subscription and one plan execution
 *   per event; the upstream closes when its last client leaves.
 * - Nothing lost: the root field always selects `eventId` and takes `after`; when the subgraph restarts, the
 *   upstream resubscribes with `after` set to the last event it saw, and the subgraph replays what was missed.
 * - An error in one subscription (a bad plan, a failed fetch) is sent to its clients only.
 * @apollo/gateway 2.14.x internals (executeQueryPlan, buildOperationContext): keep the versions pinned together.
 */
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import {
  QueryPlanner,
  type FetchNode,
  type PlanNode,
  type QueryPlan,
  type SubscriptionNode,
} from '@apollo/query-planner';
import {
  GraphQLError,
  Kind,
  print,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type http from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';
import type { Viewer } from '../shared/viewer';

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  supergraphSdl: string;
  /** HTTP URL of subgraphs' /graphql where not the supergraph's; the WebSocket URL is the same with ws://. */
  subgraphUrls: Partial<Record<string, string>>;
  /** The data sources the gateway uses for queries (entity fetches of the rest plan go through them). */
  dataSource(name: string, url: string): GraphQLDataSource;
  /** Verifies the token a client sends in connectionParams; throws for a bad one. */
  verifyCaller(token: string): Promise<Viewer>;
  maxSubscriptionsPerConnection?: number;
  keepAliveMs?: number;
  log?: (line: string) => void;
}

export interface SubscriptionServer {
  /** Upstream subscriptions open now (shared between identical client subscriptions). */
  upstreams(): number;
  clients(): number;
  stop(): Promise<void>;
}

const AFTER_VARIABLE = 'hubAfter';

function formatErrors(
  errors: ReadonlyArray<
    GraphQLFormattedError | GraphQLError | { message?: string; extensions?: Record<string, unknown> }
  >,
): GraphQLError[] {
  return errors.map((e) => {
    const extensions = (e as { extensions?: Record<string, unknown> }).extensions ?? {};
    return new GraphQLError((e as { message?: string }).message ?? 'error', {
      extensions: { code: extensions.code ?? 'INTERNAL_SERVER_ERROR' },
    });
  });
}

/**
 * Makes the root field select `eventId` and take `after` (as a variable), so the gateway can resume the upstream
 * subscription where it stopped. Returns the document and the variable that carries `after`.
 */
export function withResumeFields(
  document: DocumentNode,
  operationName: string | null | undefined,
): { document: DocumentNode; afterVariable: string | null } {
  let afterVariable: string | null = null;
  const definitions = document.definitions.map((def) => {
    if (def.kind !== Kind.OPERATION_DEFINITION || def.operation !== 'subscription') return def;
    if (operationName && def.name?.value !== operationName) return def;
    const op = def as OperationDefinitionNode;
    const root = op.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
    if (!root) return def;
    const args = [...(root.arguments ?? [])];
    const after = args.find((a) => a.name.value === 'after');
    let variableDefinitions = [...(op.variableDefinitions ?? [])];
    if (after && after.value.kind === Kind.VARIABLE) {
      afterVariable = after.value.name.value;
    } else if (!after || after.value.kind === Kind.NULL) {
      afterVariable = AFTER_VARIABLE;
      const withoutAfter = args.filter((a) => a.name.value !== 'after');
      args.splice(0, args.length, ...withoutAfter, {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'after' },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } },
      });
      variableDefinitions = [
        ...variableDefinitions,
        {
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } },
          type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
        },
      ];
    }
    const selections = root.selectionSet?.selections ?? [];
    const hasEventId = selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'eventId' && !s.alias);
    const newRoot: FieldNode = {
      ...root,
      arguments: args,
      selectionSet:
        root.selectionSet && !hasEventId
          ? {
              ...root.selectionSet,
              selections: [...selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'eventId' } }],
            }
          : root.selectionSet,
    };
    return {
      ...op,
      variableDefinitions,
      selectionSet: {
        ...op.selectionSet,
        selections: op.selectionSet.selections.map((s) => (s === root ? newRoot : s)),
      },
    };
  });
  return { document: { ...document, definitions }, afterVariable };
}

interface Downstream {
  push(result: ExecutionResult): void;
  end(): void;
}

/** One upstream subscription on the owning subgraph, shared by every client with the same operation. */
class Upstream {
  readonly clients = new Set<Downstream>();
  private lastEventId: string | null;
  private client: Client | null = null;
  private closed = false;

  constructor(
    private readonly key: string,
    private readonly primary: FetchNode,
    private readonly rest: PlanNode | undefined,
    private readonly variables: Record<string, unknown>,
    private readonly afterVariable: string | null,
    private readonly wsUrl: string,
    private readonly execute: (eventData: Record<string, unknown>) => Promise<ExecutionResult>,
    private readonly onClose: (key: string) => void,
    private readonly log: (line: string) => void,
  ) {
    this.lastEventId = afterVariable ? ((variables[afterVariable] as string | null | undefined) ?? null) : null;
  }

  start(): void {
    void this.run();
  }

  private upstreamVariables(): Record<string, unknown> {
    const used = new Set(this.primary.variableUsages ?? []);
    const vars: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.variables)) if (used.has(k)) vars[k] = v;
    if (this.afterVariable && used.has(this.afterVariable)) vars[this.afterVariable] = this.lastEventId;
    return vars;
  }

  private async run(): Promise<void> {
    let delay = 200;
    while (!this.closed) {
      this.client = createClient({
        url: this.wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
        keepAlive: 10_000,
      });
      let fatal = false;
      try {
        for await (const result of this.client.iterate<Record<string, unknown>>({
          query: this.primary.operation,
          variables: this.upstreamVariables(),
        })) {
          delay = 200;
          if (!result.data) {
            // The subgraph refused the subscription (unknown area, bad input): tell the clients, do not retry.
            this.broadcast({ errors: formatErrors(result.errors ?? [{ message: 'subscription failed' }]) });
            fatal = true;
            break;
          }
          const root = Object.values(result.data)[0] as { eventId?: string } | null;
          if (root?.eventId) this.lastEventId = root.eventId;
          let out: ExecutionResult;
          try {
            out = await this.execute(result.data);
          } catch (error) {
            this.log(
              `subscription event could not be resolved: ${error instanceof Error ? error.message : String(error)}`,
            );
            out = {
              errors: [
                new GraphQLError('Không xử lý được sự kiện (the event could not be resolved)', {
                  extensions: { code: 'INTERNAL_SERVER_ERROR' },
                }),
              ],
            };
          }
          this.broadcast(out);
        }
      } catch (error) {
        // The subgraph went away (restart, network): resubscribe from the last event seen.
        if (!this.closed)
          this.log(
            `upstream subscription lost (${(error as { code?: number; reason?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}); resubscribing`,
          );
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

  private broadcast(result: ExecutionResult): void {
    for (const c of this.clients) c.push(result);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.client?.dispose();
    this.onClose(this.key);
  }
}

/** Starts graphql-ws on the gateway's HTTP server at /graphql, running subscriptions as federated operations. */
export function startSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const log = options.log ?? (() => undefined);
  const supergraph = Supergraph.build(options.supergraphSdl);
  const apiSchema: Schema = supergraph.apiSchema();
  const graphqlApiSchema: GraphQLSchema = apiSchema.toGraphQLJSSchema();
  const supergraphSchema: GraphQLSchema = supergraph.schema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  // Subgraph URLs: the supergraph's, overridden by the ones this gateway was given.
  const subgraphUrls: Record<string, string> = {};
  for (const sg of supergraph.subgraphs().values()) subgraphUrls[sg.name] = options.subgraphUrls[sg.name] ?? sg.url;
  const upstreams = new Map<string, Upstream>();
  const maxPerConnection = options.maxSubscriptionsPerConnection ?? 50;

  function wsUrlOf(serviceName: string): string {
    const url = subgraphUrls[serviceName];
    if (!url) throw new Error(`no URL for subgraph ${serviceName}`);
    return url.replace(/^http/, 'ws');
  }

  function executorFor(
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown>,
    primary: FetchNode,
    rest: PlanNode | undefined,
  ) {
    const operationContext = buildOperationContext({
      schema: graphqlApiSchema,
      operationDocument: document,
      operationName,
    });
    const plan: QueryPlan = {
      kind: 'QueryPlan',
      node: rest ? { kind: 'Sequence', nodes: [primary, rest] } : primary,
    } as QueryPlan;
    return async (eventData: Record<string, unknown>): Promise<ExecutionResult> => {
      const serviceMap: ServiceMap = {};
      for (const name of Object.keys(subgraphUrls)) {
        const real = options.dataSource(name, subgraphUrls[name]);
        serviceMap[name] =
          name === primary.serviceName
            ? {
                // The primary fetch is answered by the event itself; later fetches to the same subgraph go out.
                process: (o) =>
                  o.request.query === primary.operation ? Promise.resolve({ data: eventData }) : real.process(o),
              }
            : real;
      }
      const requestContext = {
        request: { query: print(document), variables, operationName },
        context: {},
        metrics: {},
        cache: undefined,
        logger: { debug: () => undefined, info: () => undefined, warn: log, error: log },
        document,
        source: print(document),
        operationName: operationName ?? null,
        operation: operationContext.operation,
        schema: graphqlApiSchema,
        overallCachePolicy: { restrict: () => undefined, policyIfCacheable: () => null },
      };
      // requestContext carries only what executeQueryPlan reads for a subscription event (see DESIGN.md).
      const result = await executeQueryPlan(
        plan,
        serviceMap,
        requestContext as never,
        operationContext,
        supergraphSchema,
        apiSchema,
      );
      return {
        data: result.data as Record<string, unknown> | null | undefined,
        ...(result.errors?.length ? { errors: formatErrors(result.errors) } : {}),
      };
    };
  }

  const wsServer = new WebSocketServer({ noServer: true });
  options.httpServer.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/graphql')) return socket.destroy();
    wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  });

  const perConnection = new WeakMap<object, number>();
  const cleanup = useServer<Record<string, unknown>, { viewer?: Viewer }>(
    {
      schema: graphqlApiSchema,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.token ?? ctx.connectionParams?.authorization;
        if (typeof token !== 'string' || token === '') return true;
        try {
          ctx.extra.viewer = await options.verifyCaller(token.replace(/^Bearer\s+/i, ''));
          return true;
        } catch {
          return false; // closes with 4403 Forbidden: a bad token never subscribes anonymously
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const count = (perConnection.get(ctx.extra.socket) ?? 0) + 1;
        if (count > maxPerConnection) {
          return [
            new GraphQLError(
              `Quá nhiều đăng ký trên một kết nối (tối đa ${maxPerConnection}) (too many subscriptions on one connection)`,
              { extensions: { code: 'BAD_USER_INPUT' } },
            ),
          ];
        }
        perConnection.set(ctx.extra.socket, count);
        void payload;
      },
      onComplete: (ctx) => {
        perConnection.set(ctx.extra.socket, Math.max(0, (perConnection.get(ctx.extra.socket) ?? 1) - 1));
      },
      execute: () => ({
        errors: [
          new GraphQLError('Hãy gửi truy vấn và thay đổi qua HTTP POST /graphql (use HTTP for queries and mutations)', {
            extensions: { code: 'BAD_REQUEST' },
          }),
        ],
      }),
      subscribe: (args) => {
        try {
          const variables = (args.variableValues ?? {}) as Record<string, unknown>;
          const operationName = args.operationName ?? undefined;
          const { document, afterVariable } = withResumeFields(args.document, operationName);
          const operation = operationFromDocument(apiSchema, document, { operationName });
          const plan = planner.buildQueryPlan(operation);
          const node = plan.node as SubscriptionNode | undefined;
          if (!node || node.kind !== 'Subscription')
            return { errors: [new GraphQLError('not a subscription', { extensions: { code: 'BAD_USER_INPUT' } })] };
          const allVariables =
            afterVariable && !(afterVariable in variables) ? { ...variables, [afterVariable]: null } : variables;
          const key = JSON.stringify([print(document), operationName ?? null, allVariables]);
          let upstream = upstreams.get(key);
          if (!upstream) {
            upstream = new Upstream(
              key,
              node.primary,
              node.rest,
              allVariables,
              afterVariable,
              wsUrlOf(node.primary.serviceName),
              executorFor(document, operationName, allVariables, node.primary, node.rest),
              (k) => upstreams.delete(k),
              log,
            );
            upstreams.set(key, upstream);
            upstream.start();
          }
          return downstream(upstream);
        } catch (error) {
          return {
            errors: [
              new GraphQLError(error instanceof Error ? error.message : String(error), {
                extensions: { code: 'BAD_USER_INPUT' },
              }),
            ],
          };
        }
      },
    },
    wsServer,
  );

  /** The client's side: a queue the shared upstream pushes into; leaving it may close the upstream. */
  function downstream(upstream: Upstream): AsyncIterableIterator<ExecutionResult> {
    const queue: ExecutionResult[] = [];
    let wake: (() => void) | null = null;
    let ended = false;
    const self: Downstream = {
      push: (r) => {
        queue.push(r);
        wake?.();
      },
      end: () => {
        ended = true;
        wake?.();
      },
    };
    upstream.clients.add(self);
    const leave = () => {
      upstream.clients.delete(self);
      if (upstream.clients.size === 0) upstream.close();
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        for (;;) {
          if (queue.length) return { value: queue.shift()!, done: false };
          if (ended) {
            leave();
            return { value: undefined, done: true };
          }
          await new Promise<void>((r) => (wake = r));
          wake = null;
        }
      },
      async return() {
        ended = true;
        leave();
        return { value: undefined, done: true };
      },
    };
  }

  // Keep-alive: ping every client; one that did not answer the previous ping is gone.
  const alive = new WeakMap<WebSocket, boolean>();
  wsServer.on('connection', (ws: WebSocket) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
  });
  const pinger = setInterval(() => {
    for (const ws of wsServer.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.keepAliveMs ?? 15_000);
  pinger.unref();

  return {
    upstreams: () => upstreams.size,
    clients: () => wsServer.clients.size,
    async stop() {
      clearInterval(pinger);
      for (const u of [...upstreams.values()]) u.close();
      await cleanup.dispose();
      for (const ws of wsServer.clients) ws.terminate();
      await new Promise<void>((r) => wsServer.close(() => r()));
    },
  };
}
