import { Client } from 'pg';
import { EVENTS_CHANNEL } from '../common/outbox';
import type { ProvinceSnapshot } from './snapshot';

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

  bump(): void {
    this.version += 1;
    this.entries.clear();
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
export async function listenForReportWrites(databaseUrl: string, cache: SnapshotCache, log: (line: string) => void): Promise<{ stop(): Promise<void> }> {
  let client: Client | null = null;
  let stopped = false;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new Client({ connectionString: databaseUrl });
    c.on('notification', (msg) => {
      if (msg.channel === EVENTS_CHANNEL && (msg.payload ?? '').includes('"schema":"reports"')) cache.bump();
    });
    c.on('error', (e) => {
      log(`reports cache listener lost (${e.message}); reconnecting`);
      client = null;
      cache.bump(); // we may have missed a change
      c.end().catch(() => undefined);
      setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await c.connect();
    await c.query(`listen ${EVENTS_CHANNEL}`);
    client = c;
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      await client?.end().catch(() => undefined);
    },
  };
}
