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
