import DataLoader from 'dataloader';

/**
 * A loader of one row per key: `fetch` gets every key asked for in this tick and answers with one SQL query.
 * Keys with no row resolve to null.
 */
export function rowLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, V>();
    for (const row of rows) byKey.set(keyOf(row), row);
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** A loader of a list per key (children of a parent): one SQL query for all parents asked for in this tick. */
export function listLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, V[]>();
    for (const row of rows) {
      const k = keyOf(row);
      const list = byKey.get(k);
      if (list) list.push(row);
      else byKey.set(k, [row]);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}

/**
 * A loader whose key carries an argument (e.g. `asOf`): keys are grouped by the argument and each group is
 * fetched at once, so a request that asks for one date makes one query whatever the number of areas.
 */
export function argLoader<A, K, V>(
  fetch: (keys: readonly K[], arg: A) => Promise<Map<K, V>>,
  fallback: V,
): DataLoader<{ key: K; arg: A }, V, string> {
  return new DataLoader<{ key: K; arg: A }, V, string>(
    async (requests) => {
      const groups = new Map<string, { arg: A; keys: K[] }>();
      for (const r of requests) {
        const g = JSON.stringify(r.arg ?? null);
        const group = groups.get(g) ?? { arg: r.arg, keys: [] };
        group.keys.push(r.key);
        groups.set(g, group);
      }
      const answers = new Map<string, Map<K, V>>();
      await Promise.all(
        [...groups].map(async ([g, group]) => {
          answers.set(g, await fetch(group.keys, group.arg));
        }),
      );
      return requests.map((r) => answers.get(JSON.stringify(r.arg ?? null))?.get(r.key) ?? fallback);
    },
    { cacheKeyFn: (r) => JSON.stringify([r.key, r.arg ?? null]) },
  );
}

/**
 * Answers shared between the requests of one process, for data that changes rarely (the hierarchy, population).
 * The owner retires everything with `bump()` on every write it makes (after commit) and on every NOTIFY of its
 * schema from other processes; a load that raced a bump is not kept.
 */
export class SharedCache {
  private version = 0;
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly limit = 200_000) {}

  bump(): void {
    this.version += 1;
    this.entries.clear();
  }

  /** The values of `keys` in namespace `ns`: cached ones from memory, the others by one call to `fetch`. */
  async many<V>(
    ns: string,
    keys: readonly string[],
    fetch: (missing: string[]) => Promise<Map<string, V>>,
    fallback: V,
  ): Promise<V[]> {
    const missing = keys.filter((k) => !this.entries.has(`${ns}\u0000${k}`));
    const version = this.version;
    const loaded = missing.length ? await fetch(missing) : new Map<string, V>();
    if (version === this.version && this.entries.size < this.limit)
      for (const k of missing) this.entries.set(`${ns}\u0000${k}`, loaded.get(k) ?? fallback);
    return keys.map((k) =>
      loaded.has(k)
        ? loaded.get(k)!
        : missing.includes(k)
          ? fallback
          : ((this.entries.get(`${ns}\u0000${k}`) as V | undefined) ?? fallback),
    );
  }
}

/** rowLoader whose rows are kept in a SharedCache between requests. */
export function sharedRowLoader<V>(
  cache: SharedCache,
  ns: string,
  fetch: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string,
): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>((keys) =>
    cache.many<V | null>(ns, keys, async (missing) => new Map((await fetch(missing)).map((r) => [keyOf(r), r])), null),
  );
}

/** listLoader whose lists are kept in a SharedCache between requests. */
export function sharedListLoader<V>(
  cache: SharedCache,
  ns: string,
  fetch: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string,
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>((keys) =>
    cache.many<V[]>(
      ns,
      keys,
      async (missing) => {
        const byKey = new Map<string, V[]>(missing.map((k) => [k, []]));
        for (const row of await fetch(missing)) byKey.get(keyOf(row))?.push(row);
        return byKey;
      },
      [],
    ),
  );
}
