/**
 * Reports kept in the browser until the gateway has them. Every submission is written here first (with its
 * idempotencyKey) and then sent; one that cannot reach the server stays and is sent when the connection returns —
 * once: it leaves the outbox only after the server answered, and the server counts a repeated key once.
 */
import { ApiError, gql, NetworkError, type GqlError } from './api';
import type { SubmitMutation, SubmitMutationVariables } from './generated/graphql';
import { tokenFor } from './session';

const KEY = 'bdhvs.outbox';
export const OUTBOX_EVENT = 'bdhvs-outbox';

/** What the form sends (UnitReportInput), always with its idempotencyKey. */
export type ReportInput = SubmitMutationVariables['input'] & { idempotencyKey: string };
export interface QueuedReport {
  input: ReportInput;
  token: string | null;
  queuedAt: string;
}
export type SentReport = SubmitMutation['submitUnitReport'];
export type OutboxNews =
  | { kind: 'sent'; item: QueuedReport; report: SentReport }
  | { kind: 'rejected'; item: QueuedReport; errors: GqlError[] }
  | { kind: 'waiting'; item: QueuedReport };

const MUTATION = /* GraphQL */ `
  mutation Submit($input: UnitReportInput!) {
    submitUnitReport(input: $input) {
      id
      version
      reportDate
      submittedAt
      anomalies
    }
  }
`;

export function pending(): QueuedReport[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as QueuedReport[];
  } catch {
    return [];
  }
}

function save(items: QueuedReport[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
}

function remove(key: string): void {
  save(pending().filter((i) => i.input.idempotencyKey !== key));
}

function announce(news: OutboxNews): void {
  window.dispatchEvent(new CustomEvent<OutboxNews>(OUTBOX_EVENT, { detail: news }));
}

/** A key the API accepts (8–100 of [A-Za-z0-9_.:-]), random enough to never repeat. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function enqueue(input: ReportInput, token: string | null): void {
  const item = { input, token, queuedAt: new Date().toISOString() };
  save([...pending(), item]);
  // The browser knows it is offline: say so at once rather than after a failed request.
  if (!navigator.onLine) announce({ kind: 'waiting', item });
  void flush();
}

let flushing: Promise<void> | null = null;

/** Sends what is queued, oldest first; stops at the first network failure. One flush at a time (across tabs too). */
export function flush(): Promise<void> {
  if (flushing) return flushing;
  const run = async () => {
    if (!navigator.onLine) return;
    for (const item of pending()) {
      try {
        const data = await gql<SubmitMutation>(
          MUTATION,
          { input: item.input } satisfies SubmitMutationVariables,
          // A signed-in device sends with its session's current token (refreshed when near its end).
          await tokenFor(item.token),
        );
        remove(item.input.idempotencyKey);
        announce({ kind: 'sent', item, report: data.submitUnitReport });
      } catch (error) {
        if (error instanceof NetworkError || (error instanceof ApiError && error.code === 'RATE_LIMITED')) {
          announce({ kind: 'waiting', item });
          return;
        }
        // Refused (bad figures, no or wrong token): it will never pass as it is; hand it back to the form.
        remove(item.input.idempotencyKey);
        announce({
          kind: 'rejected',
          item,
          errors: error instanceof ApiError ? error.errors : [{ message: String(error) }],
        });
      }
    }
  };
  const locked: () => Promise<void> = navigator.locks
    ? async () => {
        await navigator.locks.request('bdhvs-outbox', () => run());
      }
    : run;
  const current = locked().finally(() => {
    flushing = null;
  });
  flushing = current;
  return current;
}

/** Retries when the browser says it is back online, and every few seconds while anything waits. */
export function startOutbox(): void {
  window.addEventListener('online', () => void flush());
  setInterval(() => {
    if (pending().length > 0) void flush();
  }, 5_000);
  if (pending().length > 0) void flush();
}
