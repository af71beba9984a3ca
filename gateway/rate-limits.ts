/**
 * Per-caller budgets at the gateway, one policy for HTTP and graphql-ws (docs/access.md): who a caller is, a
 * fixed-window counter, the RATE_LIMITED answer (HTTP 429, Retry-After), and the Apollo plugin that spends a
 * request's budgets once its operation is known, before anything executes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { bilingual } from '../shared/pure/errors';
import type { CostModel } from './cost';
import { costRefusal, mutationFieldCount, refusesDocument, type GatewayLimits } from './limits';

/** Who a caller is for the rate limits, on HTTP and graphql-ws alike: the token's subject, else the address. */
export function callerKey(viewerId: string | null | undefined, address: string): string {
  return viewerId ? `sub:${viewerId}` : `ip:${address}`;
}

/** Fixed-window counter per caller: simple, in memory (one gateway process), and enough against a runaway script. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts `n` calls; returns 0 when allowed, else the milliseconds until the caller may try again. */
  take(key: string, n = 1, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    // All or nothing: a refused operation does not use up what is left of the budget.
    if (w.count + n > this.max) return w.start + this.windowMs - now;
    w.count += n;
    return 0;
  }

  /** Without counting: the milliseconds until the caller may try again when its budget is used up, else 0. */
  wait(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    return w && now - w.start < this.windowMs && w.count >= this.max ? w.start + this.windowMs - now : 0;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}

/** A RATE_LIMITED error answered with HTTP 429 and Retry-After; `message` gets the wait in whole seconds. */
export function rateLimited(retryAfterMs: number, message: (seconds: number) => string): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new GraphQLError(message(seconds), {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: seconds,
      // Apollo Server reads a Map here; graphql-yoga's typings (present for the Hive benchmark) declare a record.
      http: {
        status: 429,
        headers: new Map([['retry-after', String(seconds)]]) as unknown as Record<string, string>,
      },
    },
  });
}

/** What each budget counts, in the caller's words, and the limit that bounds it. */
const BUDGETS = {
  mutation: { vi: 'Gửi quá nhiều thao tác ghi', en: 'too many mutations', max: 'mutationsPerWindow' },
  read: { vi: 'Gửi quá nhiều truy vấn', en: 'too many queries', max: 'readsPerWindow' },
  subscription: {
    vi: 'Mở quá nhiều đăng ký theo dõi',
    en: 'too many subscriptions started',
    max: 'subscriptionsPerWindow',
  },
  refused: {
    vi: 'Gửi quá nhiều truy vấn sai hoặc quá phức tạp',
    en: 'too many refused documents',
    max: 'refusalsPerWindow',
  },
} as const satisfies Record<string, { vi: string; en: string; max: keyof GatewayLimits }>;

export function rateLimitedError(
  retryAfterMs: number,
  limits: GatewayLimits,
  kind: keyof typeof BUDGETS = 'mutation',
): GraphQLError {
  const window = limits.windowMs / 1000;
  const { vi, en, max } = BUDGETS[kind];
  return rateLimited(retryAfterMs, (seconds) =>
    bilingual(
      `${vi} (tối đa ${limits[max]} trong ${window} giây); thử lại sau ${seconds} giây`,
      `${en} (at most ${limits[max]} per ${window} s); retry in ${seconds} s`,
    ),
  );
}

/**
 * Spends a request's budgets once Apollo has resolved its operation, before anything executes: the cost with the
 * request's variables (a refusal counts against the caller's refused documents), then each mutation field (30
 * aliased submitUnitReport count 30) or the query. A document refused before its operation was known (parse or
 * validation) counts against the refusals too, which the context checks before the next document is parsed.
 */
export function budgetPlugin<C extends { callerKey: string }>(options: {
  limits: GatewayLimits;
  cost: CostModel;
  mutations: RateLimiter;
  reads: RateLimiter;
  refusals: RateLimiter;
}): ApolloServerPlugin<C> {
  const { limits, cost, mutations, reads, refusals } = options;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue, schema, request }) {
          const refused = costRefusal(schema, document, cost, limits.maxCost, request.variables, 400);
          if (refused) {
            refusals.take(contextValue.callerKey);
            throw refused;
          }
          if (operation?.operation === OperationTypeNode.MUTATION) {
            const wait = mutations.take(contextValue.callerKey, mutationFieldCount(operation, document));
            if (wait > 0) throw rateLimitedError(wait, limits, 'mutation');
          } else if (operation?.operation === OperationTypeNode.QUERY) {
            const wait = reads.take(contextValue.callerKey);
            if (wait > 0) throw rateLimitedError(wait, limits, 'read');
          }
        },
        async didEncounterErrors({ operation, errors, contextValue }) {
          if (!operation && errors.some((e) => refusesDocument(e.extensions.code)))
            refusals.take(contextValue.callerKey);
        },
      };
    },
  };
}
