/**
 * Federated subscriptions at the gateway: graphql-ws on the gateway's /graphql, under the same limits as HTTP.
 *
 * - Every document is parsed with the token limit and validated with the HTTP rules (depth, aliases, cost); a
 *   message over the byte limit closes the socket (1009, as `maxPayload`). A refused or invalid document fails
 *   only its own subscription: an error message for its id, the socket and its other subscriptions go on.
 * - Caps (slots.ts): subscriptions per connection, distinct upstreams per connection, per caller and per gateway.
 * - Sharing: subscriptions with the same document, variables but `after`, and visibility (anonymous, or role and
 *   area) share one upstream (upstream.ts) and one plan execution per event (executor.ts).
 * - The token is watched while the socket is open (token-watch.ts).
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import {
  getOperationAST,
  GraphQLError,
  print,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { useServer } from 'graphql-ws/use/ws';
import type http from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';
import type { Caller } from '../../shared/auth';
import type { SessionChecker } from '../sessions';
import type { Viewer } from '../../shared/pure/viewer';
import { toClientErrors } from '../errors';
import type { CostModel } from '../cost';
import { checkDocument, refusesDocument, type GatewayLimits } from '../limits';
import { callerKey, RateLimiter, rateLimitedError } from '../rate-limits';
import type { Observability } from '../../shared/metrics';
import { connectionsPerIp, operationLog, type OperationLogState } from './admission';
import { createPlanner } from './executor';
import { newConnection, Slots, type Connection } from './slots';
import { connectionToken, watchToken } from './token-watch';
import { downstream, Upstream, visibilityOf } from './upstream';

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  supergraphSdl: string;
  /** HTTP URL of subgraphs' /graphql where not the supergraph's; the WebSocket URL is the same with ws://. */
  subgraphUrls: Partial<Record<string, string>>;
  /** The data sources the gateway uses for queries (entity fetches of the rest plan go through them). */
  dataSource: (name: string, url: string) => GraphQLDataSource;
  /** Verifies the token a client sends in connectionParams; throws for a bad one. */
  verifyCaller(token: string): Promise<Caller>;
  /** Whether a caller's sign-in session is still open: an open socket is re-checked this often (sessions.ts). */
  sessions?: SessionChecker;
  /** The gateway's signed internal identity for a viewer (as on HTTP fetches). */
  signIdentity(viewer: Viewer): Promise<string>;
  limits: GatewayLimits;
  /** The callers' budget of refused documents, shared with HTTP (keyed as there: token subject, else address). */
  refusals?: RateLimiter;
  /** The declared list sizes and weights the cost estimate multiplies by (cost.ts). */
  cost: CostModel;
  /** The HTTP validation rules (depth, aliases, cost…), applied to every subscription document too. */
  validationRules: readonly ValidationRule[];
  keepAliveMs?: number;
  log?: (line: string) => void;
  /** Where each subscription's log line and error counts go (as HTTP requests'). */
  observability?: Observability;
}

export interface SubscriptionServer {
  /** Upstream subscriptions open now (shared between identical client subscriptions). */
  upstreams(): number;
  /** Client subscriptions attached to an upstream now. */
  subscribers(): number;
  clients(): number;
  stop(): Promise<void>;
}

interface SubscribeContext {
  viewer: Viewer | undefined;
  connection: Connection;
  /** Who the per-caller caps count: the token's subject, else the address (limits.ts callerKey). */
  caller: string;
}

/** A connection's log of its operations (kept on the connection from its first subscribe). */
const newLog = (): OperationLogState => new Map();

/** Starts graphql-ws on the gateway's HTTP server at /graphql, running subscriptions as federated operations. */
export function startSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const log = options.log ?? (() => undefined);
  const { limits } = options;
  const planner = createPlanner(options.supergraphSdl, options.subgraphUrls);
  const upstreams = new Map<string, Upstream>();
  const connections = new WeakMap<object, Connection>();
  const slots = new Slots(limits, upstreams);
  // Subscriptions started per caller and window: subscribe/complete churn opens and closes upstreams.
  const starts = new RateLimiter(limits.subscriptionsPerWindow, limits.windowMs);

  /** An internal identity token, re-signed when half its 60 s life is gone. */
  function identitySource(viewer: Viewer | undefined): () => Promise<string | undefined> {
    let cached: { token: string; at: number } | null = null;
    return async () => {
      if (!viewer || viewer.id === null) return undefined;
      if (!cached || Date.now() - cached.at > 30_000)
        cached = { token: await options.signIdentity(viewer), at: Date.now() };
      return cached.token;
    };
  }

  function wsUrlOf(serviceName: string): string {
    const url = planner.subgraphUrls[serviceName];
    if (!url) throw new Error(`no URL for subgraph ${serviceName}`);
    return url.replace(/^http/, 'ws');
  }

  /** Synchronous from the caps' check to the counting, so concurrent subscribe messages cannot both pass. */
  function subscribe(
    args: { document: DocumentNode; operationName?: string | null; variableValues?: unknown },
    { viewer, connection, caller }: SubscribeContext,
  ): ExecutionResult | AsyncIterableIterator<ExecutionResult> {
    const full = slots.connectionFull(connection);
    if (full) return full;
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    let planned;
    try {
      planned = planner.plan(args.document, args.operationName ?? undefined);
    } catch (error) {
      return {
        errors: toClientErrors([
          { message: error instanceof Error ? error.message : String(error), extensions: { code: 'BAD_USER_INPUT' } },
        ]),
      };
    }
    const { afterVariable } = planned;
    const allVariables =
      afterVariable && !(afterVariable in variables) ? { ...variables, [afterVariable]: null } : variables;
    const visibility = visibilityOf(viewer);
    // `after` is not part of the key: a client whose cursor an open upstream covers joins it and gets the results it
    // missed from the upstream's buffer. Only a cursor no upstream covers opens one of its own.
    const after = afterVariable ? (allVariables[afterVariable] as string | null | undefined) : null;
    const shared = JSON.stringify([
      visibility,
      print(planned.document),
      planned.operationName ?? null,
      afterVariable ? { ...allVariables, [afterVariable]: null } : allVariables, // `after` left out
    ]);
    const sharedUpstream = upstreams.get(shared);
    const joins = !after || !sharedUpstream || sharedUpstream.covers(Number(after));
    const key = joins ? shared : `${shared}|after:${after}`;
    const refused = slots.refuse(connection, caller, key);
    if (refused) return refused;
    let upstream = upstreams.get(key);
    const missed = upstream && after ? upstream.resultsAfter(Number(after)) : [];
    if (!upstream) {
      const identity = identitySource(viewer);
      upstream = new Upstream({
        key,
        primary: planned.primary,
        variables: allVariables,
        afterVariable,
        wsUrl: wsUrlOf(planned.primary.serviceName),
        connectionParams: async () => {
          const token = await identity();
          return token ? { identity: token } : {};
        },
        execute: planner.executor(planned, allVariables, {
          dataSource: options.dataSource,
          identityToken: identity,
          log,
        }),
        onClose: (k) => upstreams.delete(k),
        log,
      });
      upstreams.set(key, upstream);
      upstream.start();
    }
    return downstream(upstream, slots.take(connection, caller, key), missed);
  }

  const wsServer = new WebSocketServer({ noServer: true, maxPayload: limits.maxRequestBytes });
  const perIp = connectionsPerIp(limits.maxConnectionsPerIp);
  options.httpServer.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/graphql')) return socket.destroy();
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (!perIp.admit(ip, socket)) {
      options.observability?.logger.warn({ ip, open: perIp.open(ip) }, 'websocket refused: too many connections');
      return;
    }
    wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  });
  const ops = operationLog(options.observability);
  const ipOf = (ctx: { extra: { request: http.IncomingMessage } }) => ctx.extra.request.socket.remoteAddress ?? '';

  const schema: GraphQLSchema = planner.apiSchema;
  const cleanup = useServer<Record<string, unknown>, { viewer?: Viewer; ops?: OperationLogState }>(
    {
      schema,
      onConnect: async (ctx) => {
        const token = connectionToken(ctx.connectionParams);
        if (token === null) return true;
        if (token === false) {
          ctx.extra.socket.close(4400, 'connectionParams.token must be a string');
          return false;
        }
        try {
          const caller = await options.verifyCaller(token);
          ctx.extra.viewer = caller;
          watchToken(ctx.extra.socket, caller, options.sessions);
          return true;
        } catch {
          return false; // closes with 4403 Forbidden: a bad token never subscribes anonymously
        }
      },
      // The HTTP limits, before anything is planned or counted; a refusal is this subscription's error only.
      onSubscribe: (ctx, id, payload) => {
        ops.started((ctx.extra.ops ??= newLog()), id, payload);
        const caller = callerKey(ctx.extra.viewer?.id, ipOf(ctx));
        const refusedFor = options.refusals?.wait(caller) ?? 0;
        if (refusedFor > 0) return [rateLimitedError(refusedFor, limits, 'refused')];
        const checked = checkDocument(schema, payload.query, limits, options.validationRules, {
          model: options.cost,
          variables: payload.variables,
        });
        if ('errors' in checked) {
          if (checked.errors.some((e) => refusesDocument(e.extensions.code))) options.refusals?.take(caller);
          return checked.errors;
        }
        const operation = getOperationAST(checked.document, payload.operationName);
        if (!operation)
          return [new GraphQLError('Unable to identify operation', { extensions: { code: 'BAD_USER_INPUT' } })];
        // Variables too, as HTTP does before executing: a missing or mistyped one never reaches a subgraph.
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, {
          maxErrors: 10,
        });
        if (coerced.errors)
          return coerced.errors.map((e) => new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT' } }));
        // Counted once a subscription would run: subscribe/complete churn opens and closes upstreams.
        const churn = starts.take(caller);
        if (churn > 0) return [rateLimitedError(churn, limits, 'subscription')];
        return {
          schema,
          document: checked.document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
      onNext: (ctx, id, _payload, _args, result) => ops.next(ctx.extra.ops ?? newLog(), id, result.errors),
      onError: (ctx, id, _payload, errors) => ops.refused(ctx.extra.ops ?? newLog(), id, ipOf(ctx), errors),
      onComplete: (ctx, id) => ops.ended(ctx.extra.ops ?? newLog(), id, ipOf(ctx)),
      context: (ctx): SubscribeContext => {
        let connection = connections.get(ctx.extra.socket);
        if (!connection) {
          connection = newConnection();
          connections.set(ctx.extra.socket, connection);
        }
        return { viewer: ctx.extra.viewer, connection, caller: callerKey(ctx.extra.viewer?.id, ipOf(ctx)) };
      },
      execute: () => ({
        errors: [
          new GraphQLError('Hãy gửi truy vấn và thay đổi qua HTTP POST /graphql (use HTTP for queries and mutations)', {
            extensions: { code: 'BAD_REQUEST' },
          }),
        ],
      }),
      subscribe: (args) => subscribe(args, args.contextValue as SubscribeContext),
    },
    wsServer,
  );

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
    subscribers: () => [...upstreams.values()].reduce((n, u) => n + u.clients.size, 0),
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
