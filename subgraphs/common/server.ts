import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { vietnameseFirst } from '../../shared/coercion-messages';
import { useServer } from 'graphql-ws/use/ws';
import http from 'node:http';
import { WebSocketServer } from 'ws';
import type { Context } from './context';
import {
  availabilityPlugin,
  DATABASE_UNAVAILABLE_MESSAGE,
  isUnavailable,
  probeWithin,
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE,
} from '../../shared/availability';
import { DomainError } from '../../shared/pure/errors';
import type { Orm } from './orm';
import { createInternalVerifier, IDENTITY_HEADER, resolveAuthSecret } from '../../shared/auth';
import { listen, type RunningServer } from '../../shared/http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/pure/viewer';
import { createLogger, describeError, lineLogger } from '../../shared/logging';
import {
  countResponses,
  createObservability,
  metricsHandler,
  observeRequests,
  requestIdOfHeaders,
  type Observability,
} from '../../shared/metrics';

export interface SubgraphServerOptions<L> {
  name: string;
  port: number;
  host?: string;
  schema: GraphQLSchema;
  orm: Orm;
  /** Fresh DataLoaders for each request, so nothing is cached across callers. */
  createLoaders(em: EntityManager): L;
  plugins?: ApolloServerPlugin<Context<L>>[];
  /** The key the gateway signs internal identity tokens with; default: resolveAuthSecret() (AUTH_SECRET / DATA_DIR). */
  authSecret?: string;
  log?: (line: string) => void;
  /** Serve GraphQL subscriptions over graphql-ws on /graphql too. */
  subscriptions?: boolean;
  /** Structured logger and metrics registry; default: a fresh one named after the subgraph. */
  observability?: Observability;
  /** Internal HTTP routes beside /graphql (the registry's session check for the gateway). */
  routes?(app: express.Express, identify: (header: string | string[] | undefined) => Promise<Viewer>): void;
}

/**
 * The one place typed domain errors become GraphQL errors. Unknown errors are hidden behind a generic message
 * (the details go to the log), so a clerk never sees a stack trace.
 */
export function formatError(log: (line: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      return {
        ...formatted,
        message: original.message,
        extensions: {
          code: original.code,
          ...(original.field ? { field: original.field } : {}),
          ...(original.details ?? {}),
        },
      };
    }
    if (isUnavailable(original)) {
      log(`database unavailable: ${describeError(original)}`);
      return {
        message: DATABASE_UNAVAILABLE_MESSAGE,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      // The SQL and its values stay out of the log (describeError): the error code and the statement say enough.
      log(`internal error: ${describeError(original)}`);
      return {
        message: 'Lỗi hệ thống; vui lòng thử lại sau (internal error)',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    // graphql-js's type errors are English only: a Vietnamese sentence first (coercion-messages.ts).
    return { ...formatted, message: vietnameseFirst(formatted.message) };
  };
}

/** HTTP server for one subgraph: express 5 + Apollo Server 5 at /graphql, a health check, and a clean drain. */
export async function startSubgraphServer<L>(options: SubgraphServerOptions<L>): Promise<RunningServer> {
  const obs = options.observability ?? createObservability(options.name, createLogger(options.name));
  const log = options.log ?? lineLogger(obs.logger);
  const identify = createInternalVerifier(options.authSecret ?? resolveAuthSecret());
  const app = express();
  const httpServer = http.createServer(app);
  // Longer than the gateway keeps an idle connection (gateway/datasource.ts closes it after 60 s), so the gateway
  // never sends a request on a connection this server is closing at that moment (ECONNRESET on a reused socket).
  httpServer.keepAliveTimeout = 75_000;
  httpServer.headersTimeout = 76_000;
  const apollo = new ApolloServer<Context<L>>({
    schema: options.schema,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      // No cache hints are used: without this plugin Apollo Server no longer wraps every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      observeRequests(obs, requestIdOfHeaders),
      availabilityPlugin<Context<L>>(),
      ...(options.plugins ?? []),
    ],
    // observeRequests logs unexpected errors with the request id; formatError only masks them here.
    formatError: formatError(() => undefined),
    includeStacktraceInErrorResponses: false,
    // We stop in order ourselves (main.ts / npm start); Apollo's own signal handler would race with that.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  // Liveness: the process answers. Readiness: it can also reach its database (503 while it cannot).
  app.get('/health', (_req, res) => {
    res.json({ ok: true, subgraph: options.name });
  });
  app.get('/metrics', metricsHandler(obs));
  app.get('/ready', async (_req, res) => {
    const problem = await probeWithin(() => options.orm.orm.em.getConnection().execute('select 1'));
    res
      .status(problem ? 503 : 200)
      .json({ ready: !problem, subgraph: options.name, database: problem ? 'down' : 'up' });
  });
  options.routes?.(app, identify);
  app.use(
    '/graphql',
    countResponses(obs),
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        // The caller as the gateway vouches for it; without a valid internal token, ANONYMOUS (reads only).
        const viewer = await identify(req.headers[IDENTITY_HEADER]);
        const em = options.orm.orm.em.fork() as EntityManager;
        return { em, viewer, loaders: options.createLoaders(em) };
      },
    }),
  );
  // Subscriptions over graphql-ws on the same path. The gateway subscribes without the caller's identity (the live
  // feeds are public reads: ANONYMOUS); a connection may still pass an internal token as `identity`.
  let closeSubscriptions = async (): Promise<void> => undefined;
  if (options.subscriptions) {
    const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
    const format = formatError(log);
    const cleanup = useServer<Record<string, unknown>>(
      {
        schema: options.schema,
        context: async (ctx) => {
          const viewer = await identify(
            typeof ctx.connectionParams?.identity === 'string' ? ctx.connectionParams.identity : undefined,
          );
          const em = options.orm.orm.em.fork() as EntityManager;
          return { em, viewer, loaders: options.createLoaders(em) };
        },
        onError: (_ctx, _id, _payload, errors) =>
          errors.map(
            (e) => new GraphQLError(format(e.toJSON(), e).message, { extensions: format(e.toJSON(), e).extensions }),
          ),
        onNext: (_ctx, _id, _payload, _args, result) =>
          'errors' in result && result.errors?.length
            ? { ...result, errors: result.errors.map((e) => format(e.toJSON(), e)) }
            : result,
      },
      wsServer,
    );
    closeSubscriptions = async () => {
      await cleanup.dispose();
      for (const client of wsServer.clients) client.terminate();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    };
  }
  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port, host);
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`;
  return {
    name: options.name,
    url,
    port,
    async stop() {
      await closeSubscriptions();
      await apollo.stop();
    },
  };
}
