// The hub's backup archive (`npm run backup` / `npm run restore`): gzipped JSON lines, data only. The tables'
// definitions come from the migrations, whose names the archive records: restore migrates an empty database to
// exactly that level, then loads the rows. Every value is PostgreSQL's own text form, so nothing is lost between
// types or server versions (an embedded 17 restores into a 15 and back).
import { Client } from 'pg';
import { DEFAULT_EMBEDDED_PORT, startDatabase, type Database } from '../subgraphs/common/database';

export const FORMAT = 'bdhvs-hub-backup';
export const VERSION = 1;
/** The schemas the hub keeps its data in: one per subgraph, each with its own migrations table. */
export const SCHEMAS = ['registry', 'directives', 'plans', 'reports'];

/** First line of an archive. */
export interface ArchiveHeader {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  server: string;
  /** The migrations applied in each schema when the snapshot was taken, in order. */
  migrations: Record<string, string[]>;
}
/** Starts a table's rows; each following line is one row, a JSON array of text values (or null) in column order. */
export interface TableStart {
  table: string;
  columns: string[];
}
export interface SequenceState {
  sequence: string;
  /** null: never used (nextval gives its start value). */
  lastValue: number | null;
}
/** Last line: what a complete archive holds, checked by restore (a cut-off archive is refused). */
export interface ArchiveTrailer {
  end: true;
  tables: Record<string, { rows: number }>;
  sequences: SequenceState[];
}

export interface TableInfo {
  oid: number;
  name: string;
}

/** `"schema"."table"` for SQL, from a schema.table name as stored in the catalogue (our names need no escaping). */
export const quoted = (qualified: string): string =>
  qualified
    .split('.')
    .map((p) => `"${p.replace(/"/g, '""')}"`)
    .join('.');

/**
 * Tables in an order where every table comes after the tables its foreign keys point to, so rows load without
 * disabling constraints (which needs a superuser). Ties keep alphabetical order, so archives compare line by line.
 */
export function loadOrder(tables: TableInfo[], foreignKeys: Array<{ from: number; to: number }>): TableInfo[] {
  const sorted = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  const needs = new Map(sorted.map((t) => [t.oid, new Set<number>()]));
  for (const fk of foreignKeys) if (fk.from !== fk.to && needs.has(fk.to)) needs.get(fk.from)?.add(fk.to);
  const done = new Set<number>();
  const order: TableInfo[] = [];
  while (order.length < sorted.length) {
    const next = sorted.find((t) => !done.has(t.oid) && [...needs.get(t.oid)!].every((d) => done.has(d)));
    if (!next) throw new Error('foreign keys form a cycle between tables; cannot order the restore');
    done.add(next.oid);
    order.push(next);
  }
  return order;
}

/** The hub's tables (one per subgraph schema), in load order. */
export async function hubTables(client: Client): Promise<TableInfo[]> {
  const tables = await client.query<{ oid: number; name: string }>(
    `select c.oid::int as oid, n.nspname || '.' || c.relname as name from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any($1)`,
    [SCHEMAS],
  );
  const fks = await client.query<{ from: number; to: number }>(
    `select conrelid::int as "from", confrelid::int as "to" from pg_constraint where contype = 'f'`,
  );
  return loadOrder(tables.rows, fks.rows);
}

/** A table's stored columns (generated ones are computed again on insert) with their SQL types. */
export async function tableColumns(client: Client, oid: number): Promise<Array<{ name: string; type: string }>> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
      where attrelid = $1 and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
    [oid],
  );
  return rows;
}

/** Text forms that read back the same whatever the server's defaults: ISO dates, UTC times, every float digit. */
export async function setPortableSession(client: Client): Promise<void> {
  await client.query(`set datestyle = 'ISO, YMD'; set timezone = 'UTC'; set extra_float_digits = 3;
    set intervalstyle = 'iso_8601'; set bytea_output = 'hex'`);
}

/**
 * The database to work on, as `npm start` finds it: DATABASE_URL; else the embedded PostgreSQL under DATA_DIR on
 * PG_PORT — the running one when `npm start` is up (a backup needs no stop), otherwise started for the job.
 */
export async function openDatabase(log: (line: string) => void): Promise<Database> {
  const env = process.env;
  if (env.DATABASE_URL) return startDatabase({ databaseUrl: env.DATABASE_URL });
  const port = Number(env.PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const running = `postgres://postgres:postgres@127.0.0.1:${port}/hub`;
  const probe = new Client({ connectionString: running, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    log(`using the embedded PostgreSQL already running on port ${port}`);
    return { url: running, embedded: true, stop: async () => undefined };
  } catch {
    await probe.end().catch(() => undefined);
    log(`starting the embedded PostgreSQL in ${env.DATA_DIR ?? '.data'}/ on port ${port}`);
    return startDatabase({ dataDir: env.DATA_DIR, port });
  }
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
