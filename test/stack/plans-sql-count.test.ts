import { ok, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let admin: { token: string };
/** Writes as Huế's PROVINCE_ADMIN (every directive and plan mutation needs a token). */
const asAdmin = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  stack.gql<T>(query, variables, admin);
beforeAll(async () => {
  // The whole province with every plan's parts is estimated at ~490,000 objects with the sizes the schema declares
  // (a plan may hold 50 tasks, 50 sessions…): past the default cost limit. This test counts SQL statements, so it
  // raises that limit rather than trimming the query.
  stack = await startTestStack({ limits: { maxCost: 1_000_000 } });
  admin = { token: await stack.token('PROVINCE_ADMIN', 'P04') };
  // Huế has demo villages but no directive or plan: give it one directive and plans for three communes, as the
  // seed letters gave Quảng Ngãi, so both provinces exercise the same fields.
  const hue = ok(
    await stack.gql<{ province: { communes: Array<{ id: string; villages: Array<{ id: string }> }> } }>(
      `{ province(code: "04") { communes { id villages { id } } } }`,
    ),
  );
  const issued = ok(
    await asAdmin<{ issueDirective: { id: string } }>(
      `mutation($input: IssueDirectiveInput!) { issueDirective(input: $input) { id } }`,
      {
        input: {
          provinceId: 'P04',
          number: '1/KH-UBND',
          kind: 'PLAN',
          title: 'Kế hoạch mẫu (demo) cho thử nghiệm',
          issuedOn: '2025-06-01',
          issuer: 'UBND thành phố Huế',
          targets: [{ indicator: 'JOINED', group: 'RESIDENTS', threshold: 0.8, dueOn: '2025-12-31' }],
        },
      },
    ),
  );
  await Promise.all(stack.subgraphs.plans.consumers.map((c) => c.catchUp()));
  for (const [i, c] of hue.province.communes.slice(0, 3).entries()) {
    ok(
      await asAdmin(`mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { id } }`, {
        input: {
          communeId: c.id,
          number: `${i + 1}/KH-UBND`,
          title: 'Kế hoạch mẫu',
          issuedOn: '2025-07-01',
          implements: [issued.issueDirective.id],
          targets: [{ indicator: 'JOINED', group: 'RESIDENTS', threshold: 0.7, dueOn: '2025-12-31' }],
          tasks: [{ title: 'Hướng dẫn', assigneeId: c.villages[0].id, dueOn: '2025-11-01' }],
          sessions: [{ heldOn: '2025-10-01', venue: 'Nhà văn hóa', villageIds: [c.villages[0].id] }],
        },
      }),
    );
  }
});
afterAll(() => stack?.stop());

const QUERY = `query($code: String!) { province(code: $code) { name
  directives { number targets { threshold } implementingPlans { number } communesWithoutPlan { id } }
  communes { id name
    plans { number implements { number issuedOn } targets { indicator threshold } tasks { title dueOn status } sessions { heldOn venue } reportingDeadlines { nextDueOn }
      keyPeopleCertification { role required named certified } }
    effectiveTargets { indicator group threshold dueOn source overrides { threshold } } } } }`;

async function measure(code: string) {
  stack.resetSqlCount();
  const data = ok(
    await stack.gql<{ province: { communes: Array<{ plans: unknown[]; effectiveTargets: unknown[] }> } }>(QUERY, {
      code,
    }),
  );
  return {
    communes: data.province.communes.length,
    plans: data.province.communes.reduce((n, c) => n + c.plans.length, 0),
    targets: data.province.communes.reduce((n, c) => n + c.effectiveTargets.length, 0),
    statements: stack.sqlCount(),
  };
}

describe('SQL statements for every commune of a province with its plans and effective targets', () => {
  it('do not grow with the number of communes', async () => {
    const quangNgai = await measure('23');
    const hue = await measure('04');
    expect(quangNgai.communes).toBe(96);
    expect(hue.communes).toBeLessThan(quangNgai.communes);
    expect(quangNgai.plans).toBeGreaterThanOrEqual(3);
    expect(hue.plans).toBe(3);
    expect(quangNgai.targets).toBeGreaterThan(hue.targets);
    expect(quangNgai.statements).toBe(hue.statements);
    // registry: province, communes, their provinces (@requires); directives: by province, by key; plans: plans of
    // communes, directives of the province, tasks, sessions, plans implementing, communes of province, key people
    // of the plans and villages of the communes (their certification counts).
    expect(quangNgai.statements).toBeLessThanOrEqual(14);
  });
});
