import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs: one JSON object per line on stdout (pino), with the service's name and, for request lines, the
 * request id the gateway chose (or took from the caller's `x-request-id`) and sent on to every subgraph fetch.
 */
export type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * LOG_LEVEL (fatal, error, warn, info, debug, trace, silent); default info, but silent under jest (NODE_ENV=test)
 * so the suite's output stays readable. An unknown value is refused at start rather than silently ignored.
 */
export function logLevel(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.LOG_LEVEL?.trim().toLowerCase();
  if (!value) return env.NODE_ENV === 'test' ? 'silent' : 'info';
  if (!LEVELS.includes(value)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}; got "${env.LOG_LEVEL}"`);
  return value;
}

let sink: { stream: DestinationStream; level: string } | undefined;

/** Sends every logger created from now on to `stream` at `level` (tests read the lines in-process); undo with null. */
export function logTo(stream: DestinationStream | null, level = 'info'): void {
  sink = stream ? { stream, level } : undefined;
}

/** The logger of one service (gateway, registry, ...); its lines carry `service`. */
export function createLogger(service: string): Logger {
  return pino(
    {
      level: sink?.level ?? logLevel(),
      base: { service },
      // Level names and ISO times read better in a terminal (npm start) than numbers, and every collector parses them.
      formatters: { level: (label) => ({ level: label }) },
      // An error is logged as loggableError says: a failed statement's SQL and values never reach a log line.
      serializers: { err: loggableError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    sink?.stream ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A plain line-logger (what older code takes) that writes info lines to `logger`. */
export function lineLogger(logger: Logger): (line: string) => void {
  return (line: string) => logger.info(line);
}

/**
 * The caller's request id when it is a sane token (so a client or a proxy can follow its own id through the logs),
 * else a fresh UUID: never trust a header to be short or printable.
 */
export function requestIdFrom(header: string | string[] | undefined | null): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:@/+=-]{1,128}$/.test(value) ? value : randomUUID();
}

/** What a log line says about an error: its type, and either its message and frames or, for SQL, the code only. */
export interface LoggedError {
  type: string;
  message?: string;
  /** PostgreSQL's SQLSTATE (23514 a check constraint, 22021 a bad byte sequence…). */
  sqlState?: string;
  /** The statement's first keyword and table ("insert reports.unit_report"), never its text. */
  statement?: string;
  constraint?: string;
  /** The stack's frames ("at …" lines) without its first line, which repeats the message. */
  stack?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const KEYWORD = /^\s*([a-z]{2,12})\b/i;
const TABLE =
  /\b(?:into|from|update|table|join)\s+((?:"[^"]{1,63}"|[a-z_][\w$]{0,62})(?:\.(?:"[^"]{1,63}"|[a-z_][\w$]{0,62}))?)/i;
const NAME = /^[A-Za-z_][\w$]{0,62}$/;

/** "insert reports.unit_report" from a statement's text: its first keyword and first table, nothing of its values. */
export function statementOf(sql: string): string {
  const keyword = KEYWORD.exec(sql)?.[1]?.toLowerCase() ?? 'sql';
  const table = TABLE.exec(sql)?.[1]?.replace(/"/g, '');
  return table ? `${keyword} ${table}` : keyword;
}

const framesOf = (stack: unknown): string | undefined =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((l) => l.trim().startsWith('at '))
        .join('\n') || undefined
    : undefined;

/**
 * An error as a log may hold it. A database error (it has a SQLSTATE) keeps its code, the statement's keyword and
 * table, the constraint's name and its frames: its message starts with the whole SQL, values inline (MikroORM and knex
 * put them there), and PostgreSQL's `detail` repeats the failing row (names, phone numbers). Others keep their
 * message and frames.
 */
export function loggableError(error: unknown): LoggedError {
  // Duck-typed: an error from another realm (node's own, under jest) is no `instanceof Error` here.
  if (typeof error !== 'object' || error === null || typeof (error as { message?: unknown }).message !== 'string')
    return { type: typeof error };
  const e = error as Error & Record<string, unknown>;
  const state = [e.sqlState, e.code].find((c): c is string => typeof c === 'string' && SQLSTATE.test(c));
  if (state || typeof e.severity === 'string' || typeof e.routine === 'string') {
    const sql = typeof e.sql === 'string' ? e.sql : e.message.includes(' - ') ? e.message.split(' - ')[0] : '';
    return {
      type: e.name,
      ...(state ? { sqlState: state } : {}),
      statement: statementOf(sql),
      ...(typeof e.constraint === 'string' && NAME.test(e.constraint) ? { constraint: e.constraint } : {}),
      ...(framesOf(e.stack) ? { stack: framesOf(e.stack) } : {}),
    };
  }
  // A system error's code (ECONNREFUSED) says what happened where its message may be empty (an AggregateError).
  const message = [typeof e.code === 'string' && !e.message.includes(e.code) ? e.code : '', e.message]
    .filter(Boolean)
    .join(' ');
  return { type: e.name, message, ...(framesOf(e.stack) ? { stack: framesOf(e.stack) } : {}) };
}

/** One line for a plain line logger: "UniqueConstraintViolationException 23505 insert registry.account". */
export function describeError(error: unknown): string {
  const e = loggableError(error);
  return e.message !== undefined
    ? `${e.type}: ${e.message}`
    : [e.type, e.sqlState, e.statement, e.constraint].filter(Boolean).join(' ');
}
