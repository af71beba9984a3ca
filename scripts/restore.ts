// `npm run restore -- <file>`: loads an archive of `npm run backup` into an empty database (DATABASE_URL, or the
// embedded one under DATA_DIR): migrations to the archive's level, then every row in one transaction, then the
// sequences, so that new writes after the restore never collide with restored ids.
import 'reflect-metadata';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { initORM } from '../subgraphs/common/orm';
import { SUBGRAPHS } from '../shared/topology';
import {
  FORMAT,
  formatCount,
  hubTables,
  openDatabase,
  quoted,
  SCHEMAS,
  setPortableSession,
  tableColumns,
  VERSION,
  type ArchiveHeader,
  type ArchiveTrailer,
  type TableStart,
} from './archive';
import { DEFINITIONS } from './stack';

const BATCH = 1000;

/** The archive's lines, parsed; a damaged file (not gzip, not JSON) fails with a message naming the line. */
async function* archiveLines(file: string): AsyncGenerator<unknown> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let n = 0;
  const parse = (line: string) => {
    n += 1;
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new Error(`${file} is damaged: line ${n} is not JSON`);
    }
  };
  try {
    for await (const chunk of createReadStream(file).pipe(createGunzip())) {
      pending += decoder.write(chunk as Buffer);
      const parts = pending.split('\n');
      pending = parts.pop()!;
      for (const line of parts) yield parse(line);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE')
      throw new Error(`${file} is not a complete gzip archive of npm run backup (${(error as Error).message})`, {
        cause: error,
      });
    throw error;
  }
  pending += decoder.end();
  if (pending.length > 0) yield parse(pending);
}

function checkHeader(file: string, value: unknown): ArchiveHeader {
  const header = value as Partial<ArchiveHeader> | undefined;
  if (header?.format !== FORMAT) throw new Error(`${file} is not an archive of npm run backup`);
  if (header.version !== VERSION)
    throw new Error(`${file} has archive version ${header.version}; this hub reads version ${VERSION}`);
  for (const name of SUBGRAPHS) {
    const known = DEFINITIONS[name].migrations().map((m) => m.name);
    const archived = header.migrations?.[name] ?? [];
    const unknown = archived.find((m, i) => known[i] !== m);
    if (unknown || archived.length === 0)
      throw new Error(
        `${file} was made by another version of the hub (${name} migration ${unknown ?? 'list empty'} is not this version's); restore it with the version that wrote it`,
      );
  }
  return header as ArchiveHeader;
}

async function assertEmpty(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `select schemaname || '.' || tablename as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') order by 1 limit 4`,
  );
  if (rows.length > 0)
    throw new Error(
      `the target database is not empty (it has ${rows.map((r) => r.name).join(', ')}${rows.length > 3 ? ', …' : ''}); restore only into an empty database: create a new one, or point DATABASE_URL / DATA_DIR elsewhere`,
    );
}

/** Migrates each subgraph's schema to exactly the archive's level (newer migrations run at the next npm start). */
async function migrateTo(databaseUrl: string, header: ArchiveHeader): Promise<void> {
  for (const name of SUBGRAPHS) {
    const def = DEFINITIONS[name];
    const orm = await initORM({
      subgraph: name,
      clientUrl: databaseUrl,
      entities: def.entities,
      migrations: def.migrations,
      poolMax: 1,
    });
    try {
      const names = header.migrations[name];
      await orm.migrator().up({ to: names[names.length - 1] });
    } finally {
      await orm.close();
    }
  }
}

export interface RestoreResult {
  tables: number;
  rows: number;
}

async function load(client: Client, file: string, say: (line: string) => void): Promise<RestoreResult> {
  const tables = await hubTables(client);
  const oids = new Map(tables.map((t) => [t.name, t.oid]));
  // Whatever the migrations themselves inserted is replaced by the archive's rows.
  await client.query(`truncate ${tables.map((t) => quoted(t.name)).join(', ')}`);
  const loaded = new Map<string, number>();
  let current: { table: string; sql: string; columns: number; rows: unknown[][] } | null = null;
  let trailer: ArchiveTrailer | null = null;
  const flush = async () => {
    if (!current || current.rows.length === 0) return;
    const byColumn = Array.from({ length: current.columns }, (_, i) => current!.rows.map((r) => r[i] ?? null));
    await client.query(current.sql, byColumn);
    loaded.set(current.table, (loaded.get(current.table) ?? 0) + current.rows.length);
    current.rows = [];
  };
  const finish = async () => {
    await flush();
    if (current) say(`${current.table}: ${formatCount(loaded.get(current.table) ?? 0)} rows`);
  };
  let first = true;
  for await (const line of archiveLines(file)) {
    if (first) {
      first = false; // the header, checked before
    } else if (trailer) {
      throw new Error(`${file} is damaged: lines after its end`);
    } else if (Array.isArray(line)) {
      if (!current) throw new Error(`${file} is damaged: a row before any table`);
      if (line.length !== current.columns) throw new Error(`${file} is damaged: a row of ${current.table} is cut`);
      current.rows.push(line as unknown[]);
      if (current.rows.length >= BATCH) await flush();
    } else if (typeof (line as TableStart).table === 'string') {
      await finish();
      const start = line as TableStart;
      const oid = oids.get(start.table);
      if (oid === undefined) throw new Error(`${file} has table ${start.table}, which this hub's migrations lack`);
      const types = new Map((await tableColumns(client, oid)).map((c) => [c.name, c.type]));
      const missing = start.columns.find((c) => !types.has(c));
      if (missing) throw new Error(`${file} has column ${start.table}.${missing}, which this hub's migrations lack`);
      const cols = start.columns.map(quoted).join(', ');
      const params = start.columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
      const casts = start.columns.map((c) => `x.${quoted(c)}::${types.get(c)}`).join(', ');
      const { rows: identity } = await client.query(
        `select 1 from pg_attribute where attrelid = $1 and attidentity = 'a'`,
        [oid],
      );
      const overriding = identity.length > 0 ? ' overriding system value' : '';
      const sql = `insert into ${quoted(start.table)} (${cols})${overriding} select ${casts} from unnest(${params}) as x(${cols})`;
      current = { table: start.table, sql, columns: start.columns.length, rows: [] };
    } else if ((line as ArchiveTrailer).end === true) {
      await finish();
      trailer = line as ArchiveTrailer;
    } else {
      throw new Error(`${file} is damaged: an unknown line`);
    }
  }
  if (!trailer)
    throw new Error(`${file} is incomplete (cut off${current ? ` in ${current.table}` : ''}); nothing restored`);
  for (const [table, { rows }] of Object.entries(trailer.tables))
    if ((loaded.get(table) ?? 0) !== rows)
      throw new Error(`${file} is damaged: ${table} should have ${rows} rows, found ${loaded.get(table) ?? 0}`);
  await restoreSequences(client, trailer);
  const rows = [...loaded.values()].reduce((a, b) => a + b, 0);
  return { tables: Object.keys(trailer.tables).length, rows };
}

/** Each sequence at least where the archive left it and past the largest id restored in its column. */
async function restoreSequences(client: Client, trailer: ArchiveTrailer): Promise<void> {
  const archived = new Map(trailer.sequences.map((s) => [s.sequence, s.lastValue]));
  const { rows } = await client.query<{ sequence: string; table: string | null; column: string | null }>(
    `select n.nspname || '.' || s.relname as sequence, tn.nspname || '.' || t.relname as table, a.attname as column
       from pg_class s join pg_namespace n on n.oid = s.relnamespace
       left join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
        and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
       left join pg_class t on t.oid = d.refobjid left join pg_namespace tn on tn.oid = t.relnamespace
       left join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where s.relkind = 'S' and n.nspname = any($1)`,
    [SCHEMAS],
  );
  for (const s of rows) {
    let value = archived.get(s.sequence) ?? 0;
    if (s.table && s.column) {
      const [{ max }] = (await client.query(`select max(${quoted(s.column)})::text as max from ${quoted(s.table)}`))
        .rows as Array<{ max: string | null }>;
      value = Math.max(value, Number(max ?? 0));
    }
    if (value > 0) await client.query(`select setval($1::regclass, $2, true)`, [quoted(s.sequence), value]);
  }
}

export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  say: (line: string) => void = () => undefined,
): Promise<RestoreResult> {
  if (!existsSync(file)) throw new Error(`no archive at ${file}`);
  const started = Date.now();
  let header: ArchiveHeader | undefined;
  for await (const line of archiveLines(file)) {
    header = checkHeader(file, line);
    break;
  }
  if (!header) throw new Error(`${file} is empty`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let migrated = false;
  try {
    await assertEmpty(client);
    say(`restoring the backup of ${header.createdAt} (PostgreSQL ${header.server})`);
    migrated = true;
    await migrateTo(databaseUrl, header);
    await setPortableSession(client);
    await client.query('begin');
    const result = await load(client, file, say);
    await client.query('commit');
    say(
      `restored ${result.tables} tables, ${formatCount(result.rows)} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    // The database was empty: leave it empty again, so the restore can simply be run once more.
    if (migrated)
      await client.query(`drop schema if exists ${SCHEMAS.map(quoted).join(', ')} cascade`).catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const say = (line: string) => console.log(`[restore] ${line}`);
  const arg = process.argv[2];
  if (!arg) throw new Error('which archive? npm run restore -- <file made by npm run backup>');
  const file = path.resolve(arg);
  if (!existsSync(file)) throw new Error(`no archive at ${file}`);
  const db = await openDatabase(say);
  try {
    await restoreDatabase(db.url, file, say);
  } finally {
    await db.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`[restore] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
