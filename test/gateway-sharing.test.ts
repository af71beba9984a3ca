import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway, type RunningGateway } from '../gateway/main';
import { IDENTITY_HEADER } from '../shared/auth';
import { SUBGRAPHS, type SubgraphName } from '../shared/topology';
import { ok, startTestStack, type GraphQLResponse, type TestStack } from './support/stack';

// A second gateway over the test stack's subgraphs, each behind a proxy that counts the POSTs the subgraph answers
// and holds each one 150 ms, so that concurrent gateway requests surely overlap.
let stack: TestStack;
let gateway: RunningGateway;
const proxies: http.Server[] = [];
const seen: Array<{ subgraph: SubgraphName; identity: string }> = [];

function countingProxy(subgraph: SubgraphName, target: string): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST') seen.push({ subgraph, identity: String(req.headers[IDENTITY_HEADER] ?? '') });
      const headers = { ...req.headers };
      delete headers.host;
      setTimeout(() => {
        const upstream = http.request(target, { method: req.method, headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.end(Buffer.concat(chunks));
      }, 150);
    });
  });
  proxies.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`)),
  );
}

beforeAll(async () => {
  stack = await startTestStack();
  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPHS) urls[name] = await countingProxy(name, stack.subgraphs[name].url);
  gateway = await startGateway({ port: 0, authSecret: stack.authSecret, subgraphUrls: urls, log: () => undefined });
});
afterAll(async () => {
  await gateway?.stop();
  for (const p of proxies) await new Promise((r) => p.close(r));
  await stack?.stop();
});

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> {
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

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
