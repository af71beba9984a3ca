import { startProxiedGateway, type ProxiedGateway, type SeenRequest } from '../support/delaying-proxy';
import { ok, startTestStack, type TestStack } from '../support/stack';

// A second gateway over the test stack's subgraphs, each behind a proxy that counts the POSTs the subgraph answers
// and holds each read's answer 150 ms, so that concurrent gateway requests surely overlap.
let stack: TestStack;
let proxied: ProxiedGateway;
let seen: SeenRequest[];

beforeAll(async () => {
  stack = await startTestStack();
  proxied = await startProxiedGateway(stack);
  seen = proxied.seen;
});
afterAll(async () => {
  await proxied?.stop();
  await stack?.stop();
});

const gql = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
  proxied.gql<T>(query, variables, token);

const VILLAGES = `query($id: ID!) { commune(id: $id) { id name
  villages { id name population { adults } progress { learners participationRate } } } }`;

describe('identical subgraph fetches in flight at the same time', () => {
  it('share one subgraph request, and every caller gets the whole answer', async () => {
    seen.length = 0;
    const alone = ok(await gql(VILLAGES, { id: 'C02949' }));
    const perRequest = seen.length;
    expect(perRequest).toBeGreaterThanOrEqual(2); // registry and reports

    seen.length = 0;
    const answers = await Promise.all(Array.from({ length: 8 }, () => gql(VILLAGES, { id: 'C02949' })));
    for (const answer of answers) expect(ok(answer)).toEqual(alone);
    // Without sharing: 8 × perRequest. With it, about one set (two if the requests straddle a fetch).
    expect(seen.length).toBeLessThanOrEqual(2 * perRequest);
  });

  it('are never shared between callers who see different things', async () => {
    const admin = await stack.token('PROVINCE_ADMIN', 'P23');
    const [village] = await stack.sql<{ id: string }>(
      `select id from reports.area where commune_id = 'C02949' and level = 'VILLAGE' order by id limit 1`,
    );
    ok(
      await gql(
        `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
        {
          input: {
            reporterId: village.id,
            reportDate: '2025-12-20',
            groups: [{ group: 'RESIDENTS', registered: 3, completed: 2, certified: 2 }],
            people: [{ name: 'Người dân chia sẻ', role: 'RESIDENT', certified: true, guided: 2 }],
          },
        },
        admin,
      ),
    );
    const REWARDS = `query($id: ID!) { commune(id: $id) { id rewards(asOf: "2025-12-20") { people { name } } } }`;
    type Rewards = { commune: { rewards: { people: Array<{ name: string }> | null } } };

    seen.length = 0;
    const callers = [admin, undefined, admin, undefined, admin, undefined];
    const answers = await Promise.all(callers.map((token) => gql<Rewards>(REWARDS, { id: 'C02949' }, token)));
    answers.forEach((answer, i) => {
      const people = ok(answer).commune.rewards.people;
      if (callers[i]) expect(people?.map((p) => p.name)).toContain('Người dân chia sẻ');
      else expect(people).toBeNull(); // names of people are for those who may read the commune
    });
    // The anonymous callers' reports fetches went without an identity, the admin's with one: two requests at least.
    const reports = seen.filter((s) => s.subgraph === 'reports');
    expect(new Set(reports.map((s) => s.identity !== '')).size).toBe(2);
  });
});
