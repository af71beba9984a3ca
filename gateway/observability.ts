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
      app.get('/metrics', metricsHandler(obs));
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
