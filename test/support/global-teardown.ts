import { rmSync } from 'node:fs';
import { Client } from 'pg';
import type { Database } from '../../subgraphs/common/database';

export default async function globalTeardown(): Promise<void> {
  // Both the stack and the browser projects name this teardown; the first to run stops the database.
  const db = (globalThis as { __hubDb?: Database }).__hubDb;
  if (!db) return;
  (globalThis as { __hubDb?: Database }).__hubDb = undefined;
  if (!db.embedded && process.env.HUB_TEST_SERVER_URL) {
    // On a shared server, leave nothing behind: drop this run's template and per-file databases.
    const admin = new Client({ connectionString: process.env.HUB_TEST_SERVER_URL });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'hub_test_%' and datname like $1`,
      [`%_${process.pid}%`],
    );
    for (const r of rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
    await admin.end();
  }
  await db.stop();
  if (db.embedded && process.env.HUB_TEST_DATA_DIR)
    rmSync(process.env.HUB_TEST_DATA_DIR, { recursive: true, force: true });
  if (process.env.HUB_TEST_WEB_BUILT) rmSync(process.env.HUB_TEST_WEB_BUILT, { recursive: true, force: true });
}
