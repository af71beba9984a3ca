// The Friday burst's plain parts (bench/burst.ts): its arguments, and the check and figures of what subscribers
// received. No network, no database: test/unit/bench.test.ts tests them directly.
import { percentile } from './load';

export interface BurstOptions {
  /** Reports to submit in all. */
  reports: number;
  /** Submitters sending at the same time, each the next report as soon as it has the answer. */
  submitters: number;
  /** graphql-ws clients, one subscription each. */
  subscribers: number;
  /** The province whose villages report and whose subscribers watch (Quảng Ngãi's demo data: 23). */
  province: string;
}

export const BURST_DEFAULTS: BurstOptions = { reports: 20_000, submitters: 50, subscribers: 1000, province: '23' };

const LIMITS: Record<keyof Omit<BurstOptions, 'province'>, [number, number]> = {
  reports: [1, 1_000_000],
  submitters: [1, 1000],
  subscribers: [0, 20_000],
};

/** `--reports 2000 --submitters 20 --subscribers 500 --province 23` (each optional, `--name=value` too). */
export function parseBurstArgs(argv: readonly string[]): BurstOptions {
  const options: BurstOptions = { ...BURST_DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!m)
      throw new Error(`burst: unexpected argument "${arg}" (use --reports, --submitters, --subscribers, --province)`);
    const name = m[1];
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`burst: --${name} needs a value`);
    if (name === 'province') {
      if (!/^\d{2}$/.test(value)) throw new Error(`burst: --province is a two-digit code such as 23, got "${value}"`);
      options.province = value;
      continue;
    }
    if (!(name in LIMITS)) throw new Error(`burst: unknown option --${name}`);
    const key = name as keyof typeof LIMITS;
    const n = Number(value);
    const [min, max] = LIMITS[key];
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`burst: --${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    options[key] = n;
  }
  return options;
}

/** What one subscriber received: event ids in arrival order. */
export interface Received {
  /** What the subscriber watches, e.g. `progress.updated|areaId|C02949`. */
  key: string;
  eventIds: number[];
}

export interface DeliveryCheck {
  expected: number;
  delivered: number;
  /** Expected events a subscriber did not receive. */
  missing: number;
  /** Events received twice, or not expected (not in the outbox for its key). */
  extra: number;
  /** Subscribers that received events out of increasing order. */
  outOfOrder: number;
}

/**
 * Compares what each subscriber received with what the outbox holds for its key (event ids in order): every
 * expected event exactly once, in increasing order.
 */
export function checkDelivery(received: readonly Received[], outbox: ReadonlyMap<string, readonly number[]>) {
  const check: DeliveryCheck = { expected: 0, delivered: 0, missing: 0, extra: 0, outOfOrder: 0 };
  for (const r of received) {
    const want = new Set(outbox.get(r.key) ?? []);
    check.expected += want.size;
    check.delivered += r.eventIds.length;
    const seen = new Set<number>();
    for (const id of r.eventIds) {
      if (!want.has(id) || seen.has(id)) check.extra += 1;
      seen.add(id);
    }
    for (const id of want) if (!seen.has(id)) check.missing += 1;
    if (r.eventIds.some((id, i) => i > 0 && id <= r.eventIds[i - 1])) check.outOfOrder += 1;
  }
  return check;
}

/** p50 and p99 of unsorted milliseconds, and how many there were. */
export function latencyFigures(values: readonly number[]): { n: number; p50: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** "12.3 MiB" from bytes; "+4.0 MiB" with sign. */
export function mib(bytes: number, signed = false): string {
  const s = (bytes / 2 ** 20).toFixed(1);
  return `${signed && bytes >= 0 ? '+' : ''}${s} MiB`;
}

/** The first of increasing ids greater than `after` (binary search), or undefined. */
export function firstAfter(ids: readonly number[], after: number): number | undefined {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] > after) hi = mid;
    else lo = mid + 1;
  }
  return ids[lo];
}
