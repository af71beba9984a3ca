/**
 * GraphQL over HTTP's status for a request refused before it ran (it did not parse, failed validation — the limits
 * included — or its variables did not coerce): 400 with application/graphql-response+json, but 200 (errors, no data)
 * for a client that asks for application/json only, as the spec has it for that older media type. Rate limits
 * (429), too large (413) and bad tokens (401) keep their statuses: they are not such refusals.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { envSwitch } from '../shared/env';
import { bilingual } from '../shared/pure/errors';

const REFUSED_BEFORE_RUNNING = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The media types an Accept header names (parameters and q-values aside), lower case. */
function mediaTypes(accept: string | undefined): string[] {
  return (accept ?? '').split(',').map((part) => part.split(';')[0].trim().toLowerCase());
}

/** Whether a client asks for application/json and not for application/graphql-response+json. */
function legacyJsonOnly(accept: string | undefined): boolean {
  const types = mediaTypes(accept);
  return types.includes('application/json') && !types.includes('application/graphql-response+json');
}

/**
 * The status to answer instead of `status`, or null to keep it. Only a client naming application/json and not
 * application/graphql-response+json gets 200: one that names neither (no Accept, or *\/*) keeps 400, as the hub
 * has always answered it (docs/access.md, "HTTP status of an answer").
 */
export function legacyJsonStatus(
  accept: string | undefined,
  status: number | undefined,
  hasData: boolean,
  codes: readonly unknown[],
): number | null {
  if (status !== 400 || hasData || codes.length === 0 || !legacyJsonOnly(accept)) return null;
  return codes.every((c) => typeof c === 'string' && REFUSED_BEFORE_RUNNING.has(c)) ? 200 : null;
}

export function graphqlOverHttpPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const status = legacyJsonStatus(
            request.http?.headers.get('accept'),
            response.http.status,
            data !== undefined,
            (errors ?? []).map((e) => e.extensions?.code),
          );
          if (status !== null) response.http.status = status;
        },
      };
    },
  };
}

/**
 * A body that is not JSON (express.json refused it): a GraphQL error as every other refusal, instead of express's
 * HTML page, with 400 whatever the client accepts: the spec asks 400 for a body that is not JSON (audit BCF8).
 */
export const badJsonBody: ErrorRequestHandler = (error: { type?: string }, req, res, next) => {
  if (error.type !== 'entity.parse.failed') return next(error);
  const accept = req.headers.accept;
  const graphqlResponse = mediaTypes(accept).includes('application/graphql-response+json');
  res
    .status(400)
    .type(graphqlResponse ? 'application/graphql-response+json; charset=utf-8' : 'application/json; charset=utf-8')
    .send(
      JSON.stringify({
        errors: [
          {
            message: bilingual('Nội dung yêu cầu không phải JSON hợp lệ', 'the request body is not valid JSON'),
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      }),
    );
};

/** Whether an answer's text is only request-level refusals (BAD_REQUEST), with no data. */
function onlyBadRequest(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> };
    return (
      parsed.data === undefined &&
      Array.isArray(parsed.errors) &&
      parsed.errors.length > 0 &&
      parsed.errors.every((e) => e.extensions?.code === 'BAD_REQUEST')
    );
  } catch {
    return false;
  }
}

/**
 * A malformed request (no query, variables that are not a map…) is refused by Apollo Server with 400 before any
 * plugin runs, so for a client that asks for application/json only the status is changed as the answer is sent.
 */
export const badRequestStatus: RequestHandler = (req, res, next) => {
  if (!legacyJsonOnly(req.headers.accept)) return next();
  const send = res.send.bind(res);
  res.send = ((body?: unknown): Response => {
    if (res.statusCode === 400 && typeof body === 'string' && onlyBadRequest(body)) res.status(200);
    return send(body);
  }) as Response['send'];
  next();
};

/**
 * Apollo Server's CSRF prevention refuses a GET (or a form-like POST) that names no preflight-forcing header, so a
 * page of another site cannot make its visitors' browsers send queries; it also fails the spec audit's GET cases
 * (plain `GET /graphql?query=…`). The hub keeps no cookie and refuses mutations over GET, so such a request can
 * only read public figures: off by default (61 of 61 audits ok), GATEWAY_CSRF_PREVENTION=1 turns it on
 * (docs/access.md).
 */
export function csrfPreventionFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return envSwitch(env, 'GATEWAY_CSRF_PREVENTION', false);
}
