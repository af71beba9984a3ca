// A report's publication does not grow with history (issue 26, item 1): each reporter's latest figures are kept by
// its reports' own inserts (reports.latest_figures), so the live publication and today's figures read one row per
// reporter, whatever the number of reports already stored.
import { todayInVietnam } from '../../shared/pure/dates';
import { ok, startTestStack, type TestStack } from '../support/stack';
import { steady } from '../support/wait';

let stack: TestStack;
let admin: string;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.token('PROVINCE_ADMIN', 'P23');
});
afterAll(() => stack?.stop());

const today = todayInVietnam();
const daysBefore = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function submit(reporterId: string, reportDate: string, residents: number): Promise<number> {
  const data = ok(
    await stack.gql<{ submitUnitReport: { id: string } }>(
      `mutation($i: UnitReportInput!) { submitUnitReport(input: $i) { id } }`,
      {
        i: {
          reporterId,
          reportDate,
          groups: [{ group: 'RESIDENTS', registered: residents, completed: 0, certified: 0 }],
        },
      },
      { token: admin },
    ),
  );
  return Number(data.submitUnitReport.id);
}

/** `perVillage` older reports for every village of Quảng Ngãi, dated before any report a test submits. */
async function storeOlderReports(perVillage: number, firstDay: number): Promise<number> {
  const [{ n }] = await stack.sql<{ n: number }>(
    `with added as (
       insert into reports.unit_report (reporter_id, reporter_level, commune_id, province_id, report_date, version,
                                        residents_registered, anomalies, demo)
       select a.id, 'VILLAGE', a.commune_id, a.province_id, date '2020-01-01' + ($2::int + k), 1, k, '[]'::jsonb, true
         from reports.area a, generate_series(1, $1::int) k
        where a.province_id = 'P23' and a.level = 'VILLAGE'
       returning 1)
     select count(*)::int as n from added`,
    [perVillage, firstDay],
  );
  return n;
}

/**
 * Rows of reports.unit_report read so far by every connection, per PostgreSQL's statistics. A connection sends its
 * counts when idle, but at most once a second, else up to 10 s later: read until they stand still for 11 s.
 */
async function reportRowsRead(): Promise<number> {
  const read = async () => {
    const [{ n }] = await stack.sql<{ n: string }>(
      `select pg_stat_clear_snapshot(), (select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)
         from pg_stat_user_tables where schemaname = 'reports' and relname = 'unit_report') as n`,
    );
    return Number(n);
  };
  return steady(read, { steadyMs: 11_000 });
}

/** The statements of submitting and publishing one report of today (published in its own transaction). */
async function publication(
  reporterId: string,
  options: { countRows: boolean },
): Promise<{ statements: number; rowsRead: number }> {
  const readBefore = options.countRows ? await reportRowsRead() : 0;
  stack.resetSqlCount();
  const id = await submit(reporterId, today, 4321);
  const statements = stack.sqlCount();
  const [{ live }] = await stack.sql<{ live: boolean }>(
    `select (payload->>'live')::boolean as live from reports.outbox_event
      where topic = 'report.submitted' and (payload->>'reportId')::bigint = $1`,
    [id],
  );
  expect(live).toBe(true);
  return { statements, rowsRead: options.countRows ? (await reportRowsRead()) - readBefore : 0 };
}

/** Each reporter's latest report of the province as every report stored says (not read from the kept table). */
const truth = (provinceId: string) =>
  stack.sql<{ reporter_id: string; report_id: number; residents: number }>(
    `select distinct on (reporter_id) reporter_id, id as report_id, residents_registered as residents
       from reports.unit_report where province_id = $1 and report_date <= $2
      order by reporter_id, report_date desc, version desc`,
    [provinceId, today],
  );
const kept = (provinceId: string) =>
  stack.sql<{ reporter_id: string; report_id: number; residents: number }>(
    `select reporter_id, report_id, residents_registered as residents from reports.latest_figures
      where province_id = $1 order by reporter_id`,
    [provinceId],
  );

describe('a report’s publication', () => {
  it('makes the same number of SQL statements with N and with 11×N reports stored', async () => {
    const n = await storeOlderReports(2, 0);
    expect(n).toBeGreaterThan(100);
    const withN = await publication('V02949-08', { countRows: false });
    expect(await storeOlderReports(20, 100)).toBe(10 * n);
    const with11N = await publication('V02949-07', { countRows: true });
    expect(with11N.statements).toBe(withN.statements);
    // Nor does its work: it reads the reporter's own reports, not the province's (a scan would read all 11×N).
    expect(with11N.rowsRead).toBeLessThan(n);
    // The older reports stored meanwhile changed no reporter's latest report: the kept rows are the truth.
    expect(await kept('P23')).toEqual(await truth('P23'));
  }, 90_000);

  it('shows the new report in the commune’s figures and live event, whatever older reports were stored', async () => {
    const before = await stack.sql<{ seq: string }>(`select max(seq) as seq from reports.outbox_event`);
    await submit('V02949-06', today, 2468);
    const [event] = await stack.sql<{ registered: number }>(
      `select (payload->'progress'->'groups'->'RESIDENTS'->>'registered')::int as registered from reports.outbox_event
        where topic = 'progress.updated' and payload->>'areaId' = 'V02949-06' and seq > $1`,
      [before[0].seq],
    );
    expect(event.registered).toBe(2468);
  });
});

describe('each reporter’s latest figures', () => {
  const village = 'V02949-05';
  const row = async () =>
    (
      await stack.sql<{ report_date: string; version: number; residents: number }>(
        `select report_date::text as report_date, version, residents_registered as residents
           from reports.latest_figures where reporter_id = $1`,
        [village],
      )
    )[0];
  const villageResidents = async () =>
    ok(
      await stack.gql<{ village: { progress: { residentsRegistered: number } } }>(
        `query($id: ID!) { village(id: $id) { progress { residentsRegistered } } }`,
        { id: village },
      ),
    ).village.progress.residentsRegistered;

  it('keeps the newest date when an older date arrives later, and the correction of a date', async () => {
    await submit(village, daysBefore(1), 111);
    expect(await row()).toEqual({ report_date: daysBefore(1), version: 1, residents: 111 });
    // An older date arriving later is history: today's figures stay those of the newest date.
    await submit(village, daysBefore(3), 333);
    expect(await row()).toEqual({ report_date: daysBefore(1), version: 1, residents: 111 });
    expect(await villageResidents()).toBe(111);
    // A correction of the newest date (a new version) wins.
    await submit(village, daysBefore(1), 122);
    expect(await row()).toEqual({ report_date: daysBefore(1), version: 2, residents: 122 });
    expect(await villageResidents()).toBe(122);
    // A correction of the older date changes nothing today.
    await submit(village, daysBefore(3), 344);
    expect(await row()).toEqual({ report_date: daysBefore(1), version: 2, residents: 122 });
    expect(await villageResidents()).toBe(122);
    expect(await kept('P23')).toEqual(await truth('P23'));
  });

  it('answers a past date from the reports of that date, not from the latest', async () => {
    const res = ok(
      await stack.gql<{ village: { progress: { residentsRegistered: number } } }>(
        `query($id: ID!, $asOf: Date!) { village(id: $id) { progress(asOf: $asOf) { residentsRegistered } } }`,
        { id: village, asOf: daysBefore(2) },
      ),
    );
    expect(res.village.progress.residentsRegistered).toBe(344);
  });
});
