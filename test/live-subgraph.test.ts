import { ok, startTestStack, type TestStack } from './support/stack';
import { collect, wsClient } from './support/ws';

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
    const village = collect<{ progressUpdated: { eventId: string; areaId: string; progress: { learners: number } } }>(
      client,
      q,
      { a: 'V02949-08' },
    );
    const commune = collect<{ progressUpdated: { eventId: string } }>(client, q, { a: 'C02949' });
    await new Promise((r) => setTimeout(r, 300));
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
    const [v] = await village.waitFor(1);
    expect(v.progressUpdated).toMatchObject({ areaId: 'V02949-08', progress: { learners: 777 } });
    await commune.waitFor(1);
    // Replay: a new subscription after an earlier id receives the event again.
    const replay = collect<{ progressUpdated: { eventId: string } }>(client, q, {
      a: 'V02949-08',
      after: String(Number(v.progressUpdated.eventId) - 1),
    });
    const [again] = await replay.waitFor(1);
    expect(again.progressUpdated.eventId).toBe(v.progressUpdated.eventId);
    village.stop();
    commune.stop();
    replay.stop();
    await client.dispose();
  });

  it('refuses an unknown area with NOT_FOUND', async () => {
    const client = wsClient(stack.subgraphs.reports.url);
    const sub = collect(client, `subscription { progressUpdated(areaId: "C99999") { eventId } }`);
    await new Promise((r) => setTimeout(r, 500));
    expect(JSON.stringify(sub.errors)).toContain('NOT_FOUND');
    await client.dispose();
  });
});
