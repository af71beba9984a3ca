import type { IsoDate } from '../../../shared/pure/dates';
import type { AreaLevelName } from '../../../shared/vocabulary/enums';
import { AUDIT_RECORDED, COMMUNE_REPORT_SUBMITTED } from '../../../shared/vocabulary/events';
import { listenForWrites, type WriteNotice } from '../../common/notify';
import type { ChangeScope } from '../../common/outbox';
import { SharedCache } from '../../common/loaders';
import { PROGRESS_UPDATED, RANK_CHANGED } from '../live/store';
import type { ProvinceSnapshot } from './snapshot';

/** What the resolvers need to know about an area: its level and where it sits. */
export interface AreaFacts {
  id: string;
  level: AreaLevelName;
  name: string;
  provinceId: string;
  communeId: string | null;
  staff: number | null;
  unitType: string | null;
}

/**
 * Province snapshots shared between requests of this process. A write retires what it touched: a report of
 * province P dated D (written here after its commit, or by another replica, whose NOTIFY says so) retires P's
 * snapshots of D and later and P's figure dates; anything else (registry events applied here, imports, a write
 * whose scope is not known, a listener that reconnected) bumps the version and so retires everything. Snapshots
 * of other provinces and of earlier dates stay: the dashboard's history and last week's ranking are not rebuilt
 * after each Friday report. A snapshot loaded while a write committed is stored under the old version and never
 * served.
 */
export class SnapshotCache {
  private version = 0;
  private readonly entries = new Map<string, { version: number; value: Promise<ProvinceSnapshot> }>();

  constructor(private readonly limit = 64) {}

  /** How many snapshots it keeps. */
  get capacity(): number {
    return this.limit;
  }

  /** Area facts, kept by the common mechanism and retired together with the snapshots. */
  private readonly shared = new SharedCache();

  bump(): void {
    this.version += 1;
    this.entries.clear();
    this.dates.clear();
    this.views.clear();
    this.shared.bump();
  }

  /** Retires what `scope` touched (each province's snapshots from its date on), or everything without a scope. */
  retire(scope?: ChangeScope): void {
    if (!scope) return this.bump();
    const from = new Map<string, IsoDate>();
    for (const c of scope)
      if (!from.has(c.provinceId) || c.from < from.get(c.provinceId)!) from.set(c.provinceId, c.from);
    for (const key of [...this.entries.keys()]) {
      const [provinceId, asOf] = key.split('|');
      const first = from.get(provinceId);
      if (first !== undefined && asOf >= first) this.entries.delete(key);
    }
    for (const provinceId of from.keys()) this.dates.delete(provinceId);
    // Views (the national rankings) are built from many provinces' snapshots: rebuilt from those still cached.
    this.views.clear();
  }

  /** Where areas sit in the hierarchy: most requests then need no SQL at all. */
  areaFacts(
    ids: readonly string[],
    load: (missing: string[]) => Promise<AreaFacts[]>,
  ): Promise<Array<AreaFacts | null>> {
    return this.shared.many<AreaFacts | null>(
      'area',
      ids,
      async (missing) => new Map((await load(missing)).map((a) => [a.id, a])),
      null,
    );
  }

  private readonly dates = new Map<string, { version: number; value: Promise<string[]> }>();

  /**
   * The figure dates of a province (they change only when the data does). Kept as a promise, so concurrent requests
   * (the gateway's parallel fetches) share one load.
   */
  figureDates(provinceId: string, load: () => Promise<string[]>): Promise<string[]> {
    const hit = this.dates.get(provinceId);
    if (hit && hit.version === this.version) return hit.value;
    const value = load();
    this.dates.set(provinceId, { version: this.version, value });
    value.catch(() => this.dates.delete(provinceId));
    return value;
  }

  private readonly views = new Map<string, { version: number; value: Promise<unknown> }>();

  /**
   * A view built from snapshots (the national rankings of a date), shared between requests until a write retires it,
   * as a promise so that concurrent requests share one build. At most `limit` dates are kept.
   */
  view<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.views.get(key);
    if (hit && hit.version === this.version) return hit.value as Promise<T>;
    const value = load();
    this.views.set(key, { version: this.version, value });
    value.catch(() => this.views.delete(key));
    while (this.views.size > this.limit) this.views.delete(this.views.keys().next().value as string);
    return value;
  }

  /** Whether the snapshot `provinceId|asOf` is cached now (for tests and operators). */
  has(key: string): boolean {
    return this.entries.get(key)?.version === this.version;
  }

  get(key: string): Promise<ProvinceSnapshot> | undefined {
    const e = this.entries.get(key);
    if (!e || e.version !== this.version) return undefined;
    // Most recently used last, so the oldest is evicted first.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  put(key: string, value: Promise<ProvinceSnapshot>): void {
    const version = this.version;
    this.entries.set(key, { version, value });
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * Topics of the reports outbox that never come alone with a change to what snapshots are built from: live events
 * derived from a report (its own topic came in the same transaction) and audit entries. Every write that changes
 * reports, portal figures, areas or populations appends a topic of its own: keep it so.
 */
const LEAVES_SNAPSHOTS = new Set<string>([PROGRESS_UPDATED, RANK_CHANGED, AUDIT_RECORDED, COMMUNE_REPORT_SUBMITTED]);

/** What a NOTIFY of the reports outbox retires: nothing, the scope it names, or (unknown or missed) everything. */
export function retirementOf(notice: WriteNotice | undefined): { scope?: ChangeScope } | null {
  if (notice && LEAVES_SNAPSHOTS.has(notice.topic)) return null;
  return { scope: notice?.scope };
}

/** Retires cached snapshots when any process (this one too) writes to the reports schema: its NOTIFY says what. */
export function listenForReportWrites(
  databaseUrl: string,
  cache: SnapshotCache,
  log: (line: string) => void,
): Promise<{ stop(): Promise<void> }> {
  return listenForWrites(
    databaseUrl,
    'reports',
    (notice) => {
      const retire = retirementOf(notice);
      if (retire) cache.retire(retire.scope);
    },
    log,
  );
}
