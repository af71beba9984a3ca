import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { downloadLinks } from './download-links';
import { exportRouter } from './exports';
import { exportCaller } from './export-helpers';
import { GraphQLError } from 'graphql';
import http from 'node:http';
import {
  bearerToken,
  createCallerVerifier,
  resolveAuthSecret,
  signInternalToken,
  type VerifierOptions,
} from '../shared/auth';
import { DomainError } from '../shared/pure/errors';
import { listen, type RunningServer } from '../shared/http';
import { readCommittedSupergraph, type SubgraphName } from '../shared/topology';
import { ANONYMOUS, type Viewer } from '../shared/pure/viewer';
import { formatGatewayError } from './errors';
import { armor, DEFAULT_LIMITS, limitsFromEnv, requestTooLargeBody, type GatewayLimits } from './limits';
import { budgetPlugin, callerKey, RateLimiter, rateLimitedError } from './rate-limits';
import { ViewerForwardingDataSource } from './datasource';
import { costModel } from './cost';
import { startSubscriptionServer, type SubscriptionServer } from './subscriptions/server';
import { lineLogger } from '../shared/logging';
import { gatewayObservability, requestIdOf } from './observability';
import { readinessHandler, readinessUrls } from './readiness';
import { servePages } from './pages';
import { compress } from './compress';
import { lockOrigin, sandboxEnabled } from './origin';
import { badJsonBody, badRequestStatus, csrfPreventionFromEnv, graphqlOverHttpPlugin } from './graphql-over-http';
import { signInLimitPlugin } from './sign-in-limit';
export { findWebRoot } from './pages';
import { availabilityPlugin, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from '../shared/availability';
import {
  registrySessionUrl,
  SessionCheckUnavailable,
  sessionChecker,
  sessionCheckMsFromEnv,
  withOpenSession,
} from './sessions';

export interface GatewayContext {
  viewer: Viewer;
  /** The signed internal token forwarded to subgraphs; absent for anonymous callers. */
  identityToken?: string;
  /** Who the rate limit counts: the token's subject, else the client's address. */
  callerKey: string;
  /** The client's address (sign-in attempts are counted per address, gateway/sign-in-limit.ts). */
  clientAddress?: string;
  /** Carried to every subgraph fetch as x-request-id, so one request can be followed through every log. */
  requestId?: string;
}

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Where each subgraph answers; the supergraph's recorded URLs are used for the ones not given. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** The composed supergraph SDL; default: the committed schema/supergraph.graphql. */
  supergraphSdl?: string;
  /** The HS256 key shared with subgraphs; default: AUTH_SECRET or the key file under DATA_DIR. */
  authSecret?: string;
  /** Verify callers against an identity provider's JWKS instead of the HS256 key (default: AUTH_JWKS_URL). */
  jwksUrl?: string;
  /** Abuse limits; default: DEFAULT_LIMITS overridden by GATEWAY_* environment variables. */
  limits?: Partial<GatewayLimits>;
  /** The built pages (vite build of gateway/web); default: HUB_WEB_ROOT, else dist/web. */
  webRoot?: string;
  /** The GraphQL Sandbox on GET /graphql; default: GRAPHQL_SANDBOX, else on except when NODE_ENV=production. */
  sandbox?: boolean;
  /** Apollo Server's CSRF prevention (plain GETs refused); default: GATEWAY_CSRF_PREVENTION, else off. */
  csrfPrevention?: boolean;
  log?: (line: string) => void;
}

/**
 * The gateway: @apollo/gateway over the committed static supergraph (it never introspects subgraphs at run time),
 * served by Apollo Server 5 on /graphql with the Sandbox landing page for browsers.
 */
export interface RunningGateway extends RunningServer {
  subscriptions: SubscriptionServer;
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const observe = gatewayObservability();
  const log = options.log ?? lineLogger(observe.obs.logger);
  const overrides = options.subgraphUrls ?? {};
  const limits: GatewayLimits = { ...DEFAULT_LIMITS, ...limitsFromEnv(), ...options.limits };
  const secret = options.authSecret ?? resolveAuthSecret();
  const verifierOptions: VerifierOptions = {
    secret,
    jwksUrl: options.jwksUrl ?? (process.env.AUTH_JWKS_URL || undefined),
    issuer: process.env.AUTH_ISSUER || undefined,
    audience: process.env.AUTH_AUDIENCE || undefined,
  };
  const supergraphSdl = options.supergraphSdl ?? readCommittedSupergraph();
  // A token of a session that has ended (signed out, account disabled) is refused everywhere it is verified.
  const sessions = sessionChecker({
    url: registrySessionUrl(supergraphSdl, overrides),
    secret,
    cacheMs: sessionCheckMsFromEnv(),
  });
  const verifyCaller = withOpenSession(createCallerVerifier(verifierOptions), sessions);
  const mutations = new RateLimiter(limits.mutationsPerWindow, limits.windowMs);
  const reads = new RateLimiter(limits.readsPerWindow, limits.windowMs);
  // One budget of refused documents per caller, shared by HTTP and graphql-ws.
  const refusals = new RateLimiter(limits.refusalsPerWindow, limits.windowMs);
  const protection = armor(limits);
  // List sizes and argument weights as each subgraph declares them (@listSize, @cost), read once.
  const cost = costModel(supergraphSdl);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new ViewerForwardingDataSource({ url: overrides[name as SubgraphName] ?? url ?? '' }),
  });
  const app = express();
  app.disable('x-powered-by');
  const origin = lockOrigin(options.sandbox ?? sandboxEnabled());
  // First of all, so that every answer (pages, /graphql, /export, assets, errors) carries the headers.
  app.use(origin.headers);
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      origin.landingPage,
      ...protection.plugins,
      observe.plugin,
      availabilityPlugin<GatewayContext>(),
      signInLimitPlugin<GatewayContext>(limits),
      graphqlOverHttpPlugin<GatewayContext>(),
      budgetPlugin<GatewayContext>({ limits, cost, mutations, reads, refusals }),
    ],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: (formatted, error) => formatGatewayError(formatted, error, limits.maxTokens),
    allowBatchedHttpRequests: false,
    csrfPrevention: options.csrfPrevention ?? csrfPreventionFromEnv(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // We stop in order ourselves (main.ts / npm start); Apollo's own signal handler would race with that.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  app.use(compress());
  app.get('/health', (_req, res) => {
    // Operators (and `npm run bench`) read the live load and the memory it costs here.
    res.json({
      ok: true,
      rssBytes: process.memoryUsage().rss,
      heapUsedBytes: process.memoryUsage().heapUsed,
      subscriptionClients: subscriptions.clients(),
      upstreamSubscriptions: subscriptions.upstreams(),
    });
  });
  app.get('/ready', readinessHandler(readinessUrls(supergraphSdl, overrides)));
  origin.routes(app);
  const tooLarge: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (error.type === 'entity.too.large') res.status(413).json(requestTooLargeBody(limits));
    else next(error);
  };
  app.use(
    '/graphql',
    exportCaller,
    observe.requestId,
    observe.responses,
    express.json({ limit: limits.maxRequestBytes }),
    tooLarge,
    badJsonBody,
    badRequestStatus,
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        const requestId = requestIdOf(res);
        const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        const callerAddress = `ip:${address}`;
        let token: string | null;
        let viewer: Viewer;
        try {
          token = bearerToken(req.headers.authorization);
          viewer = token ? await verifyCaller(token) : ANONYMOUS;
        } catch (error) {
          if (error instanceof SessionCheckUnavailable)
            throw new GraphQLError(error.message, {
              extensions: { code: SERVICE_UNAVAILABLE, http: { status: 503 }, retryAfterSeconds: RETRY_AFTER_SECONDS },
            });
          // A bad token is refused before anything executes: never a crash, never anonymous access.
          const message = error instanceof DomainError ? error.message : 'invalid token';
          throw new GraphQLError(message, {
            originalError: error instanceof Error ? error : undefined,
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
        const caller = callerKey(viewer.id, address);
        const refusedFor = refusals.wait(caller);
        if (refusedFor > 0) throw rateLimitedError(refusedFor, limits, 'refused');
        if (viewer.id === null) return { viewer, callerKey: caller, clientAddress: callerAddress, requestId };
        return {
          viewer,
          callerKey: caller,
          clientAddress: callerAddress,
          identityToken: await signInternalToken(secret, viewer),
          requestId,
        };
      },
    }),
  );
  // Subscriptions: graphql-ws on the same /graphql, executed as federated operations (gateway/subscriptions.ts).
  const dataSources = new Map<string, ViewerForwardingDataSource>();
  const subscriptions = startSubscriptionServer({
    httpServer,
    supergraphSdl,
    subgraphUrls: overrides,
    dataSource: (name, url) => {
      let ds = dataSources.get(name);
      if (!ds) {
        ds = new ViewerForwardingDataSource({ url });
        dataSources.set(name, ds);
      }
      return ds;
    },
    verifyCaller,
    sessions,
    signIdentity: (viewer) => signInternalToken(secret, viewer),
    limits,
    refusals,
    cost,
    validationRules: protection.validationRules,
    log,
    observability: observe.obs,
  });
  observe.mount(app, subscriptions);
  const { sendPage } = servePages(app, options.webRoot);
  let selfUrl = '';
  app.use(
    '/export',
    downloadLinks(secret, verifyCaller),
    exportRouter(() => selfUrl),
  );
  // Any other address a browser asks for: the pages say "not found" (with a link back), with HTTP 404.
  app.get('/{*rest}', (req, res, next) =>
    req.accepts('html') && !req.path.startsWith('/assets/') ? sendPage(res, 404) : next(),
  );
  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port ?? 4000, host);
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`;
  selfUrl = url;
  log(`ready at ${url}`);
  return {
    name: 'gateway',
    url,
    port,
    subscriptions,
    async stop() {
      await subscriptions.stop();
      await apollo.stop();
    },
  };
}

if (require.main === module) {
  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const name of ['registry', 'directives', 'plans', 'reports'] as const) {
    const value = process.env[`${name.toUpperCase()}_URL`];
    if (value) urls[name] = value;
  }
  startGateway({ port: Number(process.env.PORT ?? 4000), host: process.env.HOST, subgraphUrls: urls })
    .then((server) => {
      // Once: a Ctrl-C reaches this process and the launcher's SIGTERM follows; a second stop would throw.
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        void server.stop().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      process.on('disconnect', stop);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
