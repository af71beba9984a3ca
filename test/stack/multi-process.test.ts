// Two reports subgraph instances and two gateways over one PostgreSQL database (issue 14, item 5): gateway A is the
// test stack's (reports instance 1), gateway B uses a second reports instance. A report submitted through A reaches a
// subscriber on B exactly once — published in the report's own transaction, or by the coalescing consumer that runs
// in both instances — and both gateways answer the new figures (B's caches retire on A's NOTIFY).
import { startGateway, type RunningGateway } from '../../gateway/main';
import { STARTERS } from '../../scripts/stack';
import { todayInVietnam } from '../../shared/pure/dates';
import { SUBGRAPHS } from '../../shared/topology';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendEvents } from '../../subgraphs/common/outbox';
import type { RunningSubgraph } from '../../subgraphs/common/subgraph';
import type { ReportsState } from '../../subgraphs/reports/main';
import { ok, startTestStack, type TestStack } from '../support/stack';
import { subscribe, until, wsClient } from '../support/ws';
import { eventually } from '../support/wait';

let stack: TestStack;
let reports2: RunningSubgraph;
let gatewayB: RunningGateway;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  reports2 = await STARTERS.reports({
    databaseUrl: stack.databaseUrl,
    port: 0,
    migrate: false,
    authSecret: stack.authSecret,
    warm: true, // as `npm start` runs it
  });
  gatewayB = await startGateway({
    port: 0,
    authSecret: stack.authSecret,
    subgraphUrls: {
      ...Object.fromEntries(SUBGRAPHS.map((n) => [n, stack.subgraphs[n].url])),
      reports: reports2.url,
    },
  });
  token = await stack.token('VILLAGE_REPORTER', 'V02949-08');
}, 60_000);
afterAll(async () => {
  await gatewayB?.stop();
  await reports2?.stop();
  await stack?.stop();
});

const hub = (s: RunningSubgraph) => (s.state as ReportsState).hub;
const cacheOf = (s: RunningSubgraph) => (s.state as ReportsState).cache;
const PROGRESS = `subscription($a: ID!) { progressUpdated(areaId: $a) { eventId progress { learners } commune { name } } }`;
const FIGURES = `{ commune(id: "C02949") { progress { learners } } province(code: "23") { ranking { position commune { id } progress { learners } } } }`;
interface Figures {
  commune: { progress: { learners: number } };
  province: { ranking: Array<{ position: number; commune: { id: string }; progress: { learners: number } }> };
}
const ask = async (url: string): Promise<Figures> => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: FIGURES }),
  });
  return ok((await res.json()) as { data?: Figures; errors?: Array<{ message: string }> });
};
const learnersOf = (f: Figures) => ({
  commune: f.commune.progress.learners,
  ranked: f.province.ranking.find((r) => r.commune.id === 'C02949')!.progress.learners,
});

let registered = 5000;
/** Xà Râu (Ba Tô) reports more residents registered than before, through gateway A. */
async function submitThroughA(): Promise<number> {
  registered += 100;
  const data = ok(
    await stack.gql<{ submitUnitReport: { id: string } }>(
      `mutation($i: UnitReportInput!) { submitUnitReport(input: $i) { id } }`,
      {
        i: {
          reporterId: 'V02949-08',
          reportDate: todayInVietnam(),
          groups: [{ group: 'RESIDENTS', registered, completed: 0, certified: 0 }],
        },
      },
      { token },
    ),
  );
  return Number(data.submitUnitReport.id);
}

async function publishedInItsTransaction(reportId: number): Promise<boolean> {
  const [row] = await stack.sql<{ live: boolean }>(
    `select (payload->>'live')::boolean as live from reports.outbox_event where topic = 'report.submitted' and (payload->>'reportId')::bigint = $1`,
    [reportId],
  );
  return row.live;
}

describe('two reports processes and two gateways over one database', () => {
  it('warms instance 2 at its start: the province’s snapshots of every figure date, today and a week ago', async () => {
    const today = todayInVietnam();
    const weekAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const dates = (
      await stack.sql<{ day: string }>(
        `select distinct report_date::text as day from reports.unit_report where province_id = 'P23'
         union select distinct stat_date::text from reports.portal_statistic where province_id = 'P23'`,
      )
    ).map((r) => r.day);
    const keys = [...new Set([...dates, today, weekAgo])].map((d) => `P23|${d}`);
    await until('the warm-up', () => keys.every((k) => cacheOf(reports2).has(k)), 20_000);
    expect(dates.length).toBeGreaterThan(2);
  });

  it.each([
    ['published in the report’s own transaction', false],
    ['published by the coalescing consumer while the province is busy', true],
  ])('a report through gateway A reaches a subscriber on gateway B exactly once (%s)', async (_, busy) => {
    // Both gateways answer (and cache) the figures before the report; B also the province's history.
    const [a0, b0] = [learnersOf(await ask(stack.gateway.url)), learnersOf(await ask(gatewayB.url))];
    expect(b0).toEqual(a0);
    const history = await fetch(gatewayB.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ province(code: "23") { progressHistory { asOf } } }` }),
    });
    const dates = ok(
      (await history.json()) as { data?: { province: { progressHistory: Array<{ asOf: string }> } } },
    ).province.progressHistory.map((p) => p.asOf);
    const oldest = `P23|${dates[0]}`;
    expect(dates.length).toBeGreaterThan(2);
    expect(cacheOf(reports2).has(oldest)).toBe(true);
    const client = wsClient(gatewayB.url);
    const before = { one: hub(stack.subgraphs.reports).subscriptions, two: hub(reports2).subscriptions };
    const sub = subscribe<{ progressUpdated: { eventId: string; progress: { learners: number } } }>(client, PROGRESS, {
      a: 'C02949',
    });
    // Gateway B's upstream opens on reports instance 2 only.
    await until('the upstream on reports instance 2', () => hub(reports2).subscriptions >= before.two + 1);
    expect(hub(stack.subgraphs.reports).subscriptions).toBe(before.one);
    const since = Number((await stack.sql<{ seq: string }>(`select max(seq) as seq from reports.outbox_event`))[0].seq);

    // Busy: another transaction holds the province's live lock, so the report commits without its events and the
    // consumers of both instances race to publish it once the lock is free.
    if (busy) await stack.sql(`select pg_advisory_lock(hashtext('live:P23'))`);
    const reportId = await submitThroughA();
    expect(await publishedInItsTransaction(reportId)).toBe(!busy);
    if (busy) await stack.sql(`select pg_advisory_unlock(hashtext('live:P23'))`);

    const [event] = await sub.take(1);
    const learners = event.progressUpdated.progress.learners;
    expect(learners).not.toBe(a0.commune);
    // Exactly once: the outbox holds one event for the commune since, and no second one arrives.
    const written = await stack.sql<{ seq: string }>(
      `select seq from reports.outbox_event where topic = 'progress.updated' and payload->>'areaId' = 'C02949' and seq > $1`,
      [since],
    );
    expect(written.map((r) => String(r.seq))).toEqual([event.progressUpdated.eventId]);
    await expect(sub.take(1, 1500)).rejects.toThrow(/waited 1500 ms/);
    // The audit log (registry, fed by the reports outbox) has the report once.
    const audited = async () =>
      (
        await stack.sql<{ n: number }>(
          `select count(*)::int as n from registry.audit_log where target_type = 'UnitReport' and target_id = $1`,
          [String(reportId)],
        )
      )[0].n;
    await eventually(audited, (n) => expect(n).toBe(1));

    // Both gateways answer the new figures: each reports instance retires its snapshots on the other's NOTIFY.
    for (const url of [stack.gateway.url, gatewayB.url])
      await eventually(
        async () => learnersOf(await ask(url)),
        (now) => expect(now).toEqual({ commune: learners, ranked: learners }),
      );
    // A report of today retired today's snapshots only: the history's first date was not rebuilt on either instance.
    expect(cacheOf(reports2).has(oldest)).toBe(true);
    await sub.close();
    await client.dispose();
  });

  it('never lets an outbox event become visible before a lower one still being written (readers go by seq)', async () => {
    const fork = (s: RunningSubgraph) => s.orm.orm.em.fork() as EntityManager;
    const event = (importId: string) => [{ importId, dates: [], communes: [] }];
    const maxSeq = async () =>
      Number((await stack.sql<{ seq: string }>(`select max(seq) as seq from reports.outbox_event`))[0].seq);
    const start = await maxSeq();
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let firstWrote = false;
    let secondDone = false;
    // Instance 1 writes an event and keeps its transaction open; instance 2 writes and commits another meanwhile.
    const first = fork(stack.subgraphs.reports).transactional(async (tx) => {
      await appendEvents(tx, 'reports', 'portal.imported', event('order-1'));
      firstWrote = true;
      await held;
    });
    await until('the first event written', () => firstWrote);
    const second = fork(reports2)
      .transactional(async (tx) => {
        await appendEvents(tx, 'reports', 'portal.imported', event('order-2'));
      })
      .then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 500));
    // A reader now must not see the second event past the first's pending sequence number: it would skip it.
    expect(await maxSeq()).toBe(start);
    expect(secondDone).toBe(false);
    release();
    await Promise.all([first, second]);
    const rows = await stack.sql<{ id: string }>(
      `select payload->>'importId' as id from reports.outbox_event where seq > $1 order by seq`,
      [start],
    );
    expect(rows.map((r) => r.id)).toEqual(['order-1', 'order-2']);
  });

  // Last: its publications may still be in flight when it ends (the seq test above needs a still outbox).
  it('keeps each reporter’s latest figures right when both instances take reports of one commune at once', async () => {
    // Every village of Ba Tô's Xà Râu commune gets, at once, a report of today through each gateway (two versions of
    // one date, racing) and one of yesterday through B (an older date arriving meanwhile): the commune's figures must
    // be the sum of each village's latest report, none lost, none counted twice, on both gateways and in the last
    // live event.
    const today = todayInVietnam();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const villages = (
      await stack.sql<{ id: string }>(
        `select id from reports.area where commune_id = 'C02949' and level = 'VILLAGE' and closed_on is null order by id`,
      )
    ).map((r) => r.id);
    expect(villages.length).toBeGreaterThan(2);
    const admin = await stack.token('PROVINCE_ADMIN', 'P23');
    const submit = async (url: string, reporterId: string, reportDate: string, registered: number) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({
          query: `mutation($i: UnitReportInput!) { submitUnitReport(input: $i) { id } }`,
          variables: {
            i: { reporterId, reportDate, groups: [{ group: 'RESIDENTS', registered, completed: 0, certified: 0 }] },
          },
        }),
      });
      ok((await res.json()) as { data?: unknown; errors?: Array<{ message: string }> });
    };
    await Promise.all(
      villages.flatMap((v, i) => [
        submit(stack.gateway.url, v, today, 300 + i),
        submit(gatewayB.url, v, today, 600 + i),
        submit(gatewayB.url, v, yesterday, 900 + i),
      ]),
    );
    // The truth, from every report stored (not from the kept table): each reporter's latest version of its newest date.
    const [{ expected }] = await stack.sql<{ expected: number }>(
      `select sum(residents_registered)::int as expected from (
         select distinct on (reporter_id) residents_registered from reports.unit_report
          where commune_id = 'C02949' and report_date <= $1 order by reporter_id, report_date desc, version desc) l`,
      [today],
    );
    const kept = await stack.sql<{ reporter_id: string; report_date: string; residents_registered: number }>(
      `select f.reporter_id, f.report_date::text as report_date, f.residents_registered from reports.latest_figures f
        where f.reporter_id = any($1) order by 1`,
      [villages],
    );
    expect(kept).toHaveLength(villages.length);
    for (const row of kept) {
      expect(row.report_date).toBe(today);
      // Two versions of today raced: whichever came second is the latest, never yesterday's.
      expect(row.residents_registered).toBeLessThan(900);
    }
    const RESIDENTS = `{ commune(id: "C02949") { progress { groups { group registered } } } }`;
    for (const url of [stack.gateway.url, gatewayB.url])
      await eventually(
        async () => {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: RESIDENTS }),
          });
          const data = ok(
            (await res.json()) as {
              data?: { commune: { progress: { groups: Array<{ group: string; registered: number }> } } };
            },
          );
          return data.commune.progress.groups.find((g) => g.group === 'RESIDENTS')!.registered;
        },
        (n) => expect(n).toBe(expected),
      );
    // The last live event of the commune, whichever instance published it, carries the same total.
    await eventually(
      async () =>
        (
          await stack.sql<{ n: number }>(
            `select (payload->'progress'->'groups'->'RESIDENTS'->>'registered')::int as n from reports.outbox_event
              where topic = 'progress.updated' and payload->>'areaId' = 'C02949' order by seq desc limit 1`,
          )
        )[0].n,
      (n) => expect(n).toBe(expected),
    );
  });
});
