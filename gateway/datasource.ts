import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import http from 'node:http';
import https from 'node:https';
import { IDENTITY_HEADER } from '../shared/auth';
import { REQUEST_ID_HEADER } from '../shared/logging';
import type { GatewayContext } from './main';

/** One subgraph answer as it came off the wire; each caller parses its own copy (the executor mutates results). */
interface RawAnswer {
  url: string;
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

// An idle kept-alive socket is closed here after 60 s, before the subgraph's 75 s (subgraphs/common/server.ts): the
// client closes first, so a write never races the server's close (which failed mutations with ECONNRESET).
const IDLE_MS = 60_000;
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: IDLE_MS }),
  https: new https.Agent({ keepAlive: true, maxSockets: Infinity, timeout: IDLE_MS }),
};

/**
 * POSTs one body to a subgraph with http.request on a keep-alive agent: the body goes out as one Buffer with a
 * content-length, in one write, instead of Node fetch's streamed chunks (docs/performance.md, section 2).
 */
export function post(url: string, headers: Record<string, string>, body: string, readOnly = false): Promise<RawAnswer> {
  if (process.env.GATEWAY_SUBGRAPH_TRANSPORT === 'fetch') return postWithFetch(url, headers, body);
  const payload = Buffer.from(body, 'utf8');
  const secure = url.startsWith('https:');
  return new Promise<RawAnswer>((resolve, reject) => {
    const request = (secure ? https : http).request(
      url,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { ...headers, 'content-length': String(payload.length) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            url,
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            headers: response.headers,
            body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the subgraph closed while idle fails at once: a read is sent again on a fresh one.
      if (readOnly && request.reusedSocket && error.code === 'ECONNRESET')
        post(url, headers, body).then(resolve, reject);
      else reject(error);
    });
    request.end(payload);
  });
}

/** The former transport (Node's fetch), kept to measure the difference: GATEWAY_SUBGRAPH_TRANSPORT=fetch. */
async function postWithFetch(url: string, headers: Record<string, string>, body: string): Promise<RawAnswer> {
  const response = await fetch(url, { method: 'POST', headers, body });
  return {
    url,
    status: response.status,
    statusText: response.statusText,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** The part of a fetch Response that RemoteGraphQLDataSource reads, over a raw answer. */
function asFetcherResponse(raw: RawAnswer): FetcherResponse {
  const text = () => raw.body.toString('utf8');
  const response = {
    url: raw.url,
    status: raw.status,
    statusText: raw.statusText,
    ok: raw.status >= 200 && raw.status < 300,
    redirected: false,
    headers: {
      get(name: string): string | null {
        const value = raw.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => Promise.resolve(text()),
    json: () => Promise.resolve(JSON.parse(text()) as unknown),
    clone: () => asFetcherResponse(raw),
  };
  // Only the members above are read by the gateway (sendRequest, parseBody, errorFromResponse, respond).
  return response as unknown as FetcherResponse;
}

/**
 * Identical subgraph fetches that are in flight at the same time share one HTTP request, as Hive Gateway does by
 * default: same URL, same headers but the request id (so the same signed identity: an anonymous caller never
 * receives an authorised caller's answer) and the same body (query, variables, operation name). Queries only.
 * Nothing outlives the fetch,
 * and a mutation's completion retires every shared fetch then in flight, so a read sent after a write has been
 * answered never joins a fetch that started before it.
 */
export class InflightFetches {
  private readonly pending = new Map<string, Promise<RawAnswer>>();

  constructor(readonly enabled = process.env.GATEWAY_SHARE_FETCHES !== 'off') {}

  fetch(url: string, headers: Record<string, string>, body: string): Promise<RawAnswer> {
    if (isMutation(body)) return post(url, headers, body).finally(() => this.retire());
    if (!this.enabled || !isQuery(body)) return post(url, headers, body, isQuery(body));
    const key = `${url}\n${headerKey(headers)}\n${body}`;
    const existing = this.pending.get(key);
    if (existing) return existing;
    const answer = post(url, headers, body, true);
    this.pending.set(key, answer);
    const forget = () => {
      if (this.pending.get(key) === answer) this.pending.delete(key);
    };
    answer.then(forget, forget);
    return answer;
  }

  /** Later fetches start their own requests (after a write). */
  retire(): void {
    this.pending.clear();
  }
}

// The gateway builds the body as {"query":"<operation>",…}: the operation's first word says what it is.
const QUERY_PREFIX = /^\{"query":"\s*(query\b|\{)/;
const MUTATION_PREFIX = /^\{"query":"\s*mutation\b/;
const isQuery = (body: string) => QUERY_PREFIX.test(body);
const isMutation = (body: string) => MUTATION_PREFIX.test(body);

/**
 * Every header but the request id: that one only lets logs follow a request, and it differs on every request. A
 * shared fetch carries the id of the request that started it.
 */
function headerKey(headers: Record<string, string>): string {
  return Object.entries(headers)
    .filter(([name]) => name.toLowerCase() !== REQUEST_ID_HEADER)
    .map(([name, value]) => `${name.toLowerCase()}:${value}`)
    .sort()
    .join('\n');
}

/** One table per process: a mutation through any subgraph retires the shared reads of every subgraph. */
export const sharedFetches = new InflightFetches();

/**
 * The base of the gateway's data sources: every subgraph fetch goes through http.request and the in-flight sharing
 * above instead of Node's fetch.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(config: { url: string }, fetches: InflightFetches = sharedFetches) {
    super({
      ...config,
      fetcher: async (url: string, init?: FetcherRequestInit) => {
        const headers = init?.headers ?? {};
        return asFetcherResponse(await fetches.fetch(url, headers, String(init?.body ?? '')));
      },
    });
  }
}

/**
 * Forwards the caller to every subgraph fetch as a short-lived token the gateway signs, so each resolver knows who
 * is asking and subgraphs need not trust the network.
 */
export class ViewerForwardingDataSource extends SubgraphDataSource {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { identityToken: token, requestId } = context as Partial<GatewayContext>;
    if (token) request.http?.headers.set(IDENTITY_HEADER, token);
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  /**
   * A subgraph answers a bad variable (a date typed 26/10/2025) with HTTP 400 and a BAD_USER_INPUT error: pass
   * that message and code on to the caller instead of a bare "400: Bad Request".
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const generic = await super.errorFromResponse(response);
    const body = (generic.extensions.response as { body?: unknown } | undefined)?.body as
      { errors?: Array<{ message?: string; extensions?: { code?: string } }> } | undefined;
    const first = body?.errors?.[0];
    if ((response.status === 400 || response.status === 503) && first?.message && first.extensions?.code) {
      return new GraphQLError(first.message, { extensions: { code: first.extensions.code } });
    }
    return generic;
  }
}
