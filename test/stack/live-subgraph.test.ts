import { ok, startTestStack, type TestStack } from '../support/stack';
import type { ReportsState } from '../../subgraphs/reports/main';
import { subscribe, until, wsClient } from '../support/ws';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`;

describe('the reports subgraph’s own subscriptions', () => {
  it('sends progress of the village, its commune and its province after a report, and replays from `after`', async () => {
    const client = wsClient(stack.subgraphs.reports.url);
    const q = `subscription($a: ID!, $after: ID) { progressUpdated(areaId: $a, after: $after) { eventId areaId cause progress { learners } } }`;
    const village = subscribe<{
      progressUpdated: { eventId: string; areaId: string; progress: { learners: number } };
    }>(client, q, { a: 'V02949-08' });
    const commune = subscribe<{ progressUpdated: { eventId: string } }>(client, q, { a: 'C02949' });
    const hub = (stack.subgraphs.reports.state as ReportsState).hub;
    await until('both subscriptions live', () => hub.subscriptions === 2);
    const admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
    ok(
      await stack.gql(
        SUBMIT,
        {
          input: {
            reporterId: 'V02949-08',
            reportDate: '2025-12-12',
            groups: [{ group: 'RESIDENTS', registered: 777, completed: 0, certified: 0 }],
          },
        },
        admin,
      ),
    );
    const [v] = await village.take(1);
    expect(v.progressUpdated).toMatchObject({ areaId: 'V02949-08', progress: { learners: 777 } });
    await commune.take(1);
    // Replay: a new subscription after an earlier id receives the event again.
    const replay = subscribe<{ progressUpdated: { eventId: string } }>(client, q, {
      a: 'V02949-08',
      after: String(Number(v.progressUpdated.eventId) - 1),
    });
    const [again] = await replay.take(1);
    expect(again.progressUpdated.eventId).toBe(v.progressUpdated.eventId);
    await Promise.all([village.close(), commune.close(), replay.close()]);
    await client.dispose();
  });

  it('refuses an unknown area with NOT_FOUND', async () => {
    const client = wsClient(stack.subgraphs.reports.url);
    const sub = subscribe(client, `subscription { progressUpdated(areaId: "C99999") { eventId } }`);
    expect(JSON.stringify((await sub.ending()).errors)).toContain('NOT_FOUND');
    await client.dispose();
  });

  describe('replay with `after`', () => {
    const PROGRESS = `subscription($a: ID!, $after: ID) { progressUpdated(areaId: $a, after: $after) { eventId } }`;
    /** Copies of one real progress.updated event of the village (`n` rows), optionally dated `age` ago. */
    async function copies(n: number, age?: string): Promise<number[]> {
      const rows = await stack.sql<{ seq: string }>(
        `insert into reports.outbox_event (topic, payload, created_at)
         select topic, payload, now() - coalesce($3::interval, interval '0') from reports.outbox_event e, generate_series(1, $2)
         where e.seq = (select max(seq) from reports.outbox_event where topic = 'progress.updated' and payload->>'areaId' = $1)
         returning seq`,
        ['V02949-08', n, age ?? null],
      );
      return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    }

    it('delivers every missed event, in pages, beyond the old 10,000 cap', async () => {
      const seqs = await copies(10_050);
      const client = wsClient(stack.subgraphs.reports.url);
      const sub = subscribe<{ progressUpdated: { eventId: string } }>(client, PROGRESS, {
        a: 'V02949-08',
        after: String(seqs[0] - 1),
      });
      const events = await sub.take(10_050, 60_000);
      expect(events.map((e) => Number(e.progressUpdated.eventId))).toEqual(seqs);
      await sub.close();
      await client.dispose();
    }, 90_000);

    it('never repeats a replayed event whose NOTIFY is read after the replay saw its row', async () => {
      const client = wsClient(stack.subgraphs.reports.url);
      // A row committed without NOTIFY: the replay reads it, the live hub has not yet.
      const [first] = await copies(1);
      const sub = subscribe<{ progressUpdated: { eventId: string } }>(client, PROGRESS, {
        a: 'V02949-08',
        after: String(first - 1),
      });
      expect((await sub.take(1))[0].progressUpdated.eventId).toBe(String(first));
      // Now the hub reads both that row and a new one: only the new one is news to this subscriber.
      const [second] = await copies(1);
      await stack.sql(`select pg_notify('hub_events', '{"schema":"reports","topic":"progress.updated"}')`);
      expect((await sub.take(1))[0].progressUpdated.eventId).toBe(String(second));
      await sub.close();
      await client.dispose();
    });

    it('answers RELOAD_REQUIRED when the first missed event is older than the retention (24 h)', async () => {
      const seqs = await copies(3, '25 hours');
      const client = wsClient(stack.subgraphs.reports.url);
      const sub = subscribe(client, PROGRESS, { a: 'V02949-08', after: String(seqs[0] - 1) });
      const { errors } = await sub.ending();
      expect(errors[0].extensions?.code).toBe('RELOAD_REQUIRED');
      expect(errors[0].message).toMatch(/^Đã mất kết nối quá lâu.*tải lại trang.*reload/);
      await client.dispose();
    });

    // A cursor from before a restore of an older backup (or made up): replaying from it would silently drop every
    // event up to it. Before issue 21 the subscription opened and stayed silent.
    it('answers RELOAD_REQUIRED for a cursor ahead of the newest event', async () => {
      const [newest] = await stack.sql<{ seq: string }>('select max(seq) as seq from reports.outbox_event');
      const client = wsClient(stack.subgraphs.reports.url);
      const sub = subscribe(client, PROGRESS, { a: 'V02949-08', after: String(Number(newest.seq ?? 0) + 1000) });
      const { errors } = await sub.ending();
      expect(errors[0].extensions?.code).toBe('RELOAD_REQUIRED');
      expect(errors[0].message).toMatch(/mới hơn sự kiện mới nhất.*tải lại trang/);
      await client.dispose();
    });
  });
});
