import type { ReportsState } from '../../subgraphs/reports/main';
import { ok, startTestStack, type TestStack } from '../support/stack';
import { disposeAll, subscribe, until, wsClient } from '../support/ws';

/**
 * Fair live slots (issue 21, item 2): upstreams are capped per caller (token subject, else address) besides per
 * connection and per gateway, a client subscribing with `after` joins an upstream that covers its cursor instead of
 * opening one of its own, and subscribe/complete churn has a budget. Small caps keep the tests short.
 */
let stack: TestStack;
let admin: string;
beforeAll(async () => {
  stack = await startTestStack({ limits: { maxUpstreamsPerCaller: 3, subscriptionsPerWindow: 12 } });
  admin = await stack.token('PROVINCE_ADMIN', 'P23');
});
afterAll(() => stack?.stop());

const upstreams = () => stack.gateway.subscriptions.upstreams();
const hubSubscriptions = () => (stack.subgraphs.reports.state as ReportsState).hub.subscriptions;
beforeEach(() => until('no upstream subscription', () => upstreams() === 0 && hubSubscriptions() === 0));

let day = 10;
const submit = (registered: number) =>
  stack.gql(
    `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
    {
      input: {
        reporterId: 'V02949-08',
        reportDate: `2025-12-${String(day++).padStart(2, '0')}`,
        groups: [{ group: 'RESIDENTS', registered, completed: 0, certified: 0 }],
      },
    },
    { token: admin },
  );

type PU = { progressUpdated: { eventId: string; progress: { learners: number } } };
const code = (errors: unknown[]) => (errors[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;

it('caps the distinct upstreams of one address over all its connections, and counts another caller apart', async () => {
  // Before issue 21, 50 connections × 20 subscriptions from one address held all 1,000 upstreams of the gateway.
  const clients = [wsClient(stack.gateway.url), wsClient(stack.gateway.url)];
  const subs = clients.flatMap((c, n) =>
    [0, 1, 2].map((i) =>
      subscribe(c, `subscription { progressUpdated(areaId: "C02949") { eventId a${n}x${i}: areaId } }`),
    ),
  );
  const endings = await Promise.all(subs.slice(3).map((s) => s.ending(5000)));
  expect(endings.map((e) => code(e.errors))).toEqual([
    'TOO_MANY_SUBSCRIPTIONS',
    'TOO_MANY_SUBSCRIPTIONS',
    'TOO_MANY_SUBSCRIPTIONS',
  ]);
  expect((endings[0].errors[0] as { message: string }).message).toMatch(/một người dùng hoặc một địa chỉ \(tối đa 3\)/);
  await until('3 upstreams', () => upstreams() === 3);
  // A signed-in official on the same address is another caller.
  const officer = wsClient(stack.gateway.url, { token: await stack.token('COMMUNE_OFFICER', 'C02949') });
  const own = subscribe<PU>(
    officer,
    `subscription { progressUpdated(areaId: "C02949") { eventId progress { learners } } }`,
  );
  await until('its own upstream', () => upstreams() === 4);
  ok(await submit(4321));
  expect((await own.take(1))[0].progressUpdated.eventId).toMatch(/^\d+$/);
  await disposeAll([...clients, officer]);
});

it('lets a client with `after` join the upstream that covers its cursor and replays what it missed from there', async () => {
  const doc = `subscription($after: ID) { progressUpdated(areaId: "C02949", after: $after) { eventId progress { learners } } }`;
  const first = wsClient(stack.gateway.url);
  const live = subscribe<PU>(first, doc, { after: null });
  await until('one upstream', () => upstreams() === 1 && hubSubscriptions() === 1);
  ok(await submit(5001));
  const [e1] = await live.take(1);
  ok(await submit(5002));
  const [e2] = await live.take(1);
  // A page that saw e1 (its liveCursor) subscribes: it gets e2 from the upstream it joins, then what follows.
  const second = wsClient(stack.gateway.url);
  const late = subscribe<PU>(second, doc, { after: e1.progressUpdated.eventId });
  expect((await late.take(1))[0].progressUpdated.eventId).toBe(e2.progressUpdated.eventId);
  expect(upstreams()).toBe(1);
  expect(hubSubscriptions()).toBe(1);
  ok(await submit(5003));
  const [next] = await late.take(1);
  expect((await live.take(1))[0]).toEqual(next);
  expect(Number(next.progressUpdated.eventId)).toBeGreaterThan(Number(e2.progressUpdated.eventId));
  await Promise.all([first.dispose(), second.dispose()]);
});

it('limits subscribe/complete churn per caller with RATE_LIMITED', async () => {
  const client = wsClient(stack.gateway.url, { token: await stack.token('PROVINCE_VIEWER', 'P01') });
  const doc = `subscription { progressUpdated(areaId: "C02949") { eventId } }`;
  for (let i = 0; i < 12; i++) {
    const s = subscribe(client, doc);
    await until('its upstream', () => upstreams() === 1);
    await s.close();
    await until('closed', () => upstreams() === 0);
  }
  const { errors } = await subscribe(client, doc).ending(5000);
  expect(code(errors)).toBe('RATE_LIMITED');
  expect(upstreams()).toBe(0);
  await client.dispose();
});
