/**
 * When PostgreSQL (or a part of the hub) is unreachable, a request answers a clear, retryable error — code
 * SERVICE_UNAVAILABLE, HTTP 503 with Retry-After — instead of a generic internal error; `/ready` says the same to
 * an operator or a load balancer while `/health` only says the process is alive.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ERROR_CODES, type ErrorCode } from './pure/error-codes';
import { bilingual } from './pure/errors';

export const SERVICE_UNAVAILABLE: ErrorCode = 'SERVICE_UNAVAILABLE';
export const SERVICE_UNAVAILABLE_STATUS = ERROR_CODES.SERVICE_UNAVAILABLE.http;
export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE = bilingual(
  'Cơ sở dữ liệu tạm thời không truy cập được; dữ liệu của bạn chưa được ghi, vui lòng thử lại sau ít giây',
  'the database is temporarily unavailable; nothing was written, retry in a few seconds',
);

export const PART_UNAVAILABLE_MESSAGE = bilingual(
  'Một phần của hệ thống đang khởi động lại; vui lòng thử lại sau ít giây',
  'a part of the hub is restarting; retry in a few seconds',
);

// SQLSTATE class 08 (connection exception) and 57P01-57P03 (the server shutting down or starting up).
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[1-3])$/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_TEXT =
  /Connection terminated|connection error|Timeout acquiring a connection|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down)|terminating connection due to administrator command|Client was closed|not queryable/i;

/** Whether an error (or one it wraps) says the database cannot be reached now, as opposed to a bug or bad input. */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_ERRNO.has(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_TEXT.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isUnavailable(x, depth + 1))) return true;
  return isUnavailable(e.cause, depth + 1) || isUnavailable(e.originalError, depth + 1);
}

/** Answers HTTP 503 with Retry-After when any error of the response is SERVICE_UNAVAILABLE. */
export function availabilityPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return;
          response.http.status = SERVICE_UNAVAILABLE_STATUS;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/** Resolves to null when `probe` answers within `ms`, else to the reason it did not. */
export async function probeWithin(probe: () => Promise<unknown>, ms = 2000): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}
