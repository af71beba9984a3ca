import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { signToken } from '../../shared/auth';
import type { TokenRole } from '../../shared/pure/auth-rules';
import { fragmentBomb, GATEWAY_REQUESTS, PROBE } from '../../bench/queries';
import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';

/** Access through the gateway: tokens, the rule on recordPopulation, subgraphs that verify, and the abuse limits. */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const RECORD = `mutation($area: ID!, $p: PopulationInput!, $reason: String!) {
  recordPopulation(areaId: $area, population: $p, reason: $reason) { id areaId adults }
}`;
const figures = (adults: number) => ({ asOf: '2025-10-01', adults });
const revisions = async () =>
  (await stack.sql<{ n: number }>(`select count(*)::int as n from registry.population_revision`))[0].n;
const events = async () =>
  (await stack.sql<{ n: number }>(`select count(*)::int as n from registry.outbox_event`))[0].n;

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> },
  };
}

describe('reading without a token', () => {
  it('answers the public hierarchy, as on the province portal', async () => {
    const data = ok(
      await stack.gql<{ province: { communes: unknown[] } }>(
        `{ province(code: "23") { name communes { name kind villages { name formerCommune } population { adults } } } }`,
      ),
    );
    expect(data.province.communes).toHaveLength(96);
  });

  it('refuses an anonymous recordPopulation with UNAUTHENTICATED and writes nothing', async () => {
    const before = [await revisions(), await events()];
    const res = await stack.gql(RECORD, { area: 'V02949-08', p: figures(700), reason: 'Rà soát' });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/^Cần đăng nhập để cập nhật dân số.*quản trị cấp tỉnh.*PROVINCE_ADMIN/);
    expect([await revisions(), await events()]).toEqual(before);
  });
});

describe('recordPopulation by role and area', () => {
  // Xà Râu (V02949-08) is a village of Ba Tô (C02949) in Quảng Ngãi (P23); Hành Thiện (C02762) is another commune.
  it.each<[TokenRole, string, string, 'ok' | 'FORBIDDEN']>([
    ['PROVINCE_ADMIN', 'P23', 'P23', 'ok'],
    ['PROVINCE_ADMIN', 'P23', 'C02949', 'ok'],
    ['PROVINCE_ADMIN', 'P23', 'V02949-08', 'ok'],
    ['PROVINCE_ADMIN', 'P01', 'C02949', 'FORBIDDEN'],
    ['PROVINCE_VIEWER', 'P23', 'C02949', 'FORBIDDEN'],
    ['PROVINCE_VIEWER', 'P23', 'V02949-08', 'FORBIDDEN'],
    ['COMMUNE_OFFICER', 'C02949', 'C02949', 'ok'],
    ['COMMUNE_OFFICER', 'C02949', 'V02949-08', 'ok'],
    ['COMMUNE_OFFICER', 'C02949', 'C02762', 'FORBIDDEN'],
    ['COMMUNE_OFFICER', 'C02949', 'P23', 'FORBIDDEN'],
    ['VILLAGE_REPORTER', 'V02949-08', 'V02949-08', 'ok'],
    ['VILLAGE_REPORTER', 'V02949-08', 'V02949-01', 'FORBIDDEN'],
    ['VILLAGE_REPORTER', 'V02949-08', 'C02949', 'FORBIDDEN'],
    ['UNIT_REPORTER', 'U02949-01', 'V02949-08', 'FORBIDDEN'],
    ['UNIT_REPORTER', 'U02949-01', 'C02949', 'FORBIDDEN'],
    ['COMMUNE_OFFICER', 'C99999', 'C02949', 'FORBIDDEN'], // well-formed but no such commune: covers nothing
  ])('%s over %s recording for %s → %s', async (role, area, target, expected) => {
    const before = [await revisions(), await events()];
    const res = await stack.gql<{ recordPopulation: { areaId: string } }>(
      RECORD,
      { area: target, p: figures(500), reason: 'Kiểm tra quyền' },
      { token: await stack.token(role, area) },
    );
    if (expected === 'ok') {
      expect(ok(res).recordPopulation.areaId).toBe(target);
      // One revision; two events: population.recorded and its audit entry's audit.recorded.
      expect([await revisions(), await events()]).toEqual([before[0] + 1, before[1] + 2]);
      const [row] = await stack.sql<{ recorded_by: string }>(
        `select recorded_by from registry.population_revision order by id desc limit 1`,
      );
      expect(row.recorded_by).toBe(`test:${role}:${area}`);
    } else {
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toMatch(
        new RegExp(
          `^Không có quyền cập nhật dân số cho (tỉnh|xã|thôn|đơn vị) ${target}: việc này dành cho .*; tài khoản này là [^()A-Z]+ \\(${area}\\) \\(not allowed.*you are ${role} ${area}`,
        ),
      );
      expect([await revisions(), await events()]).toEqual(before);
    }
  });
});

describe('bad tokens', () => {
  const claims = { sub: 'x', role: 'PROVINCE_ADMIN' as const, area: 'P23' };
  async function forged(payload: Record<string, unknown>): Promise<string> {
    const head = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ iss: 'bdhvs-hub', exp: Math.floor(Date.now() / 1000) + 600, ...payload }),
    ).toString('base64url');
    return `${head}.${body}.${createHmac('sha256', stack.authSecret).update(`${head}.${body}`).digest('base64url')}`;
  }

  it.each<[string, () => Promise<string>]>([
    ['signed with another key', () => signToken('another key that is long enough to be used', claims)],
    ['expired', () => signToken(stack.authSecret, claims, { ttlSeconds: -60 })],
    ['malformed', async () => 'eyJhbGciOi.not-a-token'],
    ['with an unknown role', () => forged({ sub: 'x', role: 'SUPER_ADMIN', area: 'P23' })],
    ['with a malformed area', () => forged({ sub: 'x', role: 'COMMUNE_OFFICER', area: 'Ba Tô' })],
    ['with an area of the wrong level', () => forged({ sub: 'x', role: 'VILLAGE_REPORTER', area: 'P23' })],
  ])('refuses a token %s with 401 UNAUTHENTICATED, for reads and writes alike', async (_label, make) => {
    const token = await make();
    const before = await revisions();
    for (const query of ['{ provinces { code } }', RECORD]) {
      const res = await post(JSON.stringify({ query, variables: { area: 'P23', p: figures(1), reason: 'x' } }), {
        authorization: `Bearer ${token}`,
      });
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.errors?.[0].message).toMatch(/^Mã truy cập/);
      expect(res.body.data).toBeUndefined();
    }
    expect(await revisions()).toBe(before);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const res = await post(JSON.stringify({ query: '{ provinces { code } }' }), {
      authorization: 'Basic YWRtaW46YWRtaW4=',
    });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('a subgraph does not trust the network', () => {
  async function direct(headers: Record<string, string>) {
    const res = await fetch(stack.subgraphs.registry.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: RECORD, variables: { area: 'C02949', p: figures(1), reason: 'Ghi thẳng' } }),
    });
    return (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  }

  it('refuses a write sent straight to the registry port without, or with a forged, identity', async () => {
    const before = [await revisions(), await events()];
    const viewer = Buffer.from(JSON.stringify({ id: 'x', name: null, role: 'PROVINCE_ADMIN', area: 'P23' })).toString(
      'base64url',
    );
    const callerToken = await stack.token('PROVINCE_ADMIN', 'P23');
    const attempts: Array<Record<string, string>> = [
      {},
      { 'x-hub-viewer': viewer },
      { 'x-hub-identity': callerToken },
      { authorization: `Bearer ${callerToken}` },
    ];
    for (const headers of attempts) {
      expect((await direct(headers)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect([await revisions(), await events()]).toEqual(before);
  });
});

describe('npm run token', () => {
  // Asynchronous, so the test's HTTP connections stay alive while npm builds.
  // The first case runs `npm run token` (which builds); the others run the built script, to save a build each.
  const run = (args: string[], built = true) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const [cmd, pre] = built
        ? [process.execPath, ['dist/scripts/token.js']]
        : ['npm', ['run', 'token', '--silent', '--']];
      execFile(
        cmd,
        [...pre, ...args],
        { cwd: path.join(__dirname, '..', '..'), env: { ...process.env, AUTH_SECRET: stack.authSecret } },
        (error, stdout, stderr) =>
          resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });

  it('prints only a token the stack accepts, valid for 12 hours', async () => {
    const out = await run(['--role', 'COMMUNE_OFFICER', '--area', 'C02949'], false);
    expect(out.status).toBe(0);
    const token = out.stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
      exp: number;
      iat: number;
      role: string;
      area: string;
    };
    expect(payload.exp - payload.iat).toBe(12 * 3600);
    expect([payload.role, payload.area]).toEqual(['COMMUNE_OFFICER', 'C02949']);
    ok(await stack.gql(RECORD, { area: 'V02949-03', p: figures(300), reason: 'Thử mã' }, { token }));
    // The build behind `npm run token` (tsc over the whole server) takes over a minute on two busy cores.
  }, 300_000);

  it.each([
    [['--role', 'KING', '--area', 'P23'], /unknown role/],
    [['--role', 'COMMUNE_OFFICER', '--area', 'Ba To'], /malformed area/],
    [['--role', 'UNIT_REPORTER', '--area', 'C02949'], /must be over a unit/],
    [['--role', 'PROVINCE_ADMIN'], /required/],
  ])(
    'refuses %j with exit code 2 and a clear message',
    async (args, message) => {
      const out = await run(args);
      expect(out.status).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(message);
    },
    60_000,
  );
});

describe('abuse limits', () => {
  it('lets the heavy portal query and a fuller dashboard through', async () => {
    ok(
      await stack.gql(
        `{ province(code: "23") { name communes { name kind villages { name formerCommune } population { adults } } } }`,
      ),
    );
    ok(
      await stack.gql(`{ province(code: "23") { id code name fullName population { asOf adults households }
        communes { id code name kind population { asOf adults workingAge households officials students }
          villages { id name formerCommune population { adults workingAge } } units { id name type staff }
          plans { number issuedOn implements { number title } } populationHistory { asOf adults reason } } } }`),
    );
  });

  it('still serves the Sandbox its introspection query', async () => {
    ok(await stack.gql(getIntrospectionQuery()));
  });

  it('refuses a depth bomb with QUERY_TOO_COMPLEX before running it', async () => {
    const res = await post(
      JSON.stringify({
        query: `{ village(id: "V02949-08") { commune { villages { commune { villages { commune { villages { commune { villages { name } } } } } } } } } }`,
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.errors?.[0].message).toMatch(/^Truy vấn quá phức tạp.*depth limit of 8/);
  });

  // How fast refusals are under load is measured by `npm run bench -- refusals`, not here.
  it.each([
    ['issue 11’s 110-byte probe (communes of the province, three times)', PROBE, /estimated [\d,]+ objects/],
    [
      'issue 21’s 63-byte probe (every commune of the country, each with its province’s communes)',
      '{nation{communeRanking{commune{province{communes{id name}}}}}}',
      /estimated [\d,]+ objects, the limit is 200,000/,
    ],
    [
      'its 30-alias form',
      `{${Array.from({ length: 30 }, (_, i) => `a${i}:nation{communeRanking{commune{province{communes{id name}}}}}`).join(' ')}}`,
      /estimated [\d,]+ objects, the limit is 200,000/,
    ],
    ['a 1.3 KB fragment bomb (30 fragments, each spreading the one before twice)', fragmentBomb(30), /depth limit/],
  ])('refuses %s with 400 QUERY_TOO_COMPLEX', async (_label, query, detail) => {
    const res = await post(JSON.stringify({ query }));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.errors?.map((e) => e.message).join('\n')).toMatch(/Truy vấn quá phức tạp/);
    expect(res.body.errors?.map((e) => e.message).join('\n')).toMatch(detail);
    expect(res.body.data).toBeUndefined();
  });

  it('counts a page size given as a variable: `first: $n` costs n', async () => {
    const query = `query($n: Int) { nation { communeRanking(first: $n) { commune { province { communes { id } } } } } }`;
    const big = await post(JSON.stringify({ query, variables: { n: 3000 } }));
    expect(big.status).toBe(400);
    expect(big.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const small = await stack.gql<{ nation: { communeRanking: unknown[] } }>(query, { n: 3 });
    expect(ok(small).nation.communeRanking).toHaveLength(3);
  });

  it('lets the benchmark’s province dashboard and commune page through', async () => {
    for (const request of GATEWAY_REQUESTS) ok(await stack.gql(request.query, request.variables));
  });

  it('refuses a document with too many tokens or aliases with QUERY_TOO_COMPLEX', async () => {
    const tokens = await post(JSON.stringify({ query: `{ provinces { ${'code '.repeat(4000)} } }` }));
    expect(tokens.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(tokens.status).toBe(400);
    const aliases = await post(
      JSON.stringify({ query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: provinces { code }`).join(' ')} }` }),
    );
    expect(aliases.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(aliases.status).toBe(400);
  });

  it('refuses an oversized request with 413 REQUEST_TOO_LARGE', async () => {
    const res = await post(
      JSON.stringify({ query: '{ provinces { code } }', variables: { padding: 'x'.repeat(200_000) } }),
    );
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0].extensions?.code).toBe('REQUEST_TOO_LARGE');
    expect(res.body.errors?.[0].message).toMatch(/^Yêu cầu quá lớn/);
  });

  it('refuses a caller’s mutations over the rate limit with 429 RATE_LIMITED, and counts each caller apart', async () => {
    const flood = await stack.token('COMMUNE_OFFICER', 'C02762');
    const body = JSON.stringify({
      query: RECORD,
      variables: { area: 'C02762', p: { asOf: '2099-01-01', adults: 1 }, reason: 'x' },
    });
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 61; i++)
      codes.push((await post(body, { authorization: `Bearer ${flood}` })).body.errors?.[0].extensions?.code);
    expect(codes.slice(0, 60).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
    const limited = await post(body, { authorization: `Bearer ${flood}` });
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(limited.body.errors?.[0].message).toMatch(/^Gửi quá nhiều thao tác ghi/);
    // Reads are not counted, and another caller still has its own budget.
    ok(await stack.gql(`{ provinces { code } }`, {}, { token: flood }));
    const other = await stack.gql(
      RECORD,
      { area: 'C02762', p: figures(9000), reason: 'Khác' },
      { token: await stack.token('PROVINCE_ADMIN', 'P23') },
    );
    expect(other.errors).toBeUndefined();
  });

  it('counts each mutation field against the limit: two operations of 30 aliased submitUnitReport use the 60', async () => {
    const token = await stack.token('UNIT_REPORTER', 'U02949-03'); // a caller no other test uses
    const aliased = (n: number) =>
      JSON.stringify({
        query: `mutation($input: UnitReportInput!) { ${Array.from({ length: n }, (_, i) => `r${i}: submitUnitReport(input: $input) { id }`).join(' ')} }`,
        // A date in the future: each field is refused on its own (BAD_USER_INPUT), nothing is written.
        variables: {
          input: {
            reporterId: 'U02949-03',
            reportDate: '2099-01-01',
            groups: [{ group: 'OFFICIALS', registered: 1, completed: 0, certified: 0 }],
          },
        },
      });
    const headers = { authorization: `Bearer ${token}` };
    for (let round = 0; round < 2; round++) {
      const res = await post(aliased(30), headers);
      expect(res.status).toBe(200);
      // Mutations run one after another; the first refusal nulls the non-null result and stops the rest.
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(res.body.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    }
    const limited = await post(aliased(1), headers);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
