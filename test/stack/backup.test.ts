import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { backupFolder } from '../../scripts/backup';
import type { InProcessStack } from '../../scripts/stack';
import { withDatabase } from '../../subgraphs/common/database';
import { SUBGRAPHS } from '../../shared/topology';
import {
  backupDatabase,
  ok,
  restoreDatabase,
  startInProcess,
  startTestStack,
  type GraphQLResponse,
  type TestStack,
} from '../support/stack';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-backup-'));
const databases: string[] = [];
let stack: TestStack;
let restored: InProcessStack | undefined;

async function sql<R>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as R[];
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server. */
async function emptyDatabase(): Promise<string> {
  const name = `${process.env.HUB_TEST_TEMPLATE}_restore_${randomBytes(4).toString('hex')}`;
  await sql(process.env.HUB_TEST_SERVER_URL!, `create database "${name}"`);
  databases.push(name);
  return withDatabase(process.env.HUB_TEST_SERVER_URL!, name);
}

/** Every table of the hub's schemas: its row count and a checksum of its rows' text. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>(
    url,
    `select schemaname || '.' || tablename as name from pg_tables where schemaname = any($1) order by 1`,
    [SUBGRAPHS],
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [{ n, sum }] = await sql<{ n: string; sum: string | null }>(
      url,
      `select count(*)::text as n, md5(string_agg(t::text, E'\\n' order by t::text)) as sum from ${name} t`,
    );
    out[name] = `${n} ${sum}`;
  }
  return out;
}

const BA_TO = `{ commune(id: "C02949") { name progress(asOf: "2025-12-12") { learners officialsRegistered residentsRegistered participationRate } } }`;
const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id version } }`;
const report = (reportDate: string, registered: number) => ({
  input: {
    reporterId: 'V02949-08',
    reportDate,
    groups: [{ group: 'RESIDENTS', registered, completed: 10, certified: 5 }],
    guidedResidents: 12,
  },
});

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await restored?.stop();
  await stack?.stop();
  for (const name of databases)
    await sql(process.env.HUB_TEST_SERVER_URL!, `drop database if exists "${name}" with (force)`);
  rmSync(dir, { recursive: true, force: true });
});

const archive = path.join(dir, 'hub.jsonl.gz');

describe('npm run backup / npm run restore', () => {
  it('restores a live hub into an empty database: same rows in every table, same answers, new writes fit', async () => {
    const admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
    ok(await stack.gql(SUBMIT, report('2025-12-12', 500), admin));
    for (const name of SUBGRAPHS) for (const c of stack.subgraphs[name].consumers) await c.catchUp();
    const before = ok(await stack.gql(BA_TO));

    const progress: string[] = [];
    const made = await backupDatabase(stack.databaseUrl, archive, (l) => progress.push(l));
    const source = await fingerprint(stack.databaseUrl);
    expect(progress).toContain('registry.commune: 3,320 rows');
    expect(progress[progress.length - 1]).toMatch(/^wrote .*hub\.jsonl\.gz: \d+ tables, [\d,]+ rows/);
    expect(made.tables).toBe(Object.keys(source).length);
    // Password hashes and phone numbers: readable by the hub's own user only (issue 21).
    expect(statSync(archive).mode & 0o777).toBe(0o600);

    const target = await emptyDatabase();
    const said: string[] = [];
    const result = await restoreDatabase(target, archive, (l) => said.push(l));
    expect(result.rows).toBe(made.rows);
    expect(said).toContain('registry.commune: 3,320 rows');
    // Row counts and checksums of every table, the migrations tables included.
    expect(await fingerprint(target)).toEqual(source);
    expect(Object.keys(source)).toEqual(expect.arrayContaining(SUBGRAPHS.map((s) => `${s}.mikro_orm_migrations`)));

    // Every sequence is past the largest id in its column.
    const owned = await sql<{ seq: string; tbl: string; col: string; last: string | null }>(
      target,
      `select n.nspname || '.' || s.relname as seq, n.nspname || '.' || t.relname as tbl, a.attname as col,
              (select last_value::text from pg_sequences where schemaname = n.nspname and sequencename = s.relname) as last
         from pg_class s join pg_namespace n on n.oid = s.relnamespace
         join pg_depend d on d.objid = s.oid and d.deptype = 'a' join pg_class t on t.oid = d.refobjid
         join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        where s.relkind = 'S' and n.nspname = any($1)`,
      [SUBGRAPHS],
    );
    expect(owned.length).toBeGreaterThanOrEqual(12);
    const behind: string[] = [];
    for (const o of owned) {
      const [{ max }] = await sql<{ max: string | null }>(target, `select max("${o.col}")::text as max from ${o.tbl}`);
      if (max !== null && Number(o.last ?? 0) < Number(max)) behind.push(`${o.seq} at ${o.last} < ${max}`);
    }
    expect(behind).toEqual([]);

    // The restored hub answers as the original did, and takes new reports.
    restored = await startInProcess(target, { authSecret: stack.authSecret });
    const ask = async (query: string, variables?: unknown, token?: string) =>
      (await (
        await fetch(restored!.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as GraphQLResponse<Record<string, unknown>>;
    expect(ok(await ask(BA_TO))).toEqual(before);
    const written = ok(await ask(SUBMIT, report('2025-12-13', 520), admin.token)) as {
      submitUnitReport: { id: string };
    };
    const [{ n }] = await sql<{ n: string }>(target, `select count(*)::text as n from reports.unit_report`);
    expect(Number(n)).toBe(Number(source['reports.unit_report'].split(' ')[0]) + 1);
    expect(written.submitUnitReport.id).toBeTruthy();
  });

  it('refuses a missing file, a non-empty target, a file that is not an archive and a cut-off archive', async () => {
    const target = await emptyDatabase();
    await expect(restoreDatabase(target, path.join(dir, 'none.jsonl.gz'))).rejects.toThrow(/no archive at/);
    await expect(restoreDatabase(stack.databaseUrl, archive)).rejects.toThrow(
      /target database is not empty \(it has directives\.audit_entry.*restore only into an empty database/,
    );
    const text = path.join(dir, 'notes.txt');
    writeFileSync(text, 'not a backup\n');
    await expect(restoreDatabase(target, text)).rejects.toThrow(/not a complete gzip archive of npm run backup/);
    const otherJson = path.join(dir, 'other.jsonl.gz');
    writeFileSync(otherJson, gzipSync('{"hello":1}\n'));
    await expect(restoreDatabase(target, otherJson)).rejects.toThrow(/is not an archive of npm run backup/);

    // Without its last line (the trailer) the archive is incomplete: nothing is restored, the target stays empty.
    const lines = gunzipSync(readFileSync(archive)).toString('utf8').trimEnd().split('\n');
    const cut = path.join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n')));
    await expect(restoreDatabase(target, cut)).rejects.toThrow(
      /is incomplete \(cut off in reports\.\w+\); nothing restored/,
    );
    const bytes = path.join(dir, 'bytes.jsonl.gz');
    const whole = readFileSync(archive);
    writeFileSync(bytes, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(restoreDatabase(target, bytes)).rejects.toThrow(/not a complete gzip archive/);
    expect(await sql(target, `select tablename from pg_tables where schemaname = any($1)`, [SUBGRAPHS])).toEqual([]);

    // The same target then takes the whole archive.
    const result = await restoreDatabase(target, archive);
    expect(result.rows).toBeGreaterThan(3320);
    await expect(backupDatabase(stack.databaseUrl, archive)).rejects.toThrow(/already exists/);
  });

  it('keeps the default backups folder to the hub’s own user (0700), and leaves a folder one names alone', () => {
    const made = path.join(dir, 'fresh', 'backups');
    backupFolder(path.join(made, 'hub.jsonl.gz'), false);
    expect(statSync(made).mode & 0o777).toBe(0o700);
    const old = path.join(dir, 'old-backups');
    mkdirSync(old);
    chmodSync(old, 0o755);
    backupFolder(path.join(old, 'hub.jsonl.gz'), false);
    expect(statSync(old).mode & 0o777).toBe(0o700);
    const named = path.join(dir, 'shared-folder');
    mkdirSync(named);
    chmodSync(named, 0o755);
    backupFolder(path.join(named, 'hub.jsonl.gz'), true);
    expect(statSync(named).mode & 0o777).toBe(0o755);
    expect(() => backupFolder(path.join(dir, 'missing', 'hub.jsonl.gz'), true)).toThrow(/does not exist/);
  });
});
