import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Express, RequestHandler } from 'express';
import { createLogger, REQUEST_ID_HEADER, requestIdFrom } from '../shared/logging';
import {
  countResponses,
  createObservability,
  metricsHandler,
  observeRequests,
  scrapedGauge,
  type Observability,
} from '../shared/metrics';

/** What the gateway's observability needs to read from its subscription server when Prometheus scrapes. */
export interface SubscriptionCounts {
  clients(): number;
  upstreams(): number;
}

export interface GatewayObservability {
  obs: Observability;
  /** Gives each request its id (the caller's `x-request-id` when sane, else a UUID) and answers with it. */
  requestId: RequestHandler;
  /** Counts /graphql responses by HTTP status. */
  responses: RequestHandler;
  plugin: ApolloServerPlugin<BaseContext & { requestId?: string }>;
  /** Mounts GET /metrics and the subscription gauges once the subscription server exists. */
  mount(app: Express, subscriptions: SubscriptionCounts): void;
}

/**
 * Who may read /metrics: anyone in development and tests; only the METRICS_TOKEN bearer when one is set; nobody in
 * production without one (the figures say how busy the hub is, and the gateway's port is public).
 */
export function metricsAccess(env: NodeJS.ProcessEnv = process.env): 'open' | 'token' | 'closed' {
  if (env.METRICS_TOKEN?.trim()) return 'token';
  return env.NODE_ENV === 'production' ? 'closed' : 'open';
}

/** The request id the gateway chose for this HTTP request (set by the `requestId` middleware). */
export function requestIdOf(res: { locals: Record<string, unknown> }): string {
  return typeof res.locals.requestId === 'string' ? res.locals.requestId : requestIdFrom(undefined);
}

export function gatewayObservability(): GatewayObservability {
  const obs = createObservability('gateway', createLogger('gateway'));
  return {
    obs,
    requestId: (req, res, next) => {
      const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
      res.locals.requestId = id;
      res.setHeader(REQUEST_ID_HEADER, id);
      next();
    },
    responses: countResponses(obs),
    plugin: observeRequests(obs, (rc) => rc.contextValue.requestId ?? 'none'),
    mount(app, subscriptions) {
      if (metricsAccess() === 'closed')
        app.get('/metrics', (_req, res) => {
          res.status(404).type('text/plain').send('metrics are off in production: set METRICS_TOKEN to scrape them\n');
        });
      else app.get('/metrics', metricsHandler(obs, process.env.METRICS_TOKEN?.trim() || undefined));
      scrapedGauge(obs, 'hub_gateway_subscription_clients', 'WebSocket clients connected for subscriptions', () =>
        subscriptions.clients(),
      );
      scrapedGauge(
        obs,
        'hub_gateway_upstream_subscriptions',
        'Upstream subscriptions open to subgraphs (shared between identical client subscriptions)',
        () => subscriptions.upstreams(),
      );
    },
  };
}
