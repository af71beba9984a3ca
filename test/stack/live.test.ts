import { STARTERS } from '../../scripts/stack';
import type { ReportsState } from '../../subgraphs/reports/main';
import { ok, startTestStack, type TestStack } from '../support/stack';
import { collect, disposeAll, subscribe, until, wsClient } from '../support/ws';

let stack: TestStack;
let admin: { token: string };
beforeAll(async () => {
  stack = await startTestStack();
  admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
});
afterAll(() => stack?.stop());

const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`;
let day = 10;
/** A report dated on a fresh day after the demo reports (last: 5 Dec 2025), so each one is its reporter's latest. */
const submit = (reporterId: string, registered: number) =>
  stack.gql(
    SUBMIT,
    {
      input: {
        reporterId,
        reportDate: `2025-12-${String(day++).padStart(2, '0')}`,
        groups: [
          { group: reporterId.startsWith('U') ? 'OFFICIALS' : 'RESIDENTS', registered, completed: 0, certified: 0 },
        ],
      },
    },
    admin,
  );
/** Live subscriptions open at the reports subgraph now (the gateway's upstreams arrive there once planned). */
const hubSubscriptions = () => (stack.subgraphs.reports.state as ReportsState).hub.subscriptions;
/** Waits until the reports subgraph has `n` more live subscriptions than `before`: only then can no event be missed. */
async function active(before: number, n = 1): Promise<void> {
  await until(`${n} more live subscriptions`, () => hubSubscriptions() >= before + n);
  expect(hubSubscriptions()).toBeGreaterThanOrEqual(before + n);
}
/** The last outbox event id now, and how many `rank.changed` events of a province came after `since`. */
const lastSeq = async () =>
  Number((await stack.sql<{ seq: string }>(`select coalesce(max(seq), 0) as seq from reports.outbox_event`))[0].seq);
const rankEventsSince = async (since: number, provinceId: string) =>
  (
    await stack.sql<{ n: number }>(
      `select count(*)::int as n from reports.outbox_event where topic = 'rank.changed' and seq > $1 and payload->>'provinceId' = $2`,
      [since, provinceId],
    )
  )[0].n;

interface PU {
  progressUpdated: {
    eventId: string;
    areaId: string;
    cause: string;
    progress: { learners: number };
    village: { name: string; formerCommune: string } | null;
    commune: { name: string; villages: Array<{ name: string }> } | null;
    province: { name: string } | null;
  };
}
interface RC {
  rankChanged: {
    eventId: string;
    previous: number;
    position: number;
    change: number;
    batch: string;
    batchSize: number;
    commune: { id: string; name: string; villages: Array<{ name: string }>; plans: Array<{ number: string }> };
  };
}

const PROGRESS = `subscription($a: ID!) { progressUpdated(areaId: $a) { eventId areaId cause progress { learners }
  village { name formerCommune } commune { name villages { name } } province { name } } }`;
const RANKS = `subscription($p: ID!, $after: ID) { rankChanged(provinceId: $p, after: $after) { eventId previous position change
  batch batchSize commune { id name villages { name } plans { number } } } }`;

describe('live progress and rank changes through the gateway', () => {
  // Each test starts when the previous one's subscriptions have closed upstream too.
  beforeEach(() => until('no live subscription', () => hubSubscriptions() === 0));

  it('delivers a report’s progress to the village, commune and province subscribers, with fields from the registry', async () => {
    const client = wsClient(stack.gateway.url);
    const before = hubSubscriptions();
    const village = subscribe<PU>(client, PROGRESS, { a: 'V02949-08' });
    const commune = subscribe<PU>(client, PROGRESS, { a: 'C02949' });
    const province = subscribe<PU>(client, PROGRESS, { a: 'P23' });
    await active(before, 3);
    ok(await submit('V02949-08', 4321));
    const [[v], [c], [p]] = await Promise.all([village.take(1), commune.take(1), province.take(1)]);
    expect(v.progressUpdated).toMatchObject({
      areaId: 'V02949-08',
      cause: 'REPORT',
      progress: { learners: 4321 },
      village: { name: 'Xà Râu', formerCommune: 'Ba Nam' },
      commune: null,
    });
    expect(c.progressUpdated.commune?.name).toBe('Ba Tô');
    expect(c.progressUpdated.commune?.villages).toHaveLength(14);
    expect(p.progressUpdated.province?.name).toBe('Quảng Ngãi');
    const now = ok(
      await stack.gql<{ commune: { progress: { learners: number } } }>(
        `{ commune(id: "C02949") { progress { learners } } }`,
      ),
    );
    expect(c.progressUpdated.progress.learners).toBe(now.commune.progress.learners);
    await client.dispose();
  });

  it('delivers rank changes with fields from the registry and plans, and replays from `after`', async () => {
    const client = wsClient(stack.gateway.url);
    const before = hubSubscriptions();
    const since = await lastSeq();
    const sub = subscribe<RC>(client, RANKS, { p: 'P23' });
    await active(before);
    // Ngọk Bay's villages suddenly report very high figures: it climbs to the top, the others move down.
    for (const v of ['V02032-01', 'V02032-02', 'V02032-03']) ok(await submit(v, 90000));
    // Every rank change the outbox holds since the subscription, no fewer (and the next test shows no more).
    const expected = await rankEventsSince(since, 'P23');
    expect(expected).toBeGreaterThanOrEqual(2);
    const ranks = { events: await sub.take(expected) };
    const ngokBay = ranks.events.find((e) => e.rankChanged.commune.id === 'C02032')!.rankChanged;
    expect(ngokBay.position).toBeLessThan(ngokBay.previous);
    expect(ngokBay.change).toBe(ngokBay.previous - ngokBay.position);
    expect(ngokBay.commune.name).toBe('Ngọk Bay');
    expect(ngokBay.commune.villages).toHaveLength(16);
    expect(ngokBay.commune.plans.length).toBeGreaterThan(0);
    // Those it overtook moved down by one, each in an event of its own.
    expect(
      ranks.events.filter((e) => e.rankChanged.commune.id !== 'C02032').every((e) => e.rankChanged.change === -1),
    ).toBe(true);
    const ranking = ok(
      await stack.gql<{ commune: { rank: { position: number } } }>(`{ commune(id: "C02032") { rank { position } } }`),
    );
    const last = [...ranks.events].reverse().find((e) => e.rankChanged.commune.id === 'C02032')!;
    expect(last.rankChanged.position).toBe(ranking.commune.rank.position);
    const ids = ranks.events.map((e) => Number(e.rankChanged.eventId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // The moves of one report share a batch whose size is their count (a screen folds them without timing).
    const batches = new Map<string, RC['rankChanged'][]>();
    for (const { rankChanged: e } of ranks.events) batches.set(e.batch, [...(batches.get(e.batch) ?? []), e]);
    expect(batches.size).toBeGreaterThanOrEqual(1);
    for (const moves of batches.values()) expect(moves.every((m) => m.batchSize === moves.length)).toBe(true);
    // A client that reconnects after the first event receives the rest, in order.
    const replay = subscribe<RC>(client, RANKS, { p: 'P23', after: String(ids[0]) });
    const again = await replay.take(ids.length - 1);
    expect(again.map((e) => Number(e.rankChanged.eventId))).toEqual(ids.slice(1));
    await client.dispose();
  });

  it('loses no event when the reports subgraph restarts mid-subscription', async () => {
    const client = wsClient(stack.gateway.url);
    const before = hubSubscriptions();
    const sub = subscribe<PU>(client, PROGRESS, { a: 'C02032' });
    await active(before);
    ok(await submit('V02032-01', 100));
    const first = await sub.take(1);
    const old = stack.subgraphs.reports;
    await old.stop();
    // While reports is down, the registry records a population correction for a Ngọk Bay village: reports
    // catches up on restart and publishes it.
    ok(
      await stack.gql(
        `mutation { recordPopulation(areaId: "V02032-02", population: { asOf: "2025-11-01", adults: 1234 }, reason: "Rà soát") { id } }`,
        {},
        admin,
      ),
    );
    stack.subgraphs.reports = await STARTERS.reports({
      databaseUrl: stack.databaseUrl,
      port: old.port,
      migrate: false,
      authSecret: stack.authSecret,
    });
    ok(await submit('V02032-03', 200));
    const events = [...first, ...(await sub.take(2, 15_000))];
    expect(events.map((e) => e.progressUpdated.cause)).toEqual(['REPORT', 'POPULATION', 'REPORT']);
    const ids = events.map((e) => Number(e.progressUpdated.eventId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    await client.dispose();
  });

  it('gives each of 200 concurrent subscribers every event once, over one shared upstream subscription', async () => {
    const upstreamsBefore = stack.gateway.subscriptions.upstreams();
    const before = hubSubscriptions();
    const clients = Array.from({ length: 200 }, () => wsClient(stack.gateway.url));
    const subs = clients.map((c) =>
      subscribe<PU>(c, `subscription { progressUpdated(areaId: "C02949") { eventId progress { learners } } }`),
    );
    await until('200 clients', () => stack.gateway.subscriptions.clients() >= 200);
    await active(before);
    // Every client's subscription has joined the one upstream (the gateway counts them per connection).
    await until('200 subscribers on the upstream', () => stack.gateway.subscriptions.subscribers() >= 200);
    // 200 clients, one upstream subscription at the reports subgraph.
    expect(hubSubscriptions()).toBe(before + 1);
    expect(stack.gateway.subscriptions.upstreams()).toBe(upstreamsBefore + 1);
    ok(await submit('V02949-04', 70000));
    ok(await submit('V02949-05', 70000));
    const received = await Promise.all(subs.map((s) => s.take(2, 15_000)));
    const expected = received[0].map((e) => e.progressUpdated.eventId);
    expect(expected).toHaveLength(2);
    for (const events of received) expect(events.map((e) => e.progressUpdated.eventId)).toEqual(expected);
    // No duplicate follows: the next event every client receives is the next report's.
    ok(await submit('V02949-06', 70000));
    const next = await Promise.all(subs.map((s) => s.take(1, 15_000)));
    expect(new Set(next.map(([e]) => e.progressUpdated.eventId)).size).toBe(1);
    expect(Number(next[0][0].progressUpdated.eventId)).toBeGreaterThan(Number(expected[1]));
    await disposeAll(clients);
    await until('the upstream closed', () => stack.gateway.subscriptions.upstreams() <= upstreamsBefore);
    expect(stack.gateway.subscriptions.upstreams()).toBe(upstreamsBefore);
  });

  it('answers a subscription on an unknown area with NOT_FOUND, without disturbing the others', async () => {
    const client = wsClient(stack.gateway.url);
    const before = hubSubscriptions();
    const good = subscribe<PU>(client, PROGRESS, { a: 'C02949' });
    const bad = subscribe<PU>(client, PROGRESS, { a: 'C99999' });
    await active(before);
    expect(JSON.stringify((await bad.ending()).errors)).toContain('NOT_FOUND');
    ok(await submit('V02949-06', 80000));
    await good.take(1);
    await client.dispose();
  });

  it('refuses a connection with a bad token, and more subscriptions on one connection than the limit', async () => {
    const bad = wsClient(stack.gateway.url, { token: 'not-a-token' });
    const refused = await subscribe<PU>(bad, PROGRESS, { a: 'C02949' }).ending();
    // graphql-ws closes the socket with 4403 Forbidden: the error is the close event.
    expect(refused.closeCode).toBe(4403);
    await bad.dispose();

    const client = wsClient(stack.gateway.url);
    const subs = Array.from({ length: 51 }, (_, i) =>
      collect<PU>(
        client,
        `subscription { progressUpdated(areaId: "V02949-${String((i % 14) + 1).padStart(2, '0')}") { eventId } }`,
      ),
    );
    await until('the 51st refused', () => subs[50].errors.length > 0);
    expect(JSON.stringify(subs[50].errors)).toContain('tối đa 50');
    expect(subs.slice(0, 50).every((s) => s.errors.length === 0)).toBe(true);
    await client.dispose();
  });
});
