// Outbox retention (issue 26, item 1): rows past the replay window are deleted (live/retention.ts), the highest
// deleted one is remembered, and a subscriber resuming from before it is told RELOAD_REQUIRED, as for any gap past
// the window; a submission the coalescing publisher has not yet passed is kept, however old.
import { Client } from 'pg';
import { todayInVietnam } from '../../shared/pure/dates';
import type { ReportsState } from '../../subgraphs/reports/main';
import { ok, startTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { subscribe, wsClient } from '../support/ws';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const VILLAGE = 'V02949-08';
const PROGRESS = `subscription($a: ID!, $after: ID) { progressUpdated(areaId: $a, after: $after) { eventId progress { residentsRegistered } } }`;
const hub = () => (stack.subgraphs.reports.state as ReportsState).hub;

let registered = 700;
async function submit(): Promise<void> {
  registered += 1;
  ok(
    await stack.gql(
      `mutation($i: UnitReportInput!) { submitUnitReport(input: $i) { id } }`,
      {
        i: {
          reporterId: VILLAGE,
          reportDate: todayInVietnam(),
          groups: [{ group: 'RESIDENTS', registered, completed: 0, certified: 0 }],
        },
      },
      { token: await stack.token('PROVINCE_ADMIN', 'P23') },
    ),
  );
}

/** Copies of the newest event of `topic` (of the village), written `age` ago without NOTIFY. */
async function oldCopies(topic: string, n: number, age = '25 hours'): Promise<number[]> {
  const rows = await stack.sql<{ seq: string }>(
    `insert into reports.outbox_event (topic, payload, created_at)
     select topic, payload, now() - $3::interval from reports.outbox_event e, generate_series(1, $2)
      where e.seq = (select max(seq) from reports.outbox_event where topic = $1)
     returning seq`,
    [topic, n, age],
  );
  return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
}
/** Which of the sequence numbers are still in the outbox, in ascending order. */
const present = async (seqs: number[]) =>
  (
    await stack.sql<{ seq: string }>(`select seq from reports.outbox_event where seq = any($1) order by seq`, [seqs])
  ).map((r) => Number(r.seq));
const ascending = (seqs: number[]) => [...seqs].sort((a, b) => a - b);
const publisherAt = async () =>
  Number(
    (await stack.sql<{ n: string }>(`select last_seq as n from reports.event_offset where name = 'reports-live'`))[0]
      ?.n ?? 0,
  );

describe('outbox retention', () => {
  it('deletes what is past the replay window and the publisher has passed, and tells a late subscriber to reload', async () => {
    await submit();
    const live = await oldCopies('progress.updated', 3);
    const passed = await oldCopies('report.submitted', 1);
    // A new report wakes the coalescing publisher, which moves past the old submission.
    await submit();
    await eventually(publisherAt, (at) => expect(at).toBeGreaterThanOrEqual(passed[0]));
    const recent = (
      await stack.sql<{ seq: string }>(
        `select max(seq) as seq from reports.outbox_event where topic = 'progress.updated' and payload->>'areaId' = $1`,
        [VILLAGE],
      )
    ).map((r) => Number(r.seq));
    // An old submission the publisher has not read yet (its position held, as while it works): kept until it has.
    const holder = new Client({ connectionString: stack.databaseUrl });
    await holder.connect();
    await holder.query(`begin`);
    await holder.query(`select last_seq from reports.event_offset where name = 'reports-live' for update`);
    const unread = await oldCopies('report.submitted', 1);
    expect(await hub().prune()).toBeGreaterThanOrEqual(4);
    await holder.query(`rollback`);
    await holder.end();
    expect(await present([...live, ...passed])).toEqual([]);
    expect(await present([...unread, ...recent])).toEqual(ascending([...unread, ...recent]));
    const [{ through }] = await stack.sql<{ through: string }>(`select through from reports.outbox_pruned`);
    expect(Number(through)).toBeGreaterThanOrEqual(live[2]);

    // From before the deleted rows: the events still there (the recent one) would not be all it missed.
    const client = wsClient(stack.subgraphs.reports.url);
    const late = subscribe(client, PROGRESS, { a: VILLAGE, after: String(live[0] - 1) });
    const { errors } = await late.ending();
    expect(errors[0].extensions?.code).toBe('RELOAD_REQUIRED');
    expect(errors[0].message).toMatch(/^Đã mất kết nối quá lâu.*tải lại trang/);

    // From after them: replayed and live as before.
    const resumed = subscribe<{ progressUpdated: { eventId: string; progress: { residentsRegistered: number } } }>(
      client,
      PROGRESS,
      { a: VILLAGE, after: String(recent[0] - 1) },
    );
    expect((await resumed.take(1))[0].progressUpdated.eventId).toBe(String(recent[0]));
    await submit();
    expect((await resumed.take(1))[0].progressUpdated.progress.residentsRegistered).toBe(registered);
    await resumed.close();
    await client.dispose();
  });

  it('keeps what is inside the window, and three prunes at once (as several processes) share the work', async () => {
    const young = await oldCopies('progress.updated', 2, '23 hours');
    const old = await oldCopies('rank.changed', 300);
    const deleted = await Promise.all([hub().prune(), hub().prune(), hub().prune()]);
    // (The first test's unread submission may go too, once the publisher has passed it.)
    expect(deleted.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(old.length);
    const [{ through }] = await stack.sql<{ through: string }>(`select through from reports.outbox_pruned`);
    expect(Number(through)).toBeGreaterThanOrEqual(old[old.length - 1]);
    expect(await present(old)).toEqual([]);
    expect(await present(young)).toEqual(ascending(young));
  });
});
