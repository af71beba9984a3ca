import fc from 'fast-check';
import { ok, startTestStack, type TestStack } from '../support/stack';
import { subscribe, wsClient } from '../support/ws';
import { hubSubscriptions, subscribed } from '../support/wait';

/**
 * A thousand generated bad or over-limit subscription documents over graphql-ws (syntax errors, unknown fields,
 * depth, aliases, tokens, cost, bad variables, queries sent as subscriptions): each is refused with a code on its
 * own id, the socket stays open, and not one upstream subscription is opened — at the gateway or at reports.
 */
let stack: TestStack;
beforeAll(async () => {
  // A thousand refusals from one address: past the budget of refused documents (300 a minute) all would be
  // RATE_LIMITED, which test/stack/live-hardening.test.ts covers; here each document's own refusal is the point.
  stack = await startTestStack({ limits: { refusalsPerWindow: 1_000_000 } });
});
afterAll(() => stack?.stop());

const GOOD = `subscription($a: ID!) { progressUpdated(areaId: $a) { eventId progress { learners } } }`;
const nest = (levels: number, leaf: string) =>
  Array.from({ length: levels }).reduce<string>(
    (inner, _, i) => `${i % 2 ? 'commune' : 'villages'} { ${inner} }`,
    leaf,
  );

type Case = { kind: string; query: string; variables?: Record<string, unknown> };
const cases: fc.Arbitrary<Case> = fc.oneof(
  fc.integer({ min: 1, max: GOOD.length - 1 }).map((cut) => ({
    kind: 'truncated',
    query: GOOD.slice(0, cut),
    variables: { a: 'C02949' },
  })),
  fc.string({ maxLength: 60 }).map((query) => ({ kind: 'garbage', query })),
  fc
    .stringMatching(/^[a-z][A-Za-z]{0,12}$/)
    .filter(
      (f) => !['eventId', 'areaId', 'asOf', 'cause', 'progress', 'province', 'commune', 'village', 'unit'].includes(f),
    )
    .map((f) => ({ kind: 'unknown field', query: `subscription { progressUpdated(areaId: "C02949") { ${f} } }` })),
  fc.integer({ min: 8, max: 40 }).map((n) => ({
    kind: 'too deep',
    query: `subscription { progressUpdated(areaId: "C02949") { commune { ${nest(n, 'name')} } } }`,
  })),
  fc.integer({ min: 31, max: 400 }).map((n) => ({
    kind: 'aliases',
    query: `subscription { progressUpdated(areaId: "C02949") { ${Array.from({ length: n }, (_, i) => `a${i}: eventId`).join(' ')} } }`,
  })),
  fc.integer({ min: 3001, max: 9000 }).map((n) => ({
    kind: 'tokens',
    query: `subscription { progressUpdated(areaId: "C02949") { ${'eventId '.repeat(n)} } }`,
  })),
  fc.constantFrom('villages { name }', 'units { name }', 'populationHistory { adults }').map((leaf) => ({
    kind: 'cost',
    query: `subscription { progressUpdated(areaId: "P23") { province { communes { province { communes { ${leaf} } } } } } }`,
  })),
  fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant({ x: 1 }), fc.array(fc.nat())).map((a) => ({
    kind: 'bad variable',
    query: GOOD,
    variables: a === undefined ? {} : { a },
  })),
  fc.constantFrom('query', 'mutation').map((op) => ({
    kind: 'not a subscription',
    query: op === 'query' ? '{ provinces { code } }' : 'mutation { __typename }',
  })),
);

const CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
];

it('refuses 1,000 generated bad or over-limit subscriptions with a code, and never opens an upstream', async () => {
  const client = wsClient(stack.gateway.url);
  let sent = 0;
  const kinds = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fc.array(cases, { minLength: 50, maxLength: 50 }), async (batch) => {
      const endings = await Promise.all(
        batch.map((c) =>
          subscribe(client, c.query, c.variables ?? {})
            .ending(5000)
            .then((e) => ({ c, e })),
        ),
      );
      for (const { c, e } of endings) {
        sent++;
        kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
        expect(e.closeCode).toBeUndefined(); // the socket stays open
        expect([c.kind, CODES.includes(e.errors[0]?.extensions?.code ?? 'none')]).toEqual([c.kind, true]);
      }
      expect(stack.gateway.subscriptions.upstreams()).toBe(0);
      expect(hubSubscriptions(stack)).toBe(0);
    }),
    { numRuns: 20, endOnFailure: true }, // no shrinking: each step is fifty subscriptions
  );
  expect(sent).toBeGreaterThanOrEqual(1000);
  expect(kinds.size).toBe(9);
  // After a thousand refusals the connection still has its whole budget: a valid subscription delivers.
  const good = subscribe<{ progressUpdated: { progress: { learners: number } } }>(client, GOOD, { a: 'V02949-08' });
  await subscribed(stack);
  ok(
    await stack.gql(
      `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
      {
        input: {
          reporterId: 'V02949-08',
          reportDate: '2025-12-20',
          groups: [{ group: 'RESIDENTS', registered: 2468, completed: 0, certified: 0 }],
        },
      },
      { token: await stack.token('PROVINCE_ADMIN', 'P23') },
    ),
  );
  expect((await good.take(1))[0].progressUpdated.progress.learners).toBe(2468);
  await client.dispose();
}, 120_000);
