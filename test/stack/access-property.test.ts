import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { signToken } from '../../shared/auth';
import type { TokenRole } from '../../shared/pure/auth-rules';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * A thousand generated bad or unauthorized recordPopulation calls through the gateway (random tokens, roles, areas
 * and figures): every one is refused, and not one row of population_revision (or the outbox) changes.
 */
let stack: TestStack;
beforeAll(async () => {
  // The rate limit would otherwise refuse most of them before the rule is reached.
  stack = await startTestStack({ limits: { mutationsPerWindow: 1_000_000 } });
});
afterAll(() => stack?.stop());

const RECORD = `mutation($area: ID!, $p: PopulationInput!, $reason: String!) { recordPopulation(areaId: $area, population: $p, reason: $reason) { id } }`;
const AREAS = ['P23', 'P01', 'C02949', 'C02762', 'C99999', 'V02949-08', 'V02949-01', 'V02762-01', 'U02949-01', 'nope'];
const target = fc.oneof(fc.constantFrom(...AREAS), fc.string({ maxLength: 12 }));

/** Identities paired with targets their area does not cover (or roles that may not record population at all). */
const unauthorized: Array<[TokenRole, string, fc.Arbitrary<string>]> = [
  ['PROVINCE_VIEWER', 'P23', target],
  ['UNIT_REPORTER', 'U02949-01', target],
  ['PROVINCE_ADMIN', 'P01', target.filter((t) => t !== 'P01')],
  ['COMMUNE_OFFICER', 'C02949', fc.constantFrom('P23', 'P01', 'C02762', 'V02762-01', 'C99999', 'nope')],
  ['COMMUNE_OFFICER', 'C99999', target.filter((t) => t !== 'C99999')],
  ['VILLAGE_REPORTER', 'V02949-08', target.filter((t) => t !== 'V02949-08')],
];

function hs256(payload: Record<string, unknown>, secret: string): string {
  const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

type Auth = { kind: string; header?: string; make?: () => Promise<string> };
const exp = () => Math.floor(Date.now() / 1000) + 600;

const badAuth: fc.Arbitrary<Auth> = fc.oneof(
  fc.constant<Auth>({ kind: 'none' }),
  fc.string({ maxLength: 40 }).map<Auth>((s) => ({ kind: 'garbage', header: `Bearer ${s.replace(/\s/g, '') || 'x'}` })),
  fc.string({ minLength: 1, maxLength: 20 }).map<Auth>((s) => ({ kind: 'not bearer', header: `Token ${s}` })),
  fc.constantFrom<TokenRole>('PROVINCE_ADMIN', 'COMMUNE_OFFICER').map<Auth>((role) => ({
    kind: 'foreign key',
    make: () =>
      signToken('a different key, just as long as ours', {
        sub: 'f',
        role,
        area: role === 'PROVINCE_ADMIN' ? 'P23' : 'C02949',
      }),
  })),
  fc.integer({ min: 1, max: 100_000 }).map<Auth>((ago) => ({
    kind: 'expired',
    make: () => signToken(stack.authSecret, { sub: 'e', role: 'PROVINCE_ADMIN', area: 'P23' }, { ttlSeconds: -ago }),
  })),
  fc
    .record({
      role: fc.string({ maxLength: 20 }),
      area: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...AREAS)),
    })
    .map<Auth>(({ role, area }) => ({
      kind: 'forged claims',
      // Signed with the right key but naming no real role (or a malformed area): still no identity.
      make: async () =>
        hs256(
          { sub: 's', iss: 'bdhvs-hub', exp: exp(), role: role === 'PROVINCE_ADMIN' ? 'ADMIN' : role, area },
          stack.authSecret,
        ),
    })),
);

const call = fc.oneof(
  fc.record({ auth: badAuth, area: target }),
  fc.constantFrom(...unauthorized).chain(([role, area, targets]) =>
    targets.map((t) => {
      const auth: Auth = { kind: `${role} ${area}`, make: () => signToken(stack.authSecret, { sub: 'u', role, area }) };
      return { auth, area: t };
    }),
  ),
);
// Mostly valid figures, so that it is the identity or the area, not the input, that must stop the call.
const figures = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      asOf: fc.constantFrom('2025-10-01', '2025-01-15'),
      adults: fc.integer({ min: 100, max: 1_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      asOf: fc.constantFrom('2025-10-01', '2099-01-01', '01/10/2025'),
      adults: fc.integer({ min: -5, max: 1_000_000 }),
      workingAge: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
    }),
  },
);

async function snapshot() {
  const [rows] = await stack.sql<{ n: number; digest: string }>(
    `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by id), '')) as digest from registry.population_revision t`,
  );
  const [events] = await stack.sql<{ n: number }>(`select count(*)::int as n from registry.outbox_event`);
  return { ...rows, events: events.n };
}

it('refuses 1,000 generated bad or unauthorized recordPopulation calls and writes nothing', async () => {
  const before = await snapshot();
  let sent = 0;
  const codes = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ call, p: figures, reason: fc.string({ minLength: 3, maxLength: 30 }) }), {
        minLength: 50,
        maxLength: 50,
      }),
      async (batch) => {
        // Fifty at a time, in parallel: a few seconds for the thousand.
        await Promise.all(
          batch.map(async ({ call: { auth, area }, p, reason }) => {
            const header = auth.header ?? (auth.make ? `Bearer ${await auth.make()}` : undefined);
            const res = await fetch(stack.gateway.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...(header ? { authorization: header } : {}) },
              body: JSON.stringify({ query: RECORD, variables: { area, p, reason } }),
            });
            const body = (await res.json()) as {
              data?: { recordPopulation?: unknown } | null;
              errors?: Array<{ extensions?: { code?: string } }>;
            };
            sent++;
            const code = body.errors?.[0]?.extensions?.code ?? 'none';
            codes.set(code, (codes.get(code) ?? 0) + 1);
            expect(body.data?.recordPopulation ?? null).toBeNull();
            // Anything without a valid identity is UNAUTHENTICATED (except that an anonymous call with a malformed date
            // fails variable coercion first, before anything runs); a valid identity is stopped by its input or its area.
            if (auth.kind === 'none' && p.asOf === '01/10/2025') expect(code).toBe('BAD_USER_INPUT');
            else if (!auth.kind.includes(' ') || ['foreign key', 'not bearer', 'forged claims'].includes(auth.kind))
              expect(code).toBe('UNAUTHENTICATED');
            else expect(['FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND']).toContain(code);
          }),
        );
      },
    ),
    { numRuns: 20, endOnFailure: true }, // no shrinking: each step is fifty HTTP calls
  );
  expect(sent).toBeGreaterThanOrEqual(1000);
  expect(codes.get('FORBIDDEN')).toBeGreaterThan(100);
  expect(codes.get('UNAUTHENTICATED')).toBeGreaterThan(300);
  expect(await snapshot()).toEqual(before);
}, 60_000);
