/**
 * The gateway's side of outages: `/ready` (is every subgraph up and reaching its database?) and the mapping of
 * "a subgraph is unreachable" or "its database is" to one retryable error, SERVICE_UNAVAILABLE with HTTP 503.
 */
import { Supergraph } from '@apollo/federation-internals';
import type { RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import {
  isUnavailable,
  PART_UNAVAILABLE_MESSAGE,
  probeWithin,
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE,
} from '../shared/availability';

export interface SubgraphReadiness {
  ready: boolean;
  /** 'up' / 'down' as the subgraph sees its database; 'unknown' when the subgraph itself does not answer. */
  database: 'up' | 'down' | 'unknown';
  error?: string;
}

/** Each subgraph's /ready URL: its /graphql URL (given, else the supergraph's) with /ready instead. */
export function readinessUrls(
  supergraphSdl: string,
  overrides: Partial<Record<string, string>>,
): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const sg of Supergraph.build(supergraphSdl).subgraphs().values()) {
    const url = new URL(overrides[sg.name] ?? sg.url);
    url.pathname = url.pathname.replace(/\/graphql$/, '') + '/ready';
    urls[sg.name] = url.toString();
  }
  return urls;
}

async function probe(url: string): Promise<SubgraphReadiness> {
  let body: { ready?: boolean; database?: 'up' | 'down' } = {};
  const problem = await probeWithin(async () => {
    const res = await fetch(url);
    body = (await res.json()) as typeof body;
  });
  if (problem) return { ready: false, database: 'unknown', error: problem };
  return { ready: body.ready === true, database: body.database ?? 'unknown' };
}

/** GET /ready: 200 when every subgraph is ready, else 503 with which one is not and why. */
export function readinessHandler(urls: Record<string, string>): RequestHandler {
  return (_req, res) => {
    const names = Object.keys(urls);
    void Promise.all(names.map((n) => probe(urls[n]))).then((states) => {
      const subgraphs = Object.fromEntries(names.map((n, i) => [n, states[i]]));
      const ready = states.every((s) => s.ready);
      const database = states.some((s) => s.database === 'down')
        ? 'down'
        : states.every((s) => s.database === 'up')
          ? 'up'
          : 'unknown';
      res.status(ready ? 200 : 503).json({ ready, database, subgraphs });
    });
  };
}

/** A subgraph that cannot be reached (restarting) answers the caller as a retryable error, not an internal one. */
export function asUnavailable(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError | null {
  if (formatted.extensions?.code === SERVICE_UNAVAILABLE) return formatted;
  if (!isUnavailable(original)) return null;
  return {
    message: PART_UNAVAILABLE_MESSAGE,
    path: formatted.path,
    extensions: { code: SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS },
  };
}
