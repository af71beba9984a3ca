import type { EntityManager } from '@mikro-orm/postgresql';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../shared/logging';
import { createObservability, metricsHandler } from '../../shared/metrics';
import { outboxLag, type LagConsumer } from '../../subgraphs/common/outbox-lag';
import { logTo, ok, startTestStack, type TestStack } from '../support/stack';
import { collect, wsClient } from '../support/ws';
import { until } from '../support/wait';

// Every logger the stack creates writes here (the gateway's and each subgraph's), as JSON lines.
const lines: string[] = [];
let stack: TestStack;
beforeAll(async () => {
  logTo({ write: (line: string) => void lines.push(line) }, 'info');
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
  logTo(null);
});

interface LogLine {
  service: string;
  level: string;
  requestId?: string;
  msg: string;
  operation?: string | null;
  errors?: string[];
}
const logged = (): LogLine[] => lines.map((l) => JSON.parse(l) as LogLine);
const BA_TO = `query BaToProgress { commune(id: "C02949") { name progress(asOf: "2025-10-26") { learners } } }`;

async function post(query: string, headers: Record<string, string> = {}) {
  const res = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { res, body: (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } };
}

const metricsUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '/metrics');
async function scrape(graphqlUrl: string): Promise<string> {
  const res = await fetch(metricsUrl(graphqlUrl));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

/** The sum of a metric's samples whose labels include every given pair (absent: 0). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const set = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => set.includes(`${k}="${v}"`))) sum += Number(m[3]);
  }
  return sum;
}

describe('structured logs', () => {
  it("carries one request's id from the gateway to the registry and reports subgraphs' log lines", async () => {
    const { res, body } = await post(BA_TO, { 'x-request-id': 'clerk-check-0042' });
    expect(body.errors).toBeUndefined();
    expect(res.headers.get('x-request-id')).toBe('clerk-check-0042');
    const mine = logged().filter((l) => l.requestId === 'clerk-check-0042');
    const services = new Set(mine.map((l) => l.service));
    expect(services).toEqual(new Set(['gateway', 'registry', 'reports']));
    const gatewayLine = mine.find((l) => l.service === 'gateway')!;
    expect(gatewayLine).toMatchObject({ level: 'info', msg: 'graphql request', operation: 'BaToProgress' });
    // Another request's lines never carry this id.
    await post(BA_TO);
    expect(logged().filter((l) => l.requestId === 'clerk-check-0042')).toHaveLength(mine.length);
  });

  it('makes up an id when the caller sends none or an unusable one, and answers with it', async () => {
    for (const sent of [undefined, 'bad id with spaces', 'x'.repeat(500)]) {
      const { res } = await post(BA_TO, sent ? { 'x-request-id': sent } : {});
      const id = res.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const reportsLines = logged().filter((l) => l.requestId === id && l.service === 'reports');
      expect(reportsLines.length).toBeGreaterThan(0);
    }
  });

  it('logs an error response with its code', async () => {
    const { res } = await post('{ commune(id: "C02949") { nosuchfield } }', { 'x-request-id': 'bad-field-1' });
    expect(res.status).toBe(400);
    const line = logged().find((l) => l.requestId === 'bad-field-1' && l.service === 'gateway');
    expect(line?.errors).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('Prometheus metrics', () => {
  it('counts requests and latency per operation name and errors by code at the gateway', async () => {
    const before = await scrape(stack.gateway.url);
    const count = (t: string) =>
      sample(t, 'hub_graphql_request_duration_seconds_count', { operation_name: 'BaToProgress' });
    for (let i = 0; i < 3; i++) ok(await stack.gql(BA_TO));
    await post('{ commune(id: ');
    const after = await scrape(stack.gateway.url);
    expect(count(after) - count(before)).toBe(3);
    expect(
      sample(after, 'hub_graphql_request_duration_seconds_bucket', { operation_name: 'BaToProgress', le: '+Inf' }),
    ).toBe(count(after));
    expect(
      sample(after, 'hub_graphql_request_duration_seconds_sum', { operation_name: 'BaToProgress' }),
    ).toBeGreaterThan(0);
    const parseErrors = (t: string) => sample(t, 'hub_graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' });
    expect(parseErrors(after) - parseErrors(before)).toBe(1);
    const status = (t: string, s: string) => sample(t, 'hub_http_responses_total', { status: s });
    expect(status(after, '200') - status(before, '200')).toBeGreaterThanOrEqual(3);
    expect(status(after, '400') - status(before, '400')).toBe(1);
    expect(sample(after, 'hub_process_resident_memory_bytes', { service: 'gateway' })).toBeGreaterThan(0);
  });

  it("counts the reports subgraph's own requests and shows its consumers' outbox lag", async () => {
    const total = (t: string) => sample(t, 'hub_graphql_request_duration_seconds_count');
    const before = await scrape(stack.subgraphs.reports.url);
    ok(await stack.gql(BA_TO));
    const after = await scrape(stack.subgraphs.reports.url);
    expect(total(after)).toBeGreaterThan(total(before));
    expect(after).toMatch(
      /hub_graphql_request_duration_seconds_count\{[^}]*operation_name="BaToProgress__reports__\d+"/,
    );
    for (const consumer of ['registry-to-reports', 'directives-to-reports'])
      expect(after).toMatch(new RegExp(`hub_outbox_lag\\{[^}]*consumer="${consumer}"[^}]*\\} \\d+`));
    const registry = await scrape(stack.subgraphs.registry.url);
    expect(registry).toMatch(/hub_outbox_lag\{[^}]*consumer="registry.audit.plans"/);
  });

  it('measures outbox lag as the newest sequence of the read topics minus the consumer position', async () => {
    const em = stack.subgraphs.reports.orm.orm.em.fork() as EntityManager;
    const query = (sql: string, params: unknown[]) => em.execute(sql, params);
    const consumer: LagConsumer = {
      producer: 'registry',
      consumer: 'reports',
      name: 'test.lag',
      topics: ['area.upserted'],
    };
    const [{ seq: newest }] = await stack.sql<{ seq: string }>(
      `select max(seq) as seq from registry.outbox_event where topic = 'area.upserted'`,
    );
    expect(Number(newest)).toBeGreaterThan(3);
    // Never started: every event is pending.
    expect(await outboxLag(query, consumer)).toBe(Number(newest));
    await stack.sql(`insert into reports.event_offset (name, last_seq) values ('test.lag', $1)`, [Number(newest) - 3]);
    expect(await outboxLag(query, consumer)).toBe(3);
    // Events of topics it does not read do not make it look behind.
    await stack.sql(`insert into registry.outbox_event (topic, payload) values ('test.other', '{}')`);
    await stack.sql(`update reports.event_offset set last_seq = $1 where name = 'test.lag'`, [Number(newest)]);
    expect(await outboxLag(query, consumer)).toBe(0);
  });

  it('shows subscription clients and upstream subscriptions at the gateway', async () => {
    const gauge = async (name: string) => sample(await scrape(stack.gateway.url), name);
    expect(await gauge('hub_gateway_subscription_clients')).toBe(0);
    const client = wsClient(stack.gateway.url);
    const sub = collect(client, `subscription { progressUpdated(areaId: "C02949") { eventId } }`);
    await until('an upstream subscription', () => stack.gateway.subscriptions.upstreams() > 0);
    expect(await gauge('hub_gateway_subscription_clients')).toBe(1);
    expect(await gauge('hub_gateway_upstream_subscriptions')).toBe(1);
    sub.stop();
    await client.dispose();
  });

  it('logs each subscription on graphql-ws when it ends, and a refused one with its code, as HTTP requests', async () => {
    const refusedBefore = sample(await scrape(stack.gateway.url), 'hub_graphql_errors_total', {
      code: 'QUERY_TOO_COMPLEX',
    });
    const client = wsClient(stack.gateway.url);
    // A second subscription keeps the (lazy) connection open while the first is completed.
    const kept = collect(client, `subscription KeepOpen { progressUpdated(areaId: "P23") { eventId } }`);
    const watched = collect(client, `subscription WatchBaTo { progressUpdated(areaId: "C02949") { eventId } }`);
    await until('two upstream subscriptions', () => stack.gateway.subscriptions.upstreams() >= 2);
    watched.stop();
    const line = async (operation: string) => {
      await until(`a log line of ${operation}`, () => logged().some((l) => l.operation === operation));
      return logged().filter((l) => l.operation === operation);
    };
    // Logged when the client completes it, while the connection stays open (not only when the socket closes).
    expect(await line('WatchBaTo')).toEqual([
      expect.objectContaining({ msg: 'graphql subscription ended', type: 'subscription', transport: 'graphql-ws' }),
    ]);
    expect(stack.gateway.subscriptions.clients()).toBe(1);
    const deep = `subscription TooDeep { progressUpdated(areaId: "C02949") { commune { villages { commune { villages {
      commune { villages { commune { name } } } } } } } } }`;
    collect(client, deep);
    const [refused] = await line('TooDeep');
    kept.stop();
    await client.dispose();
    const refusedAfter = sample(await scrape(stack.gateway.url), 'hub_graphql_errors_total', {
      code: 'QUERY_TOO_COMPLEX',
    });
    expect(refused).toMatchObject({
      msg: 'graphql subscription refused',
      service: 'gateway',
      ip: expect.any(String) as unknown,
    });
    // Each error the client received counts once, as on HTTP (depth and cost both refuse this one).
    expect(refused.errors!.length).toBeGreaterThan(0);
    expect(refused.errors!.every((c) => c === 'QUERY_TOO_COMPLEX')).toBe(true);
    expect(refusedAfter).toBe(refusedBefore + refused.errors!.length);
  });

  it('asks for the METRICS_TOKEN bearer token when one is set', async () => {
    const app = express();
    app.get('/metrics', metricsHandler(createObservability('probe', createLogger('probe')), 's3cret'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    try {
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const res = await fetch(url, { headers: { authorization: 'Bearer s3cret' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/hub_process_cpu_user_seconds_total\{service="probe"\}/);
    } finally {
      server.close();
    }
  });
});
