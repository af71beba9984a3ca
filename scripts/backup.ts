// `npm run backup [-- <file>]`: a consistent snapshot of every subgraph's schema (one REPEATABLE READ, read-only
// transaction, so the hub keeps serving and writing meanwhile) in a gzipped JSON-lines archive (scripts/archive.ts).
import { once } from 'node:events';
import { chmodSync, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
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

const FETCH = 5000;

export interface BackupResult {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
}

/** Writes the archive to `file` (through `file.partial`, so a failed backup never leaves a file that looks whole). */
export async function backupDatabase(
  databaseUrl: string,
  file: string,
  say: (line: string) => void = () => undefined,
): Promise<BackupResult> {
  if (existsSync(file)) throw new Error(`${file} already exists; choose another name (a backup never overwrites)`);
  const partial = `${file}.partial`;
  const gzip = createGzip();
  // 0600: the archive holds password hashes and phone numbers; only the hub's own user reads it. (A partial file
  // left by a crash would keep its old mode, so it goes first.)
  rmSync(partial, { force: true });
  const done = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    await setPortableSession(client);
    // One snapshot for every schema: the rows of all tables are as they were at this instant, whatever commits next.
    await client.query('begin isolation level repeatable read read only');
    const migrations: Record<string, string[]> = {};
    for (const schema of SCHEMAS) {
      const found = await client.query<{ t: string | null }>(`select to_regclass($1) as t`, [
        `${schema}.mikro_orm_migrations`,
      ]);
      if (!found.rows[0].t) throw new Error(`schema "${schema}" has no migrations table: is this the hub's database?`);
      const { rows } = await client.query<{ name: string }>(
        `select name from ${quoted(`${schema}.mikro_orm_migrations`)} order by id`,
      );
      migrations[schema] = rows.map((r) => r.name);
    }
    const { rows: version } = await client.query<{ server_version: string }>('show server_version');
    const header: ArchiveHeader = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      server: version[0].server_version,
      migrations,
    };
    await write(header);
    const trailer: ArchiveTrailer = { end: true, tables: {}, sequences: [] };
    let total = 0;
    const tables = await hubTables(client);
    for (const table of tables) {
      const columns = await tableColumns(client, table.oid);
      const start: TableStart = { table: table.name, columns: columns.map((c) => c.name) };
      await write(start);
      const list = columns.map((c) => `${quoted(c.name)}::text`).join(', ');
      await client.query(`declare dump no scroll cursor for select ${list} from ${quoted(table.name)}`);
      let rows = 0;
      for (;;) {
        const batch = await client.query({ text: `fetch forward ${FETCH} from dump`, rowMode: 'array' });
        for (const row of batch.rows as unknown[][]) await write(row);
        rows += batch.rows.length;
        if (batch.rows.length < FETCH) break;
      }
      await client.query('close dump');
      trailer.tables[table.name] = { rows };
      total += rows;
      say(`${table.name}: ${formatCount(rows)} rows`);
    }
    // Sequences are not transactional: read last, they are at least as far as any row in the snapshot.
    const { rows: sequences } = await client.query<{ sequence: string; last_value: string | null }>(
      `select schemaname || '.' || sequencename as sequence, last_value::text from pg_sequences
        where schemaname = any($1) order by 1`,
      [SCHEMAS],
    );
    trailer.sequences = sequences.map((s) => ({
      sequence: s.sequence,
      lastValue: s.last_value === null ? null : Number(s.last_value),
    }));
    await write(trailer);
    await client.query('commit');
    gzip.end();
    await done;
    renameSync(partial, file);
    const bytes = statSync(file).size;
    say(
      `wrote ${file}: ${tables.length} tables, ${formatCount(total)} rows, ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return { file, tables: tables.length, rows: total, bytes };
  } catch (error) {
    gzip.destroy();
    await done.catch(() => undefined);
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** backups/hub-2026-11-28T05-30-00Z.jsonl.gz */
export function defaultBackupFile(now = new Date()): string {
  return path.join(
    'backups',
    `hub-${now
      .toISOString()
      .replace(/:/g, '-')
      .replace(/\.\d+Z$/, 'Z')}.jsonl.gz`,
  );
}

/**
 * The folder of a backup. The default one (backups/) is made, or tightened, to 0700; a folder named on the command
 * line must exist and keeps its own permissions (its owner chose them).
 */
export function backupFolder(file: string, named: boolean): string {
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir)) {
    if (named) throw new Error(`folder ${dir} does not exist`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  if (!named) chmodSync(dir, 0o700);
  return dir;
}

async function main(): Promise<void> {
  const say = (line: string) => console.log(`[backup] ${line}`);
  const file = path.resolve(process.argv[2] ?? defaultBackupFile());
  backupFolder(file, process.argv[2] !== undefined);
  const db = await openDatabase(say);
  try {
    await backupDatabase(db.url, file, say);
  } finally {
    await db.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`[backup] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
