import WebSocket from 'ws';
import type { ReportsState } from '../../subgraphs/reports/main';
import { ok, startTestStack, type TestStack } from '../support/stack';
import { collect, disposeAll, subscribe, until, wsClient } from '../support/ws';
import { fragmentBomb } from '../../bench/queries';

/**
 * Subscriptions under the gateway's limits (issue 11, items 2 and 3): the HTTP rules on every graphql-ws document,
 * refusals that fail one subscription only, the caps on upstreams, the viewer's identity upstream, and the read
 * rate limit beside them. Small caps here (30 upstreams per gateway, 40 reads per minute, 6 connections per
 * address) keep the tests short.
 */
let stack: TestStack;
let admin: string;
beforeAll(async () => {
  stack = await startTestStack({ limits: { maxUpstreams: 30, readsPerWindow: 40, maxConnectionsPerIp: 6 } });
  admin = await stack.token('PROVINCE_ADMIN', 'P23');
});
afterAll(() => stack?.stop());

let day = 10;
const submit = (reporterId: string, registered: number, people: Array<{ name: string }> = []) =>
  stack.gql(
    `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
    {
      input: {
        reporterId,
        reportDate: `2025-12-${String(day++).padStart(2, '0')}`,
        groups: [{ group: 'RESIDENTS', registered, completed: 0, certified: 0 }],
        people: people.map((p) => ({ ...p, role: 'RESIDENT', certified: true, guided: 1 })),
      },
    },
    { token: admin },
  );
const hubSubscriptions = () => (stack.subgraphs.reports.state as ReportsState).hub.subscriptions;
const upstreams = () => stack.gateway.subscriptions.upstreams();
/** Each test starts when the previous one's upstreams have closed. */
beforeEach(() => until('no upstream subscription', () => upstreams() === 0 && hubSubscriptions() === 0));

const GOOD = `subscription { progressUpdated(areaId: "C02949") { eventId progress { learners } } }`;
type PU = { progressUpdated: { eventId: string; progress: { learners: number } } };

describe('the HTTP limits on graphql-ws', () => {
  it.each<[string, string, RegExp]>([
    [
      'a depth-9 subscription',
      `subscription { progressUpdated(areaId: "C02949") { commune { villages { commune { villages { commune { villages { commune { name } } } } } } } } }`,
      /^QUERY_TOO_COMPLEX .*depth limit of 8/,
    ],
    [
      '40 aliases',
      `subscription { progressUpdated(areaId: "C02949") { ${Array.from({ length: 40 }, (_, i) => `a${i}: eventId`).join(' ')} } }`,
      /^QUERY_TOO_COMPLEX .*Aliases limit of 30/,
    ],
    [
      '4,000 tokens',
      `subscription { progressUpdated(areaId: "C02949") { ${'eventId '.repeat(4000)} } }`,
      /^QUERY_TOO_COMPLEX .*more than 3000 tokens/,
    ],
    [
      'a cost of millions (communes of communes)',
      `subscription { progressUpdated(areaId: "P23") { province { communes { province { communes { villages { name } } } } } } }`,
      /^QUERY_TOO_COMPLEX .*estimated [\d,]+ objects/,
    ],
    [
      'a fragment bomb (30 fragments, each spreading the one before twice)',
      `subscription { progressUpdated(areaId: "C02949") { ...S30 } } fragment S0 on ProgressUpdate { commune { villages { name } } } ${Array.from({ length: 30 }, (_, i) => `fragment S${i + 1} on ProgressUpdate { ...S${i} ...S${i} }`).join(' ')}`,
      /^QUERY_TOO_COMPLEX .*(depth limit|estimated [\d,]+ objects)/,
    ],
    [
      'a syntax error',
      `subscription { progressUpdated(areaId: "C02949") { eventId }`,
      /^GRAPHQL_PARSE_FAILED Syntax Error/,
    ],
    ['an unknown field', `subscription { progressUpdated(areaId: "C02949") { nope } }`, /^GRAPHQL_VALIDATION_FAILED /],
  ])('refuses %s on its own id: the socket and its other subscription go on', async (_label, query, expected) => {
    const client = wsClient(stack.gateway.url);
    const good = subscribe<PU>(client, GOOD);
    await until('the good subscription upstream', () => hubSubscriptions() === 1);
    const { errors, closeCode } = await subscribe(client, query).ending(2000);
    expect(closeCode).toBeUndefined();
    expect(`${errors[0]?.extensions?.code} ${errors[0]?.message}`).toMatch(expected);
    expect(upstreams()).toBe(1);
    ok(await submit('V02949-08', 4321));
    expect((await good.take(1))[0].progressUpdated.eventId).toMatch(/^\d+$/);
    await client.dispose();
  });

  it('closes a socket that sends 20,000 aliases or 10 MB at once (1009, the HTTP byte limit) and keeps serving', async () => {
    for (const query of [
      `subscription { progressUpdated(areaId: "C02949") { ${Array.from({ length: 20_000 }, (_, i) => `a${i}: eventId`).join(' ')} } }`,
      `subscription { progressUpdated(areaId: "C02949") { eventId } } # ${'x'.repeat(10_000_000)}`,
    ]) {
      const client = wsClient(stack.gateway.url);
      const [ending, answer] = await Promise.all([
        subscribe(client, query).ending(5000),
        stack.gql<{ provinces: unknown[] }>(`{ provinces { code } }`),
      ]);
      expect(ending.closeCode).toBe(1009);
      expect(ok(answer).provinces.length).toBeGreaterThan(0);
      expect(upstreams()).toBe(0);
      await client.dispose();
    }
  });

  it('does not count refused documents against the connection: 60 invalid, then 50 valid, the 51st refused', async () => {
    const client = wsClient(stack.gateway.url);
    for (let i = 0; i < 60; i++)
      expect(
        (await subscribe(client, `subscription { progressUpdated(areaId: "C02949") { nope } }`).ending()).errors[0]
          .extensions?.code,
      ).toBe('GRAPHQL_VALIDATION_FAILED');
    const valid = Array.from({ length: 50 }, () => collect<PU>(client, GOOD));
    await until('the shared upstream', () => hubSubscriptions() === 1);
    const extra = await subscribe(client, GOOD).ending();
    expect(extra.errors[0].extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    expect(extra.errors[0].message).toMatch(/tối đa 50/);
    ok(await submit('V02949-07', 1234));
    await Promise.all(valid.map((s) => s.waitFor(1)));
    expect(valid.every((s) => s.errors.length === 0)).toBe(true);
    await client.dispose();
  });

  it('caps 4 anonymous connections × 50 distinct subscriptions at 20 upstreams per connection and 30 in all', async () => {
    const clients = Array.from({ length: 4 }, () => wsClient(stack.gateway.url));
    const subs = clients.flatMap((c, n) =>
      Array.from({ length: 50 }, (_, i) =>
        collect(c, `subscription { progressUpdated(areaId: "C02949") { eventId a${n}x${i}: areaId } }`),
      ),
    );
    const refused = () => subs.filter((s) => s.errors.length > 0).length;
    await until('170 refusals', () => refused() === 170).catch((e) => {
      throw new Error(
        `${String(e)} refused ${refused()} upstreams ${upstreams()} ${JSON.stringify(subs.find((s) => s.errors.length)?.errors)}`,
      );
    });
    expect(upstreams()).toBe(30);
    await until('30 upstreams at the reports subgraph', () => hubSubscriptions() === 30);
    const codes = new Set(
      subs.flatMap((s) => s.errors.map((e) => (e as { extensions?: { code?: string } }).extensions?.code)),
    );
    expect([...codes]).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
    const perConnection = clients.map((_, c) => subs.slice(c * 50, c * 50 + 50).filter((s) => !s.errors.length).length);
    expect(Math.max(...perConnection)).toBeLessThanOrEqual(20);
    expect(JSON.stringify(subs.map((s) => s.errors))).toMatch(/tối đa 30.*retry later/);
    await disposeAll(clients);
    await until('every upstream closed', () => upstreams() === 0);
  });
});

describe('identity on subscriptions', () => {
  const PEOPLE = `subscription { progressUpdated(areaId: "V02949-08") { eventId village { reports { people { name } } } } }`;
  type WithPeople = { progressUpdated: { village: { reports: Array<{ people: Array<{ name: string }> | null }> } } };

  it('gives an authorised reporter the personal fields, others null with the HTTP error, never one shared upstream', async () => {
    const reporter = wsClient(stack.gateway.url, { token: await stack.token('VILLAGE_REPORTER', 'V02949-08') });
    const anonymous = wsClient(stack.gateway.url);
    const neighbour = wsClient(stack.gateway.url, { token: await stack.token('VILLAGE_REPORTER', 'V02949-01') });
    const mine = collect<WithPeople>(reporter, PEOPLE);
    const theirs = collect<WithPeople>(anonymous, PEOPLE);
    const next = collect<WithPeople>(neighbour, PEOPLE);
    await until('three upstreams', () => hubSubscriptions() === 3);
    expect(upstreams()).toBe(3);
    // Another reporter of the same village sees the same: it shares the reporter's upstream.
    const colleague = wsClient(stack.gateway.url, {
      token: await stack.token('VILLAGE_REPORTER', 'V02949-08'),
    });
    const same = collect<WithPeople>(colleague, PEOPLE);
    ok(await submit('V02949-08', 555, [{ name: 'Hồ Thị Lan' }]));
    const [[m], [t], [s], [n]] = await Promise.all([
      mine.waitFor(1),
      theirs.waitFor(1),
      same.waitFor(1),
      next.waitFor(1),
    ]);
    expect(upstreams()).toBe(3);
    const names = (e: WithPeople) =>
      e.progressUpdated.village.reports.flatMap((r) => (r.people ?? []).map((p) => p.name));
    expect(names(m)).toContain('Hồ Thị Lan');
    expect(names(s)).toContain('Hồ Thị Lan');
    expect(mine.errors).toEqual([]);
    // As on HTTP: anonymous is UNAUTHENTICATED, another village's reporter FORBIDDEN, each with `people: null`.
    const codes = (c: typeof theirs) => [
      ...new Set(c.errors.map((e) => (e as { extensions?: { code?: string } }).extensions?.code)),
    ];
    expect(t.progressUpdated.village.reports.every((r) => r.people === null)).toBe(true);
    expect(codes(theirs)).toEqual(['UNAUTHENTICATED']);
    expect(n.progressUpdated.village.reports.every((r) => r.people === null)).toBe(true);
    expect(codes(next)).toEqual(['FORBIDDEN']);
    await Promise.all([reporter.dispose(), anonymous.dispose(), colleague.dispose(), neighbour.dispose()]);
  });

  it('passes an upstream refusal to the client (a gap beyond the replay retention: RELOAD_REQUIRED)', async () => {
    const [{ seq }] = await stack.sql<{ seq: string }>(
      `insert into reports.outbox_event (topic, payload, created_at)
       select topic, payload, now() - interval '2 days' from reports.outbox_event
       where topic = 'progress.updated' and payload->>'areaId' = 'C02949' order by seq desc limit 1 returning seq`,
    );
    const client = wsClient(stack.gateway.url);
    const sub = subscribe(
      client,
      `subscription($after: ID) { progressUpdated(areaId: "C02949", after: $after) { eventId } }`,
      { after: String(Number(seq) - 1) },
    );
    const { errors } = await sub.ending();
    expect(errors[0].extensions?.code).toBe('RELOAD_REQUIRED');
    await stack.sql(`delete from reports.outbox_event where seq = $1`, [seq]);
    await client.dispose();
  });
});

describe('connections per address', () => {
  /** A graphql-ws connection, acknowledged; or the HTTP status and body the upgrade was refused with. */
  const connect = () =>
    new Promise<WebSocket | { status: number; body: string }>((resolve, reject) => {
      const ws = new WebSocket(stack.gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init' })));
      ws.on('message', (m) => {
        // ws hands a text frame over as a Buffer (its default binaryType, nodebuffer).
        if ((JSON.parse((m as Buffer).toString('utf8')) as { type: string }).type === 'connection_ack') resolve(ws);
      });
      ws.on('error', reject);
    });
  const clients = () => stack.gateway.subscriptions.clients();

  it('refuses the 7th connection from one address with 429 at the upgrade, and admits one again after a close', async () => {
    await until('no connection left by earlier tests', () => clients() === 0);
    const open = await Promise.all(Array.from({ length: 6 }, connect));
    expect(open.every((c) => c instanceof WebSocket)).toBe(true);
    const refused = await connect();
    expect(refused).toMatchObject({
      status: 429,
      body: expect.stringMatching(/^Quá nhiều kết nối trực tiếp/) as unknown,
    });
    expect(clients()).toBe(6);
    (open[0] as WebSocket).close();
    await until('the closed slot given back', () => clients() === 5);
    const again = await connect();
    expect(again).toBeInstanceOf(WebSocket);
    for (const ws of [...open.slice(1), again] as WebSocket[]) ws.close();
    await until('all closed', () => clients() === 0);
  });
});

describe('the read rate limit (HTTP)', () => {
  it('refuses a caller’s 41st query in the window with 429 RATE_LIMITED and Retry-After, and counts callers apart', async () => {
    const token = await stack.token('PROVINCE_VIEWER', 'P23');
    const read = () =>
      fetch(stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ provinces { code } }' }),
      });
    for (let i = 0; i < 40; i++) expect((await read()).status).toBe(200);
    const limited = await read();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/^Gửi quá nhiều truy vấn \(tối đa 40 trong 60 giây\)/);
    ok(await stack.gql(`{ provinces { code } }`));
  });
});

describe('refused documents (HTTP and graphql-ws share one budget per caller)', () => {
  it('answers a caller’s 301st refused document with 429 RATE_LIMITED before parsing it, on both transports, and counts callers apart', async () => {
    const token = await stack.token('PROVINCE_VIEWER', 'P04');
    const post = (query: string, auth: string | null = token) =>
      fetch(stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: JSON.stringify({ query }),
      });
    const bomb = fragmentBomb(30);
    // 150 refused on HTTP (a bomb, a syntax error, an unknown field in turn), 150 on graphql-ws: the default of 300.
    for (let i = 0; i < 150; i++) {
      const res = await post([bomb, '{ provinces { code }', '{ nope }'][i % 3]);
      expect(res.status).toBe(400);
    }
    const client = wsClient(stack.gateway.url, { token });
    for (let i = 0; i < 150; i++) {
      const { errors } = await subscribe(
        client,
        `subscription { progressUpdated(areaId: "C02949") { nope${i} } }`,
      ).ending(2000);
      expect(errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // The budget is used up: even a good query or subscription of this caller waits, with no parsing done.
    const limited = await post('{ provinces { code } }');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(
      /^Gửi quá nhiều truy vấn sai hoặc quá phức tạp \(tối đa 300 trong 60 giây\)/,
    );
    const ws = await subscribe(client, GOOD).ending(2000);
    expect(ws.errors[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(upstreams()).toBe(0);
    await client.dispose();
    // Another caller is not affected.
    const other = await post('{ provinces { code } }', await stack.token('PROVINCE_VIEWER', 'P05'));
    expect(other.status).toBe(200);
  });
});
