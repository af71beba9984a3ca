import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { InProcessStack } from '../../scripts/stack';
import { signToken } from '../../shared/auth';
import { waitForDatabase } from '../../subgraphs/common/subgraph';
import { startDatabase, type Database } from '../../subgraphs/common/database';
import { buildServer, freePorts, launch, type Launched } from '../support/launch';
import { prepareDatabase, startInProcess, type GraphQLResponse } from '../support/stack';
import { subscribed, until } from '../support/wait';
import { collect, wsClient } from '../support/ws';

/**
 * Faults injected while a subscriber listens and clerks write: PostgreSQL stopped and restarted, a subgraph
 * killed with SIGKILL under `npm start`. Every event reaches the subscriber once, every accepted write is one row,
 * and a write refused during the fault is refused with a retryable SERVICE_UNAVAILABLE (HTTP 503).
 */
const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`;
const PROGRESS = `subscription($a: ID!) { progressUpdated(areaId: $a) { eventId cause progress { learners } } }`;
interface PU {
  progressUpdated: { eventId: string; cause: string };
}
/** A deliberate length of time that is part of the scenario (an outage), never a wait for a state. */
const outage = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post<T>(url: string, query: string, variables: object, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as GraphQLResponse<T>,
  };
}

let day = 10;
/** A report on a fresh day after the demo reports, so each one is its village's latest and moves its progress. */
const report = (village: string, registered: number) => ({
  input: {
    reporterId: village,
    reportDate: `2025-12-${String(day++).padStart(2, '0')}`,
    groups: [{ group: 'RESIDENTS', registered, completed: 0, certified: 0 }],
  },
});

const expectOnceInOrder = (events: PU[]) => {
  const ids = events.map((e) => Number(e.progressUpdated.eventId));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
};

describe('PostgreSQL stopped and restarted mid-stream (a private embedded server)', () => {
  let db: Database;
  let stack: InProcessStack;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-faults-'));
    const [port] = await freePorts(1);
    db = await startDatabase({ dataDir, port, database: 'hub' });
    await prepareDatabase(db.url, 'demo');
    stack = await startInProcess(db.url, { authSecret: randomBytes(32).toString('base64url') });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers SERVICE_UNAVAILABLE (503) while it is down, recovers by itself, and loses or repeats no event', async () => {
    const token = await signToken(stack.authSecret, {
      sub: 't:admin',
      name: 'Admin',
      role: 'PROVINCE_ADMIN',
      area: 'P23',
    });
    const gateway = stack.gateway.url;
    const base = gateway.replace(/\/graphql$/, '');
    const rows = async () => {
      const c = new Client({ connectionString: db.url });
      await c.connect();
      try {
        return Number((await c.query<{ n: string }>(`select count(*) as n from reports.unit_report`)).rows[0].n);
      } finally {
        await c.end();
      }
    };
    const rowsBefore = await rows();
    const client = wsClient(gateway);
    const sub = collect<PU>(client, PROGRESS, { a: 'C02949' });
    await subscribed(stack);
    for (const v of ['V02949-01', 'V02949-02'])
      expect((await post(gateway, SUBMIT, report(v, 500), token)).body.errors).toBeUndefined();
    await sub.waitFor(2);

    await db.cluster!.stop();
    const refused = await post(gateway, SUBMIT, report('V02949-03', 700), token);
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('5');
    expect(refused.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.body.errors?.[0].message).toMatch(/^Cơ sở dữ liệu tạm thời không truy cập được.*\(the database/);
    const read = await post(gateway, `{ commune(id: "C02949") { name progress { learners } } }`, {});
    expect(read.status).toBe(503);
    expect(read.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    // Alive, not ready: a load balancer would stop sending requests, a supervisor would not restart anything.
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const notReady = await fetch(`${base}/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      ready: false,
      database: 'down',
      subgraphs: { reports: { database: 'down' } },
    });
    const subgraphReady = await fetch(stack.subgraphs.reports.url.replace(/\/graphql$/, '/ready'));
    expect(subgraphReady.status).toBe(503);

    // The outage lasts longer than one reconnection attempt (its length is the scenario, not a wait for a state): the
    // LISTEN connections must keep trying until the server is back.
    await outage(2500);
    const back = Date.now();
    await db.cluster!.start();
    await until('the gateway ready again', async () => (await fetch(`${base}/ready`)).status === 200, 30_000);
    const recovery = Date.now() - back;
    console.log(`[faults] database back: gateway /ready after ${Date.now() - back} ms (${recovery} ms after start)`);
    // The refused report is sent again, as the error told the clerk; then one more.
    for (const v of ['V02949-03', 'V02949-04']) {
      const res = await post(gateway, SUBMIT, report(v, 900), token);
      expect(res.body.errors).toBeUndefined();
    }
    await sub.waitFor(4, 20_000);
    // A sentinel instead of a pause: one more report, and its event must be the very next one (nothing repeated).
    expect((await post(gateway, SUBMIT, report('V02949-05', 100), token)).body.errors).toBeUndefined();
    const events = await sub.waitFor(5, 20_000);
    expect(sub.events).toHaveLength(5);
    expect(events.map((e) => e.progressUpdated.cause)).toEqual(['REPORT', 'REPORT', 'REPORT', 'REPORT', 'REPORT']);
    expectOnceInOrder(sub.events);
    expect(await rows()).toBe(rowsBefore + 5);
    await client.dispose();
  }, 60_000);

  it('a subgraph (re)started while the database is down waits for it instead of crashing', async () => {
    await db.cluster!.stop();
    const lines: string[] = [];
    const waiting = waitForDatabase(db.url, (l) => lines.push(l));
    await until('two retry lines', () => lines.length >= 2); // it keeps trying, not once
    expect(lines[0]).toMatch(/^database unavailable \(.*ECONNREFUSED.*\); retrying in 500 ms$/);
    await db.cluster!.start();
    await waiting;
    expect(lines.length).toBeGreaterThanOrEqual(2);
  }, 30_000);
});

describe('a subgraph killed under npm start (supervised)', () => {
  let launched: Launched | undefined;
  const dbName = `${process.env.HUB_TEST_TEMPLATE}_faults_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: process.env.HUB_TEST_SERVER_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  beforeAll(async () => {
    buildServer();
    await admin(`create database "${dbName}" template "${process.env.HUB_TEST_TEMPLATE}"`);
  }, 120_000);
  afterAll(async () => {
    await launched?.stop();
    await admin(`drop database if exists "${dbName}" with (force)`);
  });

  it('restarts it with back-off while the rest keeps serving, and the subscriber loses or repeats no event', async () => {
    const url = new URL(process.env.HUB_TEST_SERVER_URL!);
    url.pathname = `/${dbName}`;
    const secret = randomBytes(32).toString('base64url');
    launched = await launch({ DATABASE_URL: url.toString(), AUTH_SECRET: secret });
    await launched.waitFor('[hub] ready', 90_000);
    const gateway = `http://127.0.0.1:${launched.ports.gateway}/graphql`;
    const token = await signToken(secret, { sub: 't:admin', name: 'Admin', role: 'PROVINCE_ADMIN', area: 'P23' });
    const rows = async () => {
      const c = new Client({ connectionString: url.toString() });
      await c.connect();
      try {
        return Number((await c.query<{ n: string }>(`select count(*) as n from reports.unit_report`)).rows[0].n);
      } finally {
        await c.end();
      }
    };
    const rowsBefore = await rows();
    const client = wsClient(gateway);
    const sub = collect<PU>(client, PROGRESS, { a: 'C02032' });
    // Separate processes: no hub to ask whether the subscription is open yet, so give it a moment.
    await outage(1000);
    expect((await post(gateway, SUBMIT, report('V02032-01', 100), token)).body.errors).toBeUndefined();
    await sub.waitFor(1);

    const pidOf = (name: string) =>
      Number([...launched!.output().matchAll(new RegExp(`${name} started \\(pid (\\d+)\\)`, 'g'))].pop()![1]);
    process.kill(pidOf('reports'), 'SIGKILL');
    await launched.waitFor('reports stopped unexpectedly (SIGKILL); restarting in');
    // Meanwhile a report is refused with a retryable error, and the rest of the hub keeps working: the registry
    // records a population correction, which reports catches up on when it is back.
    const refused = await post(gateway, SUBMIT, report('V02032-02', 200), token);
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const correction = await post(
      gateway,
      `mutation { recordPopulation(areaId: "V02032-02", population: { asOf: "2025-11-01", adults: 1234 }, reason: "Rà soát") { id } }`,
      {},
      token,
    );
    expect(correction.body.errors).toBeUndefined();
    await launched.waitFor(/reports restarted: answering again after \d+ ms/, 30_000);
    const restartMs = Number(/reports restarted: answering again after (\d+) ms/.exec(launched.output())![1]);
    console.log(`[faults] killed reports subgraph answering again after ${restartMs} ms`);
    day -= 1; // the refused report is sent again as it was
    for (const [v, n] of [
      ['V02032-02', 200],
      ['V02032-03', 300],
    ] as const) {
      expect((await post(gateway, SUBMIT, report(v, n), token)).body.errors).toBeUndefined();
    }
    await sub.waitFor(4, 20_000);
    // A sentinel instead of a pause: one more report, and its event must be the very next one (nothing repeated).
    expect((await post(gateway, SUBMIT, report('V02032-04', 400), token)).body.errors).toBeUndefined();
    await sub.waitFor(5, 20_000);
    expect(sub.events.map((e) => e.progressUpdated.cause)).toEqual([
      'REPORT',
      'POPULATION',
      'REPORT',
      'REPORT',
      'REPORT',
    ]);
    expectOnceInOrder(sub.events);
    expect(await rows()).toBe(rowsBefore + 4);
    await client.dispose();

    // The gateway too is brought back.
    process.kill(pidOf('gateway'), 'SIGKILL');
    await launched.waitFor(/gateway restarted: answering again after \d+ ms/, 30_000);
    const read = await post<{ commune: { name: string } }>(gateway, `{ commune(id: "C02032") { name } }`, {});
    expect(read.body.data?.commune.name).toBe('Ngọk Bay');
    expect(launched.output()).not.toContain('stopping everything');

    launched.kill('SIGTERM');
    expect(await launched.exited).toBe(0);
  }, 120_000);
});
