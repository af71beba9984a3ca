import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { prepareDatabase } from '../../scripts/stack';
import { adminUrlOf, startDatabase, withDatabase, type Database } from '../../subgraphs/common/database';
import { seedDemo } from '../../subgraphs/registry/seed';
import { initORM } from '../../subgraphs/common/orm';
import { registry } from '../../subgraphs/registry/main';

export const TEMPLATE_PREFIX = 'hub_test_';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * One PostgreSQL for the whole run: the server at DATABASE_URL when set, else an embedded one in a temporary
 * folder. A template database is migrated and seeded once (reference data, demo data for Quảng Ngãi and, so that
 * tests can compare provinces of different sizes, for Huế too); each test file then gets a fresh copy of it.
 */
export default async function globalSetup(): Promise<void> {
  // The stack and browser projects share this one database: the second project's setup finds it ready.
  if ((globalThis as { __hubDb?: Database }).__hubDb) return;
  const started = Date.now();
  let db: Database;
  if (process.env.DATABASE_URL) {
    db = await startDatabase({ databaseUrl: process.env.DATABASE_URL });
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
    process.env.HUB_TEST_DATA_DIR = dataDir; // removed by the teardown (each run's server is ~150 MB)
    // A throw-away server: durability across a power cut is not what the tests test, so commits and new databases
    // do not wait for the disk (the tests' writes still go through PostgreSQL's real transactions and locks). Room
    // for every test file's stacks at once, each with its four subgraphs' pools.
    db = await startDatabase({
      dataDir,
      port: await freePort(),
      database: 'postgres',
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
  }
  (globalThis as { __hubDb?: Database }).__hubDb = db;
  const template = `${TEMPLATE_PREFIX}template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrlOf(db.url) });
  await admin.connect();
  await admin.query(`drop database if exists "${template}"`);
  await admin.query(`create database "${template}"`);
  await admin.end();
  const templateUrl = withDatabase(db.url, template);
  await prepareDatabase(templateUrl, 'demo');
  const orm = await initORM({
    subgraph: 'registry',
    clientUrl: templateUrl,
    entities: registry.entities,
    migrations: registry.migrations,
    poolMax: 1,
  });
  await seedDemo(orm.orm.em.fork(), () => undefined, '04');
  await orm.close();
  // MikroORM keeps its metadata on globalThis; when jest runs a single file in this same process, the test's
  // sandbox would see this realm's objects and fail. Leave no such state behind.
  for (const key of Object.keys(globalThis))
    if (key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
  process.env.HUB_TEST_SERVER_URL = adminUrlOf(db.url);
  process.env.HUB_TEST_TEMPLATE = template;
  console.log(
    `\n[test] PostgreSQL ready (${db.embedded ? 'embedded' : 'DATABASE_URL'}), template seeded in ${Date.now() - started} ms`,
  );
}
