/**
 * The gateway's one error formatter, for HTTP (Apollo's formatError) and graphql-ws alike: our refusals keep their
 * codes (QUERY_TOO_COMPLEX, RATE_LIMITED, UNAUTHENTICATED), domain errors theirs, and an error that came back
 * from a subgraph (a plain { message, extensions } object) keeps its message, code and path.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { vietnameseFirst } from '../shared/coercion-messages';
import { DomainError } from '../shared/pure/errors';
import { QueryLimitError, TOO_MANY_TOKENS } from './limits';
import { asUnavailable } from './readiness';

type AnyError = GraphQLFormattedError | GraphQLError | { message?: string; extensions?: Record<string, unknown> };

/** The formatted error a client receives for `error` (`formatted`: Apollo's own rendering of it, when any). */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  maxTokens: number,
): GraphQLFormattedError {
  // Apollo re-codes (and sometimes re-wraps) validation and parse errors; keep ours.
  let original: unknown = error;
  while (original instanceof GraphQLError && !(original instanceof QueryLimitError) && original.originalError)
    original = original.originalError;
  if (original instanceof QueryLimitError)
    return { message: original.message, extensions: { code: 'QUERY_TOO_COMPLEX' } };
  if (original instanceof DomainError) return { message: original.message, extensions: { code: original.code } };
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(formatted.message)) {
    return {
      message: new QueryLimitError(`more than ${maxTokens} tokens`).message,
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    };
  }
  // A part that is down is SERVICE_UNAVAILABLE (readiness.ts); graphql-js's type errors are English only: a
  // Vietnamese sentence first (subgraphs/common/coercion-messages.ts).
  return asUnavailable(formatted, original) ?? { ...formatted, message: vietnameseFirst(formatted.message) };
}

/**
 * Errors for a graphql-ws client, from whatever produced them (our refusals, a subgraph's answer, the plan's
 * execution): message, code (INTERNAL_SERVER_ERROR when none) and path, nothing else (no stack, no internals).
 */
export function toClientErrors(errors: ReadonlyArray<AnyError>): GraphQLError[] {
  return errors.map((e) => {
    if (e instanceof QueryLimitError) return e;
    const extensions = (e as { extensions?: Record<string, unknown> }).extensions ?? {};
    const path = (e as { path?: ReadonlyArray<string | number> }).path;
    return new GraphQLError((e as { message?: string }).message ?? 'error', {
      path,
      extensions: {
        code: extensions.code ?? 'INTERNAL_SERVER_ERROR',
        ...(typeof extensions.retryAfterSeconds === 'number'
          ? { retryAfterSeconds: extensions.retryAfterSeconds }
          : {}),
      },
    });
  });
}
