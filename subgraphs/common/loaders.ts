import DataLoader from 'dataloader';

/**
 * A loader of one row per key: `fetch` gets every key asked for in this tick and answers with one SQL query.
 * Keys with no row resolve to null.
 */
export function rowLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, V>();
    for (const row of rows) byKey.set(keyOf(row), row);
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** A loader of a list per key (children of a parent): one SQL query for all parents asked for in this tick. */
export function listLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
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
