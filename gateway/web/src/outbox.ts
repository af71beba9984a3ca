/**
 * Reports kept in the browser until the gateway has them. Every submission is written here first (localStorage,
 * which outlives reloads and a closed browser) with its idempotencyKey, then sent; one that cannot reach the server
 * stays and is sent when the connection returns — once: it leaves the outbox only after the server answered, and the
 * server counts a repeated key once. A report the server refuses (an expired access code, a locked period, a figure
 * it rejects) is never dropped: it stays, marked refused with the reasons, until the writer fixes and resends it or
 * deletes it on purpose.
 */
import { ApiError, gql, NetworkError, type GqlError } from './api';
import type { SubmitMutation, SubmitMutationVariables } from './generated/graphql';
import { backoff } from '../../../shared/pure/backoff';
import { storedSession } from './session';
import { FORM_ACCESS_REFUSED, FORM_SESSION_REFUSED, forOfficials } from './words';

const KEY = 'bdhvs.outbox';
export const OUTBOX_EVENT = 'bdhvs-outbox';

/** What the form sends (UnitReportInput), always with its idempotencyKey. */
export type ReportInput = SubmitMutationVariables['input'] & { idempotencyKey: string };
export interface Refusal {
  at: string;
  /** Messages not tied to one field (access code, locked period…). */
  reasons: string[];
  /** Field path (as the API names it, e.g. groups.ELDERLY.completed) → message. */
  fields: Record<string, string>;
}
export interface QueuedReport {
  input: ReportInput;
  token: string | null;
  queuedAt: string;
  /** Set when the server refused it: it is not sent again as it is. */
  refused?: Refusal;
}
export type SentReport = SubmitMutation['submitUnitReport'];
export type OutboxNews =
  | { kind: 'sent'; item: QueuedReport; report: SentReport }
  | { kind: 'rejected'; item: QueuedReport; errors: GqlError[] }
  | { kind: 'waiting'; item: QueuedReport }
  | { kind: 'changed' };

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

/** Everything in the outbox: waiting and refused reports. */
export function pending(): QueuedReport[] {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(items) ? (items as QueuedReport[]) : [];
  } catch {
    return [];
  }
}

/** Reports still to be sent (not refused). */
export function waiting(): QueuedReport[] {
  return pending().filter((i) => !i.refused);
}

function save(items: QueuedReport[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
}

function update(key: string, change: (item: QueuedReport) => QueuedReport | null): void {
  save(pending().flatMap((i) => (i.input.idempotencyKey === key ? (change(i) ?? []) : [i])));
}

function announce(news: OutboxNews): void {
  window.dispatchEvent(new CustomEvent<OutboxNews>(OUTBOX_EVENT, { detail: news }));
}

/** Splits the server's refusal into field messages and general reasons. */
export function refusalOf(errors: GqlError[]): Refusal {
  const fields: Record<string, string> = {};
  const reasons: string[] = [];
  const refusedAccess = storedSession() ? FORM_SESSION_REFUSED : FORM_ACCESS_REFUSED;
  for (const err of errors) {
    const field = err.extensions?.field;
    const message = forOfficials(err, refusedAccess);
    if (typeof field === 'string') fields[field] = message;
    else if (!reasons.includes(message)) reasons.push(message);
  }
  if (reasons.length === 0 && Object.keys(fields).length === 0) reasons.push('Máy chủ không nhận báo cáo này.');
  return { at: new Date().toISOString(), reasons, fields };
}

/** A key the API accepts (8–100 of [A-Za-z0-9_.:-]), random enough to never repeat. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Queues a report and tries to send it. `replaces` is the key of a refused report this one corrects: both change in
 * one write, so the figures are never in neither place.
 */
export function enqueue(input: ReportInput, token: string | null, replaces?: string): void {
  const item: QueuedReport = { input, token, queuedAt: new Date().toISOString() };
  save([...pending().filter((i) => i.input.idempotencyKey !== replaces), item]);
  // The browser knows it is offline: say so at once rather than after a failed request.
  if (!navigator.onLine) announce({ kind: 'waiting', item });
  void flush();
}

/** Removes a refused report the writer chose to give up (the page asks first). */
export function discard(key: string): void {
  update(key, (i) => (i.refused ? null : i));
  announce({ kind: 'changed' });
}

let flushing: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
/** Failed sends in a row since the last that reached the server: each waits longer (15 s, doubling, up to 5 min). */
let failures = 0;

/** The server could not be reached though the browser thinks it is online: try again later, less and less often. */
function retryLater(): void {
  if (retryTimer) return;
  failures += 1;
  retryTimer = setTimeout(
    () => {
      retryTimer = null;
      void flush();
    },
    backoff(failures, { firstMs: 15_000, maxMs: 300_000 }),
  );
}

/** Sends what waits, oldest first; stops at the first network failure. One flush at a time (across tabs too). */
export function flush(): Promise<void> {
  if (flushing) return flushing;
  const run = async () => {
    if (!navigator.onLine) return;
    for (const item of waiting()) {
      // Another tab may have sent or changed it meanwhile.
      if (!waiting().some((i) => i.input.idempotencyKey === item.input.idempotencyKey)) continue;
      try {
        const data = await gql<SubmitMutation>(
          MUTATION,
          { input: item.input } satisfies SubmitMutationVariables,
          // A signed-in device sends with its session's current token (gql renews it when near its end).
          item.token,
        );
        update(item.input.idempotencyKey, () => null);
        failures = 0;
        announce({ kind: 'sent', item, report: data.submitUnitReport });
      } catch (error) {
        if (error instanceof NetworkError || (error instanceof ApiError && error.code === 'RATE_LIMITED')) {
          announce({ kind: 'waiting', item });
          retryLater();
          return;
        }
        // Refused: it will never pass as it is. Kept, with the reasons, for the writer to fix and resend.
        const errors = error instanceof ApiError ? error.errors : [{ message: String(error) }];
        const refused = refusalOf(errors);
        update(item.input.idempotencyKey, (i) => ({ ...i, refused }));
        announce({ kind: 'rejected', item: { ...item, refused }, errors });
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

/**
 * Sends what waits when the page opens, when the browser says it is back online and when the page is shown again —
 * no timer runs while nothing waits.
 */
export function startOutbox(): void {
  window.addEventListener('online', () => {
    failures = 0;
    void flush();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && waiting().length > 0) void flush();
  });
  // Another tab changed the outbox: the pages showing it update.
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) announce({ kind: 'changed' });
  });
  if (waiting().length > 0) void flush();
}
