/**
 * Typed domain errors. Domain code throws these (no GraphQL import needed); `formatError` in server.ts maps them
 * once to GraphQL errors with `extensions.code` (every code is in error-codes.ts). No resolver catches an error to
 * return its message.
 */
import type { DomainErrorCode } from './error-codes';

export type { DomainErrorCode };

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Which input field the message is about, so a form can show it next to the field. */
    readonly field?: string,
    /** More facts for the client in `extensions` (e.g. the id of the report a conflict is about). */
    readonly details?: Record<string, string | number>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', message, field);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** The request contradicts what is stored (e.g. an idempotency key reused with other content); nothing written. */
export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, string | number>) {
    super('CONFLICT', message, undefined, details);
  }
}

/** No identity, or one that cannot be trusted (bad token): the caller must sign in. */
export class UnauthenticatedError extends DomainError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message);
  }
}

/** Too many attempts (sign-in): the caller must wait `retryAfterSeconds`; the gateway answers HTTP 429. */
export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message, undefined, { retryAfterSeconds });
  }
}

/** Vietnamese first (officials read it), English after it for developers and the second-language UI. */
export function bilingual(vi: string, en: string): string {
  return `${vi} (${en})`;
}

/** Vietnamese number formatting as officials write it: 9.412 and 1,53. */
export function viNumber(n: number): string {
  return n.toLocaleString('vi-VN');
}
