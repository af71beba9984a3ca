/**
 * What the WebSocket path carries besides the document limits: a cap on connections per IP address (checked at the
 * upgrade, before graphql-ws spends anything on the socket) and one log line per subscription, as HTTP logs one
 * per request, with the errors counted in the same metric.
 */
import type { Duplex } from 'node:stream';
import type { GraphQLError } from 'graphql';
import { bilingual } from '../../shared/pure/errors';
import { requestIdFrom } from '../../shared/logging';
import { errorCode, operationLabeller, type Observability } from '../../shared/metrics';

/** Open connections per address; a slot is given back when its socket closes, whether or not it upgraded. */
export function connectionsPerIp(limit: number) {
  const open = new Map<string, number>();
  return {
    open: (ip: string) => open.get(ip) ?? 0,
    /** Takes a slot for the socket, or answers 429 and destroys it; true when admitted. */
    admit(ip: string, socket: Duplex): boolean {
      const now = open.get(ip) ?? 0;
      if (now >= limit) {
        const body = bilingual(
          `Quá nhiều kết nối trực tiếp từ một địa chỉ (tối đa ${limit}); hãy đóng bớt các trang đang mở rồi thử lại`,
          `too many live connections from one address (at most ${limit})`,
        );
        socket.end(
          'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nConnection: close\r\n' +
            `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
        return false;
      }
      open.set(ip, now + 1);
      socket.once('close', () => {
        const left = (open.get(ip) ?? 1) - 1;
        if (left > 0) open.set(ip, left);
        else open.delete(ip);
      });
      return true;
    },
  };
}

/** The operation's name as sent, or as written in the document (before it is parsed: a refusal may come first). */
function operationNameOf(payload: { operationName?: string | null; query: string }): string | null {
  if (payload.operationName) return payload.operationName;
  return /^\s*(?:subscription|query|mutation)\s+([_A-Za-z]\w{0,99})/.exec(payload.query)?.[1] ?? null;
}

interface Started {
  began: bigint;
  operation: string | null;
  requestId: string;
  events: number;
  /** Codes of the errors its results carried (a cap refused after planning answers with one result). */
  errors: string[];
}

/** Per connection: the subscriptions it has started, by their graphql-ws id. */
export type OperationLogState = Map<string, Started>;

/**
 * graphql-ws hooks that log each subscription once it ends (completed by either side, or refused), with its
 * operation name, the caller's address, how long it ran and how many results it sent; refusals count in
 * hub_graphql_errors_total by code as on HTTP.
 */
export function operationLog(obs: Observability | undefined) {
  const label = operationLabeller();
  const finish = (state: OperationLogState, id: string, fields: { ip: string; errors?: string[] }, message: string) => {
    const started = state.get(id);
    state.delete(id);
    if (!obs) return;
    const seconds = started ? Number(process.hrtime.bigint() - started.began) / 1e9 : 0;
    const operation = started?.operation ?? null;
    obs.requestDuration.observe({ operation_name: label(operation), operation_type: 'subscription' }, seconds);
    for (const code of fields.errors ?? []) obs.errors.inc({ code });
    obs.logger.info(
      {
        requestId: started?.requestId ?? requestIdFrom(undefined),
        operation,
        type: 'subscription',
        transport: 'graphql-ws',
        ip: fields.ip,
        ms: Math.round(seconds * 10000) / 10,
        events: started?.events ?? 0,
        ...(fields.errors?.length ? { errors: fields.errors } : {}),
      },
      message,
    );
  };
  return {
    started(state: OperationLogState, id: string, payload: { operationName?: string | null; query: string }): void {
      state.set(id, {
        began: process.hrtime.bigint(),
        operation: operationNameOf(payload),
        requestId: requestIdFrom(undefined),
        events: 0,
        errors: [],
      });
    },
    next(state: OperationLogState, id: string, errors: readonly GraphQLError[] | undefined): void {
      const started = state.get(id);
      if (!started) return;
      started.events += 1;
      for (const e of errors ?? []) started.errors.push(errorCode(e));
    },
    refused(state: OperationLogState, id: string, ip: string, errors: readonly GraphQLError[]) {
      finish(state, id, { ip, errors: errors.map((e) => errorCode(e)) }, 'graphql subscription refused');
    },
    ended(state: OperationLogState, id: string, ip: string) {
      const errors = state.get(id)?.errors;
      if (errors) finish(state, id, { ip, errors }, 'graphql subscription ended');
    },
  };
}
