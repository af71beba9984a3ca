/**
 * Abuse limits at the gateway: query depth, cost, aliases and tokens (graphql-armor), request size, and a
 * per-caller rate limit on mutations. Every refusal has a code and a bilingual message (docs/access.md).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ValidationRule } from 'graphql';
import { bilingual } from '../shared/errors';

export interface GatewayLimits {
  /** Deepest field nesting (introspection is not counted). */
  maxDepth: number;
  /** graphql-armor's static cost (objects 2, scalars 1, ×1.5 per level). */
  maxCost: number;
  maxAliases: number;
  /** Lexical tokens in one document: stops huge documents before they are parsed further. */
  maxTokens: number;
  /** Bytes of one HTTP request body. */
  maxRequestBytes: number;
  /** Mutations one caller (token subject, else IP address) may send per window. */
  mutationsPerWindow: number;
  windowMs: number;
}

/**
 * Defaults leave room for the province dashboard (96 communes with villages, population, progress and rank: depth
 * 4–5, cost well under 1,000) while a query nested ten deep or a megabyte document is refused.
 */
export const DEFAULT_LIMITS: GatewayLimits = {
  maxDepth: 8,
  maxCost: 5000,
  maxAliases: 30,
  maxTokens: 3000,
  maxRequestBytes: 100_000,
  mutationsPerWindow: 60,
  windowMs: 60_000,
};

const ENV_NAMES: Record<keyof GatewayLimits, string> = {
  maxDepth: 'GATEWAY_MAX_DEPTH',
  maxCost: 'GATEWAY_MAX_COST',
  maxAliases: 'GATEWAY_MAX_ALIASES',
  maxTokens: 'GATEWAY_MAX_TOKENS',
  maxRequestBytes: 'GATEWAY_MAX_REQUEST_BYTES',
  mutationsPerWindow: 'GATEWAY_MUTATIONS_PER_WINDOW',
  windowMs: 'GATEWAY_RATE_WINDOW_MS',
};

/** Limits from the environment (GATEWAY_MAX_DEPTH …); a value that is not a positive integer is a startup error. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<GatewayLimits> {
  const limits: Partial<GatewayLimits> = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as Array<[keyof GatewayLimits, string]>) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    limits[key] = value;
  }
  return limits;
}

/** graphql-js's message when parseOptions.maxTokens stops a document. */
export const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th\w+ \d+ tokens/; // graphql 16 spells it "more that"

/** A query refused for its shape (depth, cost, aliases, tokens); the gateway's formatError gives it its code. */
export class QueryLimitError extends GraphQLError {
  constructor(detail: string) {
    super(
      bilingual('Truy vấn quá phức tạp, hãy chia nhỏ', `query too complex: ${detail.replace(/^Syntax Error: /, '')}`),
      {
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      },
    );
  }
}

// Validation rules report to the context; the token limit runs while parsing (no context) and must throw.
const reject: GraphQLArmorRejectCallback = (ctx, error) => {
  const refused = new QueryLimitError(error.message);
  if (ctx) ctx.reportError(refused);
  else throw refused;
};

export function armor(limits: GatewayLimits): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const common = { propagateOnRejection: false, onReject: [reject] };
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...common },
    costLimit: { maxCost: limits.maxCost, ...common },
    maxAliases: { n: limits.maxAliases, ...common },
    // Counted by graphql-js's own parser instead (parseOptions.maxTokens in main.ts): armor's Apollo plugin for it
    // rethrows without the error's class, so the refusal lost its code.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50, ...common },
  }).protect();
  return { plugins, validationRules };
}

/** Fixed-window counter per caller: simple, in memory (one gateway process), and enough against a runaway script. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one call; returns 0 when allowed, else the milliseconds until the caller may try again. */
  take(key: string, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= this.max) return w.start + this.windowMs - now;
    w.count++;
    return 0;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}

export function rateLimitedError(retryAfterMs: number, limits: GatewayLimits): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new GraphQLError(
    bilingual(
      `Gửi quá nhiều thao tác ghi (tối đa ${limits.mutationsPerWindow} trong ${limits.windowMs / 1000} giây); thử lại sau ${seconds} giây`,
      `too many mutations (at most ${limits.mutationsPerWindow} per ${limits.windowMs / 1000} s); retry in ${seconds} s`,
    ),
    {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds: seconds,
        // Apollo Server reads a Map here; graphql-yoga's typings (present for the Hive benchmark) declare a record.
        http: {
          status: 429,
          headers: new Map([['retry-after', String(seconds)]]) as unknown as Record<string, string>,
        },
      },
    },
  );
}

export function requestTooLargeBody(limits: GatewayLimits): {
  errors: Array<{ message: string; extensions: { code: string } }>;
} {
  return {
    errors: [
      {
        message: bilingual(
          `Yêu cầu quá lớn (tối đa ${limits.maxRequestBytes} byte)`,
          `request too large: at most ${limits.maxRequestBytes} bytes`,
        ),
        extensions: { code: 'REQUEST_TOO_LARGE' },
      },
    ],
  };
}
