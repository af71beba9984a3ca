import type { AreaLevelName } from '../../shared/vocabulary/enums';
import { listenForWrites } from '../common/notify';
import { SharedCache } from '../common/loaders';
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
 * Province snapshots shared between requests of this process. Any change to what they are built from bumps the
 * version and so retires every cached snapshot: a report or import written here (after its commit), registry
 * events applied by this process's consumer, and writes by other replicas (their NOTIFY on the reports outbox).
 * A snapshot loaded while a change happened is stored under the old version and never served.
 */
export class SnapshotCache {
  private version = 0;
  private readonly entries = new Map<string, { version: number; value: Promise<ProvinceSnapshot> }>();

  constructor(private readonly limit = 64) {}

  /** Area facts, kept by the common mechanism and retired together with the snapshots. */
  private readonly shared = new SharedCache();

  bump(): void {
    this.version += 1;
    this.entries.clear();
    this.dates.clear();
    this.views.clear();
    this.shared.bump();
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
   * A view built from snapshots (the national rankings of a date), shared between requests until the next change,
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

/** Bumps the cache when another process writes to the reports schema (its NOTIFY arrives here too). */
export function listenForReportWrites(
  databaseUrl: string,
  cache: SnapshotCache,
  log: (line: string) => void,
): Promise<{ stop(): Promise<void> }> {
  return listenForWrites(databaseUrl, 'reports', () => cache.bump(), log);
}
