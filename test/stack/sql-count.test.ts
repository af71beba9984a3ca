import { SUBGRAPHS } from '../../shared/topology';
import { ok, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const DASHBOARD = `query($code: String!) { province(code: $code) { name population { adults }
  communes { id name kind population { adults } villages { id name formerCommune population { adults } } } } }`;

async function measure(code: string): Promise<{ communes: number; villages: number; statements: number }> {
  stack.resetSqlCount();
  const data = ok(await stack.gql<{ province: { communes: Array<{ villages: unknown[] }> } }>(DASHBOARD, { code }));
  return {
    communes: data.province.communes.length,
    villages: data.province.communes.reduce((n, c) => n + c.villages.length, 0),
    statements: stack.sqlCount(),
  };
}

describe('SQL statements per request', () => {
  it('do not grow with the number of communes or villages (every commune of a province with villages and population)', async () => {
    const quangNgai = await measure('23'); // 96 communes, demo villages
    const hue = await measure('04'); // Huế: fewer communes, demo villages too
    expect(quangNgai.communes).toBe(96);
    expect(hue.communes).toBeLessThan(quangNgai.communes);
    expect(hue.villages).toBeGreaterThan(0);
    expect(quangNgai.villages).toBeGreaterThan(hue.villages);
    expect(quangNgai.statements).toBe(hue.statements);
    // province, its communes, their villages, and population by level: a handful, not one per row.
    expect(quangNgai.statements).toBeLessThanOrEqual(10);
  });
});

const RANKED_DASHBOARD = `query($code: String!, $asOf: Date!) { province(code: $code) { name progress(asOf: $asOf) { learners participationRate }
  ranking(asOf: $asOf) { position change commune { name } progress { learners officialsRate residentsRate } }
  communes { id name rank(asOf: $asOf) { position change } progress(asOf: $asOf) { learners participationRate }
    villages { name progress(asOf: $asOf) { learners participationRate } } } } }`;

describe('the province dashboard (all communes with progress and rank, one gateway request)', () => {
  it('makes the same number of SQL statements for 96 communes as for 40', async () => {
    // Give Huế figures on two dates, as Quảng Ngãi has, so both requests take the same path.
    const communes = (
      await stack.sql<{ id: string }>(`select id from reports.area where province_id = 'P04' and level = 'COMMUNE'`)
    ).map((r) => r.id);
    const rows = communes.flatMap((communeId, i) =>
      ['2025-10-21', '2025-10-26'].map((date, d) => ({
        communeId,
        date,
        learners: 10 + i + d * 5,
        officialsRegistered: 5 + d,
        residentsRegistered: 5 + i + d * 4,
      })),
    );
    ok(
      await stack.gql(
        `mutation($rows: [PortalStatisticInput!]!) { importPortalStatistics(rows: $rows) { rows } }`,
        { rows },
        { token: await stack.token('PROVINCE_ADMIN', 'P04') },
      ),
    );

    const count = async (code: string) => {
      stack.resetSqlCount();
      const data = ok(
        await stack.gql<{ province: { communes: unknown[] } }>(RANKED_DASHBOARD, { code, asOf: '2025-10-26' }),
      );
      return { communes: data.province.communes.length, statements: stack.sqlCount() };
    };
    const quangNgai = await count('23');
    const hue = await count('04');
    expect(quangNgai.communes).toBe(96);
    expect(hue.communes).toBe(communes.length);
    expect(quangNgai.statements).toBe(hue.statements);
    // Each gateway fetch to a subgraph is its own request with fresh loaders: a few statements per fetch, never per row.
    expect(quangNgai.statements).toBeLessThanOrEqual(30);

    // Warm (the caches of the cold requests above kept): constant too, and never more than cold.
    const warm = async (code: string) => {
      for (const name of SUBGRAPHS) stack.subgraphs[name].orm.sql.reset(); // the count only, not the caches
      const data = ok(
        await stack.gql<{ province: { communes: unknown[] } }>(RANKED_DASHBOARD, { code, asOf: '2025-10-26' }),
      );
      return { communes: data.province.communes.length, statements: stack.sqlCount() };
    };
    await warm('23');
    await warm('04');
    const quangNgaiWarm = await warm('23');
    const hueWarm = await warm('04');
    expect(quangNgaiWarm.communes).toBe(96);
    expect(quangNgaiWarm.statements).toBe(hueWarm.statements);
    expect(quangNgaiWarm.statements).toBeLessThanOrEqual(quangNgai.statements);
  });
});

const CHASE = `query($code: String!) { province(code: $code) {
  reportingStatus(deadline: "2025-12-21") { onTime late missing communes { name status reportersReported } }
  communes { id reportingStatus(reportDate: "2025-12-20") { onTime late missing reporters { name status } }
    rewards(asOf: "2025-12-20") { villages { eligible } units { eligible } people { name role eligible } } } } }`;

describe('the chase lists and rewards of every commune (one gateway request)', () => {
  it('make the same number of SQL statements for 96 communes as for 40', async () => {
    // A report naming people in each province, so that both requests load people too.
    // In Quảng Ngãi, a village of Ba Tô, whose plan states reward rules; Huế's communes have none (no one judged).
    const submit = async (provinceId: string) => {
      const [village] = await stack.sql<{ id: string }>(
        `select id from reports.area where province_id = $1 and level = 'VILLAGE'
          order by commune_id = 'C02949' desc, id limit 1`,
        [provinceId],
      );
      ok(
        await stack.gql(
          `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
          {
            input: {
              reporterId: village.id,
              reportDate: '2025-12-20',
              groups: [{ group: 'RESIDENTS', registered: 3, completed: 2, certified: 2 }],
              people: [{ name: `Người dân ${provinceId}`, role: 'RESIDENT', certified: true, guided: 2 }],
            },
          },
          { token: await stack.token('PROVINCE_ADMIN', provinceId) },
        ),
      );
    };
    await submit('P23');
    await submit('P04');

    type Chase = {
      province: {
        reportingStatus: { onTime: number; communes: unknown[] };
        communes: Array<{ reportingStatus: { onTime: number }; rewards: { people: Array<{ name: string }> | null } }>;
      };
    };
    const count = async (code: string) => {
      const auth = { token: await stack.token('PROVINCE_ADMIN', `P${code}`) };
      stack.resetSqlCount();
      const data = ok(await stack.gql<Chase>(CHASE, { code }, auth));
      const communes = data.province.communes;
      return {
        communes: communes.length,
        onTime: communes.reduce((n, c) => n + c.reportingStatus.onTime, 0),
        people: communes.flatMap((c) => c.rewards.people ?? []).map((p) => p.name),
        statements: stack.sqlCount(),
      };
    };
    const quangNgai = await count('23');
    const hue = await count('04');
    expect(quangNgai.communes).toBe(96);
    expect(hue.communes).toBeLessThan(quangNgai.communes);
    expect(quangNgai.people).toContain('Người dân P23');
    expect(hue.people).toEqual([]);
    expect(hue.onTime).toBe(0); // submitted now, long after 17:00 on the report date
    expect(quangNgai.statements).toBe(hue.statements);
    expect(quangNgai.statements).toBeLessThanOrEqual(30);
  });
});
