/**
 * Abuse limits at the gateway, one policy for HTTP and graphql-ws: query depth, aliases and directives
 * (graphql-armor), tokens (graphql-js's parser), a cost that multiplies by list sizes (cost.ts), the size of a
 * request or WebSocket message, per-caller rate limits on reads and on mutation fields, and caps on subscriptions.
 * Every refusal has a code and a bilingual message (docs/access.md).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { bilingual } from '../shared/pure/errors';
import { estimateCost, type CostModel } from './cost';

export interface GatewayLimits {
  /** Deepest field nesting (introspection is not counted). */
  maxDepth: number;
  /** Objects an operation may return, multiplied by list sizes (cost.ts). */
  maxCost: number;
  maxAliases: number;
  /** Lexical tokens in one document: stops huge documents before they are parsed further. */
  maxTokens: number;
  /** Bytes of one HTTP request body, and of one graphql-ws message. */
  maxRequestBytes: number;
  /** Mutation fields one caller (token subject, else IP address) may send per window (30 aliases count 30). */
  mutationsPerWindow: number;
  /** Queries one caller may send per window. */
  readsPerWindow: number;
  /**
   * Documents one caller may have refused per window before parsing or validating (a syntax error, an unknown field,
   * a query too deep or too costly, on HTTP or graphql-ws). Refused documents never reach the read budget, yet each
   * costs a parse and a validation: past this, the caller's requests are answered 429 before any of that.
   */
  refusalsPerWindow: number;
  windowMs: number;
  /** Subscriptions open at once on one graphql-ws connection. */
  maxSubscriptionsPerConnection: number;
  /** Distinct upstream subscriptions (different documents, variables or visibility) one connection may use. */
  maxUpstreamsPerConnection: number;
  /** Distinct upstream subscriptions one caller (token subject, else address) uses over all its connections. */
  maxUpstreamsPerCaller: number;
  /** Upstream subscriptions the whole gateway keeps open. */
  maxUpstreams: number;
  /** Subscriptions one caller may start per window (subscribe/complete churn opens and closes upstreams). */
  subscriptionsPerWindow: number;
  /**
   * graphql-ws connections open at once from one IP address (a province's wall screens and officers behind one
   * office router stay far below it; a script opening sockets in a loop does not).
   */
  maxConnectionsPerIp: number;
  /** Sign-in attempts (signIn, redeemInvite) from one IP address per signInWindowMs (gateway/sign-in-limit.ts). */
  signInsPerIp: number;
  signInWindowMs: number;
}

/**
 * Defaults leave room for the heaviest real queries (every query the pages send estimates under 100,000 objects
 * with the sizes the schema declares) while issue 11's probe (about 5 million), issue 21's national probe (about
 * 590,000), a query nested ten deep or a megabyte document is refused.
 */
export const DEFAULT_LIMITS: GatewayLimits = {
  maxDepth: 8,
  maxCost: 200_000,
  maxAliases: 30,
  maxTokens: 3000,
  maxRequestBytes: 100_000,
  mutationsPerWindow: 60,
  readsPerWindow: 1200,
  refusalsPerWindow: 300,
  windowMs: 60_000,
  maxSubscriptionsPerConnection: 50,
  maxUpstreamsPerConnection: 20,
  maxUpstreamsPerCaller: 100,
  maxUpstreams: 1000,
  subscriptionsPerWindow: 600,
  maxConnectionsPerIp: 2000,
  signInsPerIp: 30,
  signInWindowMs: 15 * 60_000,
};

const ENV_NAMES: Record<keyof GatewayLimits, string> = {
  maxDepth: 'GATEWAY_MAX_DEPTH',
  maxCost: 'GATEWAY_MAX_COST',
  maxAliases: 'GATEWAY_MAX_ALIASES',
  maxTokens: 'GATEWAY_MAX_TOKENS',
  maxRequestBytes: 'GATEWAY_MAX_REQUEST_BYTES',
  mutationsPerWindow: 'GATEWAY_MUTATIONS_PER_WINDOW',
  readsPerWindow: 'GATEWAY_READS_PER_WINDOW',
  refusalsPerWindow: 'GATEWAY_REFUSALS_PER_WINDOW',
  windowMs: 'GATEWAY_RATE_WINDOW_MS',
  maxSubscriptionsPerConnection: 'GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION',
  maxUpstreamsPerConnection: 'GATEWAY_MAX_UPSTREAMS_PER_CONNECTION',
  maxUpstreamsPerCaller: 'GATEWAY_MAX_UPSTREAMS_PER_CALLER',
  maxUpstreams: 'GATEWAY_MAX_UPSTREAMS',
  subscriptionsPerWindow: 'GATEWAY_SUBSCRIPTIONS_PER_WINDOW',
  maxConnectionsPerIp: 'GATEWAY_MAX_CONNECTIONS_PER_IP',
  signInsPerIp: 'GATEWAY_SIGN_INS_PER_IP',
  signInWindowMs: 'GATEWAY_SIGN_IN_WINDOW_MS',
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

/** A query refused for its shape (depth, cost, aliases, tokens); the gateway's error formatter keeps its code. */
export class QueryLimitError extends GraphQLError {
  /** `httpStatus` when thrown outside validation (Apollo answers a validation error 400 by itself). */
  constructor(detail: string, httpStatus?: number) {
    super(
      bilingual('Truy vấn quá phức tạp, hãy chia nhỏ', `query too complex: ${detail.replace(/^Syntax Error: /, '')}`),
      {
        extensions: { code: 'QUERY_TOO_COMPLEX', ...(httpStatus ? { http: { status: httpStatus } } : {}) },
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

/**
 * The refusal of an operation whose estimated cost (objects × declared list sizes, plus argument weights, cost.ts)
 * is over the limit, else null. Run once the variables are known, before anything executes: on HTTP when Apollo
 * has resolved the operation (main.ts), on graphql-ws in checkDocument.
 */
export function costRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  model: CostModel,
  maxCost: number,
  variables?: Readonly<Record<string, unknown>>,
  httpStatus?: number,
): QueryLimitError | null {
  const cost = estimateCost(schema, document, model, { variables });
  if (cost <= maxCost) return null;
  return new QueryLimitError(
    `estimated ${Math.round(cost).toLocaleString('en')} objects, the limit is ${maxCost.toLocaleString('en')}`,
    httpStatus,
  );
}

export function armor(limits: GatewayLimits): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const common = { propagateOnRejection: false, onReject: [reject] };
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...common },
    // Replaced by costRefusal: armor's static cost does not multiply by list sizes nor see variables.
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, ...common },
    // Counted by graphql-js's own parser instead (parseOptions.maxTokens in main.ts): armor's Apollo plugin for it
    // rethrows without the error's class, so the refusal lost its code.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50, ...common },
  }).protect();
  return { plugins, validationRules };
}

/**
 * The HTTP checks for a document that arrives on graphql-ws: parsed with the same token limit, validated with the
 * same rules, then its cost with the request's variables. Returns the document, or the errors that refuse it (the
 * subscription alone fails, not the socket).
 */
export function checkDocument(
  schema: GraphQLSchema,
  query: unknown,
  limits: GatewayLimits,
  rules: readonly ValidationRule[],
  cost: { model: CostModel; variables?: Readonly<Record<string, unknown>> | null },
): { document: DocumentNode } | { errors: GraphQLError[] } {
  if (typeof query !== 'string')
    return { errors: [new GraphQLError('query must be a string', { extensions: { code: 'BAD_USER_INPUT' } })] };
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (TOO_MANY_TOKENS.test(message)) return { errors: [new QueryLimitError(`more than ${limits.maxTokens} tokens`)] };
    return { errors: [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] };
  }
  const errors = validate(schema, document, [...specifiedRules, ...rules]);
  if (errors.length === 0) {
    const refused = costRefusal(schema, document, cost.model, limits.maxCost, cost.variables ?? undefined);
    return refused ? { errors: [refused] } : { document };
  }
  return {
    errors: errors.map((e) =>
      e instanceof QueryLimitError
        ? e
        : new GraphQLError(e.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ),
  };
}

/**
 * How many mutation fields an operation sends (aliases and fragments included): each counts against the limit.
 * With `only`, just the fields it names are counted (e.g. the sign-in fields), and none may be 0.
 */
export function mutationFieldCount(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  only?: (field: string) => boolean,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  // Each fragment is counted once and its count reused: fragments spreading the one before twice would otherwise
  // make this walk exponential in the document's length.
  const counted = new Map<string, number>();
  const count = (set: SelectionSetNode, seen: Set<string>): number =>
    set.selections.reduce((n, sel) => {
      if (sel.kind === Kind.FIELD) return n + ((only ? only(sel.name.value) : sel.name.value !== '__typename') ? 1 : 0);
      if (sel.kind === Kind.INLINE_FRAGMENT) return n + count(sel.selectionSet, seen);
      const name = sel.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) return n;
      let known = counted.get(name);
      if (known === undefined) {
        known = count(fragment.selectionSet, new Set([...seen, name]));
        counted.set(name, known);
      }
      return n + known;
    }, 0);
  const n = count(operation.selectionSet, new Set());
  return only ? n : Math.max(1, n);
}

/** Errors that refuse a document before it runs: it did not parse, or failed validation (the limits included). */
export function refusesDocument(code: unknown): boolean {
  return code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'QUERY_TOO_COMPLEX';
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
