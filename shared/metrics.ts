import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DomainError } from './pure/errors';
import { REQUEST_ID_HEADER, requestIdFrom, type Logger } from './logging';

/**
 * Prometheus metrics of one service (gateway or subgraph), on its own registry so that the five servers a test
 * runs in one process each answer their own `/metrics`.
 */
export interface Observability {
  service: string;
  logger: Logger;
  registry: Registry;
  requestDuration: Histogram<'operation_name' | 'operation_type'>;
  errors: Counter<'code'>;
  httpResponses: Counter<'status'>;
}

/** At most this many distinct operation names get their own series; the rest count as `__other`. */
export const MAX_OPERATION_NAMES = 100;

export function createObservability(service: string, logger: Logger): Observability {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'hub_' });
  return {
    service,
    logger,
    registry,
    requestDuration: new Histogram({
      name: 'hub_graphql_request_duration_seconds',
      help: 'GraphQL requests by operation name and type (count and latency)',
      labelNames: ['operation_name', 'operation_type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'hub_graphql_errors_total',
      help: 'GraphQL errors sent to callers, by extensions.code',
      labelNames: ['code'],
      registers: [registry],
    }),
    httpResponses: new Counter({
      name: 'hub_http_responses_total',
      help: 'HTTP responses on /graphql by status (401, 413 and 429 refusals included)',
      labelNames: ['status'],
      registers: [registry],
    }),
  };
}

/**
 * Operation names come from the caller: bound the label's values so that a client sending random names cannot
 * grow the metrics without end.
 */
export function operationLabeller(max = MAX_OPERATION_NAMES): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return '__anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= max) return '__other';
    seen.add(name);
    return name;
  };
}

/** The code a client sees for an error: a domain error's own, else the GraphQL extension, else internal. */
export function errorCode(error: { extensions?: Record<string, unknown> } | GraphQLError): string {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof DomainError) return original.code;
  const code = error.extensions?.code;
  return typeof code === 'string' && code.length <= 64 ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * One log line and one latency sample per GraphQL request, errors counted by the code the caller received, and
 * unexpected errors logged with their stack and the request id (a clerk only sees a generic message).
 */
export function observeRequests<C extends BaseContext>(
  obs: Observability,
  requestIdOf: (rc: GraphQLRequestContext<C>) => string,
): ApolloServerPlugin<C> {
  const label = operationLabeller();
  return {
    async requestDidStart(start) {
      const began = process.hrtime.bigint();
      const requestId = requestIdOf(start);
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (error.originalError instanceof DomainError || (code !== undefined && code !== 'INTERNAL_SERVER_ERROR'))
              continue;
            const cause = error.originalError ?? error;
            obs.logger.error({ requestId, err: cause, path: error.path }, 'internal error');
          }
        },
        async willSendResponse({ response, operation, operationName }) {
          const seconds = Number(process.hrtime.bigint() - began) / 1e9;
          const operationType = operation?.operation ?? 'unknown';
          const name = label(operationName ?? start.request.operationName);
          obs.requestDuration.observe({ operation_name: name, operation_type: operationType }, seconds);
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) => errorCode(e));
          for (const code of codes) obs.errors.inc({ code });
          obs.logger.info(
            {
              requestId,
              operation: operationName ?? start.request.operationName ?? null,
              type: operationType,
              ms: Math.round(seconds * 10000) / 10,
              ...(codes.length ? { errors: codes } : {}),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/** The request id of a subgraph request: the gateway's header, or a fresh one for a direct caller. */
export function requestIdOfHeaders<C extends BaseContext>(rc: GraphQLRequestContext<C>): string {
  return requestIdFrom(rc.request.http?.headers.get(REQUEST_ID_HEADER));
}

/** Counts /graphql responses by HTTP status, including refusals that never reach GraphQL (401, 413). */
export function countResponses(obs: Observability): RequestHandler {
  return (_req, res, next) => {
    res.on('finish', () => obs.httpResponses.inc({ status: String(res.statusCode) }));
    next();
  };
}

/**
 * `GET /metrics` in Prometheus text format. With METRICS_TOKEN set, a scraper must send it as a bearer token (the
 * gateway's port is public; the figures say how busy the hub is, not what is in it, but need not be world-readable).
 */
export function metricsHandler(obs: Observability, token = process.env.METRICS_TOKEN): RequestHandler {
  return (req, res, next) => {
    if (token && req.headers.authorization !== `Bearer ${token}`) {
      res.status(401).type('text/plain').send('metrics need the METRICS_TOKEN bearer token\n');
      return;
    }
    obs.registry.metrics().then((text) => res.type(obs.registry.contentType).send(text), next);
  };
}

/** A gauge whose value is read when Prometheus scrapes (for figures another part of the process keeps). */
export function scrapedGauge(
  obs: Observability,
  name: string,
  help: string,
  read: () => number | Promise<number>,
): Gauge {
  return new Gauge({
    name,
    help,
    registers: [obs.registry],
    async collect() {
      this.set(await read());
    },
  });
}
