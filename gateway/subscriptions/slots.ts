/**
 * Live slots (docs/access.md, "Fair live slots"): subscriptions per connection, distinct upstreams per connection
 * and per caller (token subject, else address), upstreams per gateway. Each refusal is TOO_MANY_SUBSCRIPTIONS, and
 * what a finished subscription held is given back.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import { bilingual } from '../../shared/pure/errors';
import type { GatewayLimits } from '../limits';

export interface Connection {
  subscriptions: number;
  /** Upstream key → this connection's subscriptions on it. */
  upstreams: Map<string, number>;
}

export const newConnection = (): Connection => ({ subscriptions: 0, upstreams: new Map() });

function tooMany(vi: string, en: string): ExecutionResult {
  return { errors: [new GraphQLError(bilingual(vi, en), { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })] };
}

/** Counts of something per key, dropped at zero (a connection's or a caller's use of upstreams). */
function countIn(map: Map<string, number>, key: string, by: 1 | -1): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

export class Slots {
  /** Caller → upstream key → its subscriptions on it. */
  private readonly callers = new Map<string, Map<string, number>>();

  constructor(
    private readonly limits: GatewayLimits,
    /** The upstreams open now, by key. */
    private readonly upstreams: ReadonlyMap<string, unknown>,
  ) {}

  /** The refusal of one more subscription on the connection, before anything is planned; else null. */
  connectionFull(connection: Connection): ExecutionResult | null {
    const max = this.limits.maxSubscriptionsPerConnection;
    return connection.subscriptions >= max
      ? tooMany(`Quá nhiều đăng ký trên một kết nối (tối đa ${max})`, `too many subscriptions on one connection`)
      : null;
  }

  /** The refusal of a subscription on the upstream `key` (opened if it is not), else null. */
  refuse(connection: Connection, caller: string, key: string): ExecutionResult | null {
    const { maxUpstreamsPerConnection: perConnection, maxUpstreamsPerCaller: perCaller, maxUpstreams } = this.limits;
    if (!connection.upstreams.has(key) && connection.upstreams.size >= perConnection)
      return tooMany(
        `Quá nhiều đăng ký khác nhau trên một kết nối (tối đa ${perConnection})`,
        `too many distinct subscriptions on one connection`,
      );
    const mine = this.callers.get(caller);
    if (!mine?.has(key) && (mine?.size ?? 0) >= perCaller)
      return tooMany(
        `Quá nhiều đăng ký khác nhau từ một người dùng hoặc một địa chỉ (tối đa ${perCaller}); hãy đóng bớt các trang đang mở`,
        `too many distinct subscriptions from one caller (at most ${perCaller})`,
      );
    if (!this.upstreams.has(key) && this.upstreams.size >= maxUpstreams)
      return tooMany(
        `Máy chủ đang phục vụ quá nhiều đăng ký khác nhau (tối đa ${maxUpstreams}); thử lại sau`,
        `the gateway serves too many distinct subscriptions; retry later`,
      );
    return null;
  }

  /** Counts a subscription on `key`; returns what gives its slots back. */
  take(connection: Connection, caller: string, key: string): () => void {
    connection.subscriptions++;
    countIn(connection.upstreams, key, 1);
    if (!this.callers.has(caller)) this.callers.set(caller, new Map());
    countIn(this.callers.get(caller)!, key, 1);
    return () => {
      connection.subscriptions--;
      countIn(connection.upstreams, key, -1);
      const held = this.callers.get(caller);
      if (held) countIn(held, key, -1);
      if (held?.size === 0) this.callers.delete(caller);
    };
  }
}
