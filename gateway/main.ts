import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import express from 'express';
import { GraphQLError } from 'graphql';
import http from 'node:http';
import type { SubgraphName } from '../subgraphs/common/orm';
import { listen, type RunningServer } from '../subgraphs/common/server';
import { ANONYMOUS, encodeViewer, VIEWER_HEADER, type Viewer } from '../subgraphs/common/viewer';
import { readCommittedSupergraph } from './supergraph';

export interface GatewayContext {
  viewer: Viewer;
}

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Where each subgraph answers; the supergraph's recorded URLs are used for the ones not given. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** The composed supergraph SDL; default: the committed schema/supergraph.graphql. */
  supergraphSdl?: string;
  log?: (line: string) => void;
}

/** Forwards the caller (the viewer) to every subgraph fetch, so each resolver knows who is asking. */
class ViewerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const viewer = (context as Partial<GatewayContext>).viewer ?? ANONYMOUS;
    request.http?.headers.set(VIEWER_HEADER, encodeViewer(viewer));
  }

  /**
   * A subgraph answers a bad variable (a date typed 26/10/2025) with HTTP 400 and a BAD_USER_INPUT error: pass
   * that message and code on to the caller instead of a bare "400: Bad Request".
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const generic = await super.errorFromResponse(response);
    const body = (generic.extensions.response as { body?: unknown } | undefined)?.body as
      | { errors?: Array<{ message?: string; extensions?: { code?: string } }> }
      | undefined;
    const first = body?.errors?.[0];
    if (response.status === 400 && first?.message && first.extensions?.code) {
      return new GraphQLError(first.message, { extensions: { code: first.extensions.code } });
    }
    return generic;
  }
}

/**
 * The gateway: @apollo/gateway over the committed static supergraph (it never introspects subgraphs at run time),
 * served by Apollo Server 5 on /graphql with the Sandbox landing page for browsers.
 */
export async function startGateway(options: GatewayOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(`[gateway] ${line}`));
  const overrides = options.subgraphUrls ?? {};
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readCommittedSupergraph(),
    buildService: ({ name, url }) => new ViewerForwardingDataSource({ url: overrides[name as SubgraphName] ?? url }),
  });
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // We stop in order ourselves (main.ts / npm start); Apollo's own signal handler would race with that.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  // Until the pages land, the root leads to the Sandbox on /graphql.
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => ({ viewer: ANONYMOUS }) }),
  );
  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port ?? 4000, host);
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`;
  log(`ready at ${url}`);
  return { name: 'gateway', url, port, stop: () => apollo.stop() };
}

if (require.main === module) {
  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const name of ['registry', 'directives', 'plans', 'reports'] as const) {
    const value = process.env[`${name.toUpperCase()}_URL`];
    if (value) urls[name] = value;
  }
  startGateway({ port: Number(process.env.PORT ?? 4000), host: process.env.HOST, subgraphUrls: urls })
    .then((server) => {
      const stop = () => server.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      process.on('disconnect', stop);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
