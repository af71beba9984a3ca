import { Client } from 'pg';
import { adminUrlOf } from '../../subgraphs/common/database';
import { dropSubgraphRoles, roleName } from '../../subgraphs/common/roles';
import { SUBGRAPHS } from '../../shared/topology';
import { ok, startTestStack, type TestStack } from '../support/stack';

/**
 * One PostgreSQL role per subgraph (issue 21: every service connected as the superuser). With roles on, as
 * `npm start` runs them, each subgraph connects as its own role, which cannot read another subgraph's tables, and
 * the hub still answers, writes and passes its events on.
 */
let stack: TestStack;
let database = '';
beforeAll(async () => {
  stack = await startTestStack({ roles: true });
  database = new URL(stack.databaseUrl).pathname.slice(1);
});
afterAll(async () => {
  await stack?.stop();
  if (database) await dropSubgraphRoles(adminUrlOf(stack.databaseUrl), database);
});

/** Runs `sql` as the subgraph's role (the owner's connection switched to it), answering the error code if refused. */
async function asRole(subgraph: (typeof SUBGRAPHS)[number], sql: string): Promise<string> {
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query(`set role "${roleName(database, subgraph)}"`);
    await client.query(sql);
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? 'error';
  } finally {
    await client.end();
  }
}

describe('a role per subgraph', () => {
  it('connects every subgraph as its own role, none as the superuser', async () => {
    const users = await stack.sql<{ usename: string }>(
      `select distinct usename from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
      [database],
    );
    expect(users.map((u) => u.usename).sort()).toEqual(SUBGRAPHS.map((s) => roleName(database, s)).sort());
  });

  it.each([
    ['registry', 'select count(*) from reports.unit_report', '42501'],
    ['registry', 'select count(*) from plans.key_person', '42501'],
    ['reports', 'select count(*) from registry.account', '42501'],
    ['plans', 'select count(*) from registry.account', '42501'],
    ['directives', 'select count(*) from reports.report_person', '42501'],
    ['registry', 'select count(*) from registry.account', 'ok'],
    ['reports', 'select count(*) from registry.outbox_event', 'ok'],
    ['registry', 'create table registry.extra (id int)', '42501'],
    ['registry', 'drop table registry.account', '42501'],
  ])('%s: %s → %s', async (subgraph, sql, code) => {
    expect(await asRole(subgraph as (typeof SUBGRAPHS)[number], sql)).toBe(code);
  });

  it('still answers, writes and passes events on to the other subgraphs', async () => {
    const admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
    const READ = `{ commune(id: "C02949") { name population { adults } } }`;
    expect(ok(await stack.gql<{ commune: { name: string } }>(READ)).commune.name).toBe('Ba Tô');
    ok(
      await stack.gql(
        `mutation { recordPopulation(areaId: "V02949-08", population: { asOf: "2025-10-01", adults: 777 }, reason: "Rà soát") { id } }`,
        {},
        admin,
      ),
    );
    ok(
      await stack.gql(
        `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
        {
          input: {
            reporterId: 'V02949-08',
            reportDate: '2025-12-05',
            groups: [{ group: 'RESIDENTS', registered: 10, completed: 5, certified: 1 }],
            people: [{ name: 'Đinh Thị Hoa', role: 'RESIDENT', certified: true, guided: 3 }],
          },
        },
        admin,
      ),
    );
    for (const name of SUBGRAPHS) for (const c of stack.subgraphs[name].consumers) await c.catchUp();
    // The registry's event reached the reports subgraph (it reads the registry's outbox as its own role).
    const facts = await stack.sql<{ adults: number }>(
      `select adults from reports.population_fact where area_id = 'V02949-08' and as_of = '2025-10-01'`,
    );
    expect(facts.map((f) => f.adults)).toContain(777);
  });
});
