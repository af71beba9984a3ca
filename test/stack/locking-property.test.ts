import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import type { TokenRole } from '../../shared/pure/auth-rules';
import { findControlCharacter } from '../../shared/pure/text';
import { ok, startTestStack, type GraphQLResponse, type TestStack } from '../support/stack';

/**
 * More than a thousand generated bad, unauthorized or locked portal imports, approvals and reopenings through the
 * gateway: every one is refused with a code, and not one row of the imports, the periods, their history, the
 * outbox or the audit trail changes (issue 11: the property test extended to imports and approvals).
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ limits: { mutationsPerWindow: 1_000_000 } });
  // One approved period the generated calls run into (imports on it, approving it again).
  ok(
    await stack.gql(
      APPROVE,
      { c: BA_TO, d: LOCKED, note: null },
      { token: await stack.token('COMMUNE_OFFICER', BA_TO) },
    ),
  );
});
afterAll(() => stack?.stop());

const BA_TO = 'C02949';
const LOCKED = '2025-11-14';
const OPEN = '2025-11-21';
const IMPORT = `mutation($rows: [PortalStatisticInput!]!) { importPortalStatistics(rows: $rows) { importId } }`;
const APPROVE = `mutation($c: ID!, $d: Date!, $note: String) { approveReportingPeriod(communeId: $c, reportDate: $d, note: $note) { state } }`;
const REOPEN = `mutation($c: ID!, $d: Date!, $reason: String!) { reopenReportingPeriod(communeId: $c, reportDate: $d, reason: $reason) { state } }`;

function hs256(payload: Record<string, unknown>): string {
  const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${head}.${body}.${createHmac('sha256', stack.authSecret).update(`${head}.${body}`).digest('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);

/** Who calls: no valid identity (`bad`), an identity that may not act on Ba Tô (`other`), or one that may (`allowed`). */
type Caller = { kind: 'bad' | 'other' | 'allowed'; header: () => Promise<string | undefined> };
const token = (role: TokenRole, area: string) => () => stack.token(role, area).then((t) => `Bearer ${t}`);
const caller: fc.Arbitrary<Caller> = fc.oneof(
  fc.constantFrom<Caller>(
    { kind: 'bad', header: async () => undefined },
    { kind: 'bad', header: async () => 'Bearer not.a.token' },
    {
      kind: 'bad',
      header: async () =>
        `Bearer ${hs256({ sub: 'x', iss: 'bdhvs-hub', role: 'PROVINCE_ADMIN', area: 'P23', exp: now() - 60 })}`,
    },
    // A century-long token, signed with the right key: refused for its lifetime.
    {
      kind: 'bad',
      header: async () =>
        `Bearer ${hs256({ sub: 'x', iss: 'bdhvs-hub', role: 'PROVINCE_ADMIN', area: 'P23', exp: now() + 3.2e9 })}`,
    },
    {
      kind: 'bad',
      header: async () =>
        `Bearer ${hs256({ sub: 'x', iss: 'bdhvs-hub', role: 'ADMIN', area: 'P23', exp: now() + 600 })}`,
    },
  ),
  fc.constantFrom<Caller>(
    { kind: 'other', header: token('VILLAGE_REPORTER', 'V02949-08') },
    { kind: 'other', header: token('UNIT_REPORTER', 'U02949-01') },
    { kind: 'other', header: token('PROVINCE_VIEWER', 'P23') },
    { kind: 'other', header: token('COMMUNE_OFFICER', 'C02762') },
    { kind: 'other', header: token('PROVINCE_ADMIN', 'P01') },
  ),
  fc.constantFrom<Caller>(
    { kind: 'allowed', header: token('COMMUNE_OFFICER', BA_TO) },
    { kind: 'allowed', header: token('PROVINCE_ADMIN', 'P23') },
  ),
);

const goodRow = fc
  .record({
    communeId: fc.constant(BA_TO),
    date: fc.constantFrom('2025-12-01', '2025-12-02', '2025-12-03'),
    officialsRegistered: fc.integer({ min: 0, max: 5000 }),
    residentsRegistered: fc.integer({ min: 0, max: 5000 }),
  })
  .map((r) => ({ ...r, learners: r.officialsRegistered + r.residentsRegistered }));
/** A row that must stop the whole import: on the approved period, or invalid in one field. */
const badRow = fc.oneof(
  goodRow.map((r) => ({ ...r, date: LOCKED })),
  goodRow.map((r) => ({ ...r, learners: r.learners + 1 })),
  goodRow.map((r) => ({ ...r, officialsRegistered: -1, learners: r.residentsRegistered - 1 })),
  fc.tuple(goodRow, fc.constantFrom('2099-01-02', '2024-12-31', '0100-01-01')).map(([r, date]) => ({ ...r, date })),
  goodRow.map((r) => ({ ...r, communeId: 'C99999' })),
  fc.tuple(goodRow, fc.constantFrom('\u0000', '\u0007', '\u001b')).map(([r, c]) => ({ ...r, communeId: `C029${c}49` })),
  goodRow.map((r) => ({ ...r, rank: 0 })),
  goodRow.map((r) => ({ ...r, officialsPercent: 100.5 })),
);
const importVars = fc
  .oneof(
    { weight: 9, arbitrary: fc.tuple(fc.array(goodRow, { maxLength: 3 }), badRow, fc.nat()) },
    { weight: 1, arbitrary: fc.constant<[never[], null, number]>([[], null, 0]) },
  )
  .map(([good, bad, at]) => {
    // Distinct dates for the good rows (a duplicate would be one more reason to refuse, which is fine but vaguer).
    const rows: Array<Record<string, unknown>> = [...new Map(good.map((r) => [r.date, r])).values()];
    if (bad) rows.splice(at % (rows.length + 1), 0, bad);
    return { rows };
  });
const periodDate = fc.constantFrom(LOCKED, OPEN, '2099-01-02', '2024-12-31');
const approveVars = fc.record({
  c: fc.constantFrom(BA_TO, BA_TO, 'C99999'),
  d: periodDate,
  note: fc.constantFrom(null, 'Đã kiểm tra', 'x'.repeat(1001), 'ghi chú\u0000'),
});
const reopenVars = fc.record({
  c: fc.constantFrom(BA_TO, BA_TO, 'C99999'),
  d: periodDate,
  reason: fc.constantFrom('Sửa số liệu', '   ', '\u200B\u200B', 'lý do\u0007'),
});

/** Would an allowed caller succeed? Only with a valid call on a period in the right state; such calls are bent. */
function wouldSucceed(op: string, vars: Record<string, unknown>): boolean {
  if (op === 'approve')
    return vars.c === BA_TO && vars.d === OPEN && (vars.note === null || vars.note === 'Đã kiểm tra');
  if (op === 'reopen') return vars.c === BA_TO && vars.d === LOCKED && vars.reason === 'Sửa số liệu';
  return false; // every generated import has a bad row, or none at all
}

const call = fc
  .oneof(
    fc.record({ op: fc.constant('import' as const), caller, vars: importVars }),
    fc.record({ op: fc.constant('approve' as const), caller, vars: approveVars }),
    fc.record({ op: fc.constant('reopen' as const), caller, vars: reopenVars }),
  )
  .map((c) =>
    c.caller.kind === 'allowed' && wouldSucceed(c.op, c.vars) ? { ...c, vars: { ...c.vars, d: '2099-01-02' } } : c,
  );

async function snapshot() {
  const [row] = await stack.sql<Record<string, string | number>>(
    `select (select count(*) from reports.portal_statistic)::int as imports,
            (select md5(coalesce(string_agg(t::text, '|' order by commune_id, report_date), '')) from reports.period_approval t) as periods,
            (select count(*) from reports.period_approval_history)::int as history,
            (select count(*) from reports.outbox_event)::int as events,
            (select count(*) from reports.audit_entry)::int as audit`,
  );
  return row;
}

it('refuses 1,000 generated bad, unauthorized or locked imports, approvals and reopenings, and writes nothing', async () => {
  const before = await snapshot();
  const codes = new Map<string, number>();
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(call, { minLength: 50, maxLength: 50 }), async (batch) => {
      await Promise.all(
        batch.map(async ({ op, caller: who, vars }) => {
          const header = await who.header();
          const res = await fetch(stack.gateway.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(header ? { authorization: header } : {}) },
            body: JSON.stringify({
              query: op === 'import' ? IMPORT : op === 'approve' ? APPROVE : REOPEN,
              variables: vars,
            }),
          });
          const body = (await res.json()) as GraphQLResponse<Record<string, unknown>>;
          sent++;
          const code = body.errors?.[0]?.extensions?.code ?? 'none';
          codes.set(code, (codes.get(code) ?? 0) + 1);
          expect(Object.values(body.data ?? {}).filter((v) => v !== null)).toEqual([]);
          // Without a valid identity: UNAUTHENTICATED (an anonymous call's control character is refused first).
          if (who.kind === 'bad')
            expect(
              findControlCharacter(vars, '') ? ['UNAUTHENTICATED', 'BAD_USER_INPUT'] : ['UNAUTHENTICATED'],
            ).toContain(code);
          else expect(['FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND']).toContain(code);
        }),
      );
    }),
    { numRuns: 21, endOnFailure: true }, // no shrinking: each step is fifty HTTP calls
  );
  expect(sent).toBeGreaterThanOrEqual(1000);
  for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND'])
    expect(codes.get(code)).toBeGreaterThan(30);
  expect(await snapshot()).toEqual(before);
}, 120_000);
