import { auditServer } from 'graphql-http';
import { startGateway } from '../../gateway/main';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * GraphQL over HTTP (issue 21, item 9): the spec's own audit (graphql-http's `auditServer`) against the gateway, all
 * ok; and the three cases it used to warn about, asserted here directly: a document that fails to parse, to
 * validate or to coerce its variables answers 200 (with errors and no data) to a client that accepts
 * application/json, and still 400 to one that accepts application/graphql-response+json.
 */
let stack: TestStack;
beforeAll(async () => void (stack = await startTestStack()));
afterAll(() => stack?.stop());

/** A second gateway over the same subgraphs, with Apollo Server's CSRF prevention on. */
const csrfPreventingGateway = () =>
  startGateway({
    port: 0,
    authSecret: stack.authSecret,
    csrfPrevention: true,
    subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([n, s]) => [n, s.url])),
    log: () => undefined,
  });

/** The audits that send a plain GET, which Apollo Server's CSRF prevention (GATEWAY_CSRF_PREVENTION=1) refuses. */
const PLAIN_GET = ['80D8', '5A70', 'D6D5', '6A70'];

const describe = (results: Array<{ id: string; name: string; status: string; reason?: string }>) =>
  results.filter((r) => r.status !== 'ok').map((r) => `${r.id} ${r.name}: ${r.status} ${r.reason}`);

it('graphql-http’s auditServer against the gateway: every audit ok (61 of 61)', async () => {
  const results = await auditServer({ url: stack.gateway.url });
  expect(describe(results)).toEqual([]);
  expect(results.length).toBeGreaterThanOrEqual(61);
});

it('with GATEWAY_CSRF_PREVENTION on, only the plain GETs are refused', async () => {
  const gateway = await csrfPreventingGateway();
  try {
    const results = await auditServer({ url: gateway.url });
    const refused = describe(results).map((line) => line.slice(0, 4));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((id) => !PLAIN_GET.includes(id))).toEqual([]);
  } finally {
    await gateway.stop();
  }
});

const REFUSED: Array<[string, Record<string, unknown>, string]> = [
  ['a document that does not parse', { query: '{' }, 'GRAPHQL_PARSE_FAILED'],
  ['a document that fails validation', { query: '{ f8f31403dfe404bccbb0e835f2629c6a7 }' }, 'GRAPHQL_VALIDATION_FAILED'],
  [
    'variables that do not coerce',
    { query: 'query CoerceMe($code: String!) { province(code: $code) { name } }', variables: { code: false } },
    'BAD_USER_INPUT',
  ],
];

async function post(body: Record<string, unknown>, accept: string) {
  const res = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  return { status: res.status, type: res.headers.get('content-type') ?? '', json };
}

it.each(REFUSED)('%s answers 200 with errors and no data under Accept: application/json', async (_l, body, code) => {
  const { status, type, json } = await post(body, 'application/json');
  expect({ status, code: json.errors?.[0]?.extensions?.code }).toEqual({ status: 200, code });
  expect(type).toContain('application/json');
  expect(json).not.toHaveProperty('data');
});

it.each(REFUSED)('%s still answers 400 under Accept: application/graphql-response+json', async (_l, body, code) => {
  const { status, type, json } = await post(body, 'application/graphql-response+json');
  expect({ status, code: json.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code });
  expect(type).toContain('application/graphql-response+json');
  expect(json).not.toHaveProperty('data');
});

it('a document refused by a limit keeps 400 for a client that names no media type (as before)', async () => {
  const res = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ nope }' }),
  });
  expect(res.status).toBe(400);
});

it('a body that is not JSON answers a GraphQL error with 400 (the spec asks it for application/json too)', async () => {
  for (const [accept, status, type] of [
    ['application/json', 400, 'application/json'],
    ['application/graphql-response+json', 400, 'application/graphql-response+json'],
  ] as const) {
    const res = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: '{ "not a JSON',
    });
    expect({ accept, status: res.status }).toEqual({ accept, status });
    expect(res.headers.get('content-type')).toContain(type);
    const body = (await res.json()) as { data?: unknown; errors?: Array<{ message: string }> };
    expect(body.errors?.[0].message).toMatch(/JSON/);
    expect(body).not.toHaveProperty('data');
  }
});

it.each([
  ['no query', { notquery: '{ __typename }' }],
  ['a query that is not a string', { query: 0 }],
  ['an operationName that is not a string', { query: '{ __typename }', operationName: false }],
  ['variables that are not a map', { query: '{ __typename }', variables: 'string' }],
  ['extensions that are not a map', { query: '{ __typename }', extensions: ['array'] }],
])(
  'a request with %s answers 200 with errors for application/json, 400 for graphql-response+json',
  async (_l, body) => {
    const legacy = await post(body, 'application/json');
    expect({ status: legacy.status, code: legacy.json.errors?.[0]?.extensions?.code }).toEqual({
      status: 200,
      code: 'BAD_REQUEST',
    });
    expect(legacy.json).not.toHaveProperty('data');
    const current = await post(body, 'application/graphql-response+json');
    expect(current.status).toBe(400);
  },
);

it('a plain GET query is answered by default, and refused with GATEWAY_CSRF_PREVENTION on', async () => {
  const get = (url: string) => {
    const u = new URL(url);
    u.searchParams.set('query', '{ __typename }');
    return fetch(u, { headers: { accept: 'application/json' } });
  };
  const res = await get(stack.gateway.url);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  const gateway = await csrfPreventingGateway();
  try {
    // Refused, not run (200 to an application/json client, as every request-level refusal).
    const refused = (await (await get(gateway.url)).json()) as { data?: unknown; errors?: Array<{ message: string }> };
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0].message).toMatch(/CSRF/);
  } finally {
    await gateway.stop();
  }
});
