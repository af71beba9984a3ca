import { errorCode, ok, startTestStack, type GraphQLResponse, type TestStack } from '../support/stack';
import { eventually } from '../support/wait';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const BA_TO = 'C02949';
const XA_RAU = 'V02949-08';
const PERIOD = '2025-11-07';

const APPROVE = `mutation($communeId: ID!, $reportDate: Date!, $note: String) {
  approveReportingPeriod(communeId: $communeId, reportDate: $reportDate, note: $note) {
    commune { id } reportDate state locked revision approvedAt approvedBy note reopenedAt reason reporters versions } }`;
const REOPEN = `mutation($communeId: ID!, $reportDate: Date!, $reason: String!) {
  reopenReportingPeriod(communeId: $communeId, reportDate: $reportDate, reason: $reason) {
    reportDate state locked revision approvedBy reopenedAt reopenedBy reason reporters versions } }`;
const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id version reportDate } }`;
const report = (reportDate: string, registered: number, idempotencyKey?: string) => ({
  input: {
    reporterId: XA_RAU,
    reportDate,
    idempotencyKey,
    groups: [{ group: 'RESIDENTS', registered, completed: 1, certified: 0 }],
  },
});
const reportRows = async () => (await stack.sql<{ n: string }>(`select count(*) as n from reports.unit_report`))[0].n;
/** A Ba Tô village whose latest report on the period is dated on it (its progress's figuresDate is the period). */
let reportingVillage: string;
const progress = async (asOf: string) =>
  ok(
    await stack.gql<{
      commune: { progress: { figuresDate: string; approved: boolean | null; approvedAt: string | null } };
      village: { progress: { figuresDate: string; approved: boolean | null } };
      province: { progress: { approved: boolean | null } };
    }>(
      `query($asOf: Date!, $village: ID!) { commune(id: "${BA_TO}") { progress(asOf: $asOf) { figuresDate approved approvedAt } }
        village(id: $village) { progress(asOf: $asOf) { figuresDate approved } } province(code: "23") { progress(asOf: $asOf) { approved } } }`,
      { asOf, village: reportingVillage },
    ),
  );

describe('approving and locking a reporting period', () => {
  let officer: { token: string };
  const period = { communeId: BA_TO, reportDate: PERIOD };

  beforeAll(async () => {
    officer = { token: await stack.token('COMMUNE_OFFICER', BA_TO) };
    const [row] = await stack.sql<{ id: string }>(
      `select reporter_id as id from reports.unit_report where commune_id = $1 and report_date = $2 and reporter_level = 'VILLAGE' order by reporter_id limit 1`,
      [BA_TO, PERIOD],
    );
    reportingVillage = row.id;
  });

  it('refuses anonymous callers and another commune’s officer, and writes nothing', async () => {
    expect(errorCode(await stack.gql(APPROVE, period))).toBe('UNAUTHENTICATED');
    const other = await stack.gql(APPROVE, period, { token: await stack.token('COMMUNE_OFFICER', 'C02762') });
    expect(errorCode(other)).toBe('FORBIDDEN');
    expect(errorCode(await stack.gql(APPROVE, period, { token: await stack.token('VILLAGE_REPORTER', XA_RAU) }))).toBe(
      'FORBIDDEN',
    );
    expect(await stack.sql(`select * from reports.period_approval`)).toEqual([]);
  });

  it('answers an unknown commune NOT_FOUND and a future date BAD_USER_INPUT', async () => {
    expect(
      errorCode(
        await stack.gql(
          APPROVE,
          { communeId: 'C99999', reportDate: PERIOD },
          { token: await stack.token('PROVINCE_ADMIN', 'P23') },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await stack.gql(APPROVE, { communeId: BA_TO, reportDate: '2099-01-02' }, officer))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('shows the period open and progress not approved before the approval', async () => {
    const p = await progress(PERIOD);
    expect(p.commune.progress.figuresDate).toBe(PERIOD);
    expect(p.commune.progress.approved).toBe(false);
    expect(p.village.progress).toEqual({ figuresDate: PERIOD, approved: false });
    expect(p.province.progress.approved).toBeNull();
  });

  it('lets the commune officer approve, with the counts of the period, and refuses approving twice', async () => {
    const res = ok(
      await stack.gql<{ approveReportingPeriod: Record<string, unknown> }>(
        APPROVE,
        { ...period, note: 'Đã đối chiếu' },
        officer,
      ),
    );
    expect(res.approveReportingPeriod).toMatchObject({
      commune: { id: BA_TO },
      reportDate: PERIOD,
      state: 'APPROVED',
      locked: true,
      revision: 1,
      approvedBy: 'Lê Văn Xã',
      note: 'Đã đối chiếu',
      reopenedAt: null,
    });
    expect(res.approveReportingPeriod.reporters).toBeGreaterThan(0);
    expect(res.approveReportingPeriod.versions).toBeGreaterThanOrEqual(res.approveReportingPeriod.reporters as number);
    const again = await stack.gql(APPROVE, period, officer);
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].message).toMatch(/đã được duyệt/);
    const p = await progress(PERIOD);
    expect(p.commune.progress.approved).toBe(true);
    expect(p.commune.progress.approvedAt).toBeTruthy();
    expect(p.village.progress.approved).toBe(true);
  });

  it('refuses a new version for the approved period, naming the date and the approver, and writes nothing', async () => {
    const before = await reportRows();
    const res = await stack.gql(SUBMIT, report(PERIOD, 40), { token: await stack.token('VILLAGE_REPORTER', XA_RAU) });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(
      /^Kỳ báo cáo ngày 07\/11\/2025 đã được duyệt lúc .* bởi Lê Văn Xã; đề nghị UBND xã mở lại kỳ báo cáo \(period 2025-11-07 approved on .* ask the commune to reopen it\)$/,
    );
    expect(await reportRows()).toBe(before);
  });

  it('still takes a report dated on another date', async () => {
    const res = ok(
      await stack.gql<{ submitUnitReport: { version: number } }>(SUBMIT, report('2025-11-08', 41), {
        token: await stack.token('VILLAGE_REPORTER', XA_RAU),
      }),
    );
    expect(res.submitUnitReport.version).toBe(1);
  });

  it('requires a reason to reopen, and refuses reopening a period that is not approved', async () => {
    expect(errorCode(await stack.gql(REOPEN, { ...period, reason: '   ' }, officer))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await stack.gql(REOPEN, { communeId: BA_TO, reportDate: '2025-11-14', reason: 'Sai số' }, officer)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await stack.gql(
          REOPEN,
          { ...period, reason: 'Sai số' },
          { token: await stack.token('COMMUNE_OFFICER', 'C02762') },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await stack.gql(REOPEN, { ...period, reason: 'Sai số' }))).toBe('UNAUTHENTICATED');
    expect(
      errorCode(
        await stack.gql(REOPEN, { ...period, reason: '' }, { token: await stack.token('COMMUNE_OFFICER', 'C02762') }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await stack.gql(REOPEN, { communeId: 'C99999', reportDate: PERIOD, reason: 'Sai số' }, officer)),
    ).toBe('NOT_FOUND');
  });

  it('reopens with a reason; the resubmission is then a new version and progress is no longer approved', async () => {
    const admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
    const res = ok(
      await stack.gql<{ reopenReportingPeriod: Record<string, unknown> }>(
        REOPEN,
        { ...period, reason: 'Thôn Xà Râu báo sai số người dân' },
        admin,
      ),
    );
    expect(res.reopenReportingPeriod).toMatchObject({
      state: 'REOPENED',
      locked: false,
      revision: 2,
      reopenedBy: 'Nguyễn Văn Tỉnh',
      reason: 'Thôn Xà Râu báo sai số người dân',
    });
    const [{ v }] = await stack.sql<{ v: number }>(
      `select coalesce(max(version), 0)::int as v from reports.unit_report where reporter_id = $1 and report_date = $2`,
      [XA_RAU, PERIOD],
    );
    const resubmitted = ok(
      await stack.gql<{ submitUnitReport: { version: number } }>(SUBMIT, report(PERIOD, 42, 'after-reopen'), {
        token: await stack.token('VILLAGE_REPORTER', XA_RAU),
      }),
    );
    expect(resubmitted.submitUnitReport.version).toBe(v + 1);
    expect((await progress(PERIOD)).commune.progress.approved).toBe(false);
    const history = await stack.sql<{ revision: number; action: string; reason: string | null }>(
      `select revision, action, reason from reports.period_approval_history where commune_id = $1 and report_date = $2 order by revision`,
      [BA_TO, PERIOD],
    );
    expect(history).toEqual([
      { revision: 1, action: 'APPROVE', reason: null },
      { revision: 2, action: 'REOPEN', reason: 'Thôn Xà Râu báo sai số người dân' },
    ]);
  });

  it('replays an earlier submission by its idempotency key even after the period is approved again', async () => {
    const reporter = { token: await stack.token('VILLAGE_REPORTER', XA_RAU) };
    const first = ok(
      await stack.gql<{ submitUnitReport: { id: string } }>(SUBMIT, report(PERIOD, 42, 'after-reopen'), reporter),
    );
    const approved = ok(
      await stack.gql<{ approveReportingPeriod: { revision: number; state: string } }>(APPROVE, period, officer),
    );
    expect(approved.approveReportingPeriod).toEqual(expect.objectContaining({ revision: 3, state: 'APPROVED' }));
    const replay = ok(
      await stack.gql<{ submitUnitReport: { id: string } }>(SUBMIT, report(PERIOD, 42, 'after-reopen'), reporter),
    );
    expect(replay.submitUnitReport.id).toBe(first.submitUnitReport.id);
    expect(errorCode(await stack.gql(SUBMIT, report(PERIOD, 43, 'another-key'), reporter))).toBe('FORBIDDEN');
  });

  it('lists the commune’s periods with their state', async () => {
    const res = ok(
      await stack.gql<{
        commune: {
          reportingPeriods: Array<{ reportDate: string; state: string; revision: number; reporters: number }>;
        };
      }>(
        `{ commune(id: "${BA_TO}") { reportingPeriods(from: "2025-11-01", to: "2025-11-14") { reportDate state revision reporters } } }`,
      ),
    );
    const byDate = new Map(res.commune.reportingPeriods.map((p) => [p.reportDate, p]));
    expect(res.commune.reportingPeriods.map((p) => p.reportDate)).toEqual([...byDate.keys()].sort().reverse());
    expect(byDate.get(PERIOD)).toMatchObject({ state: 'APPROVED', revision: 3 });
    expect(byDate.get('2025-11-08')).toMatchObject({ state: 'OPEN', revision: 0, reporters: 1 });
    expect(byDate.get('2025-11-14')).toMatchObject({ state: 'OPEN' });
  });

  it('records the approval and the reopening with its reason in the audit trail', async () => {
    type Entry = {
      operation: string;
      targetId: string;
      reason: string | null;
      before: { state: string };
      after: { state: string };
    };
    const read = () =>
      stack.gql<{ auditLog: Entry[] }>(
        `{ auditLog(areaId: "${BA_TO}") { operation targetId reason before after } }`,
        {},
        officer,
      );
    const entries = await eventually(
      async () => ok(await read()).auditLog.filter((e) => e.targetId === `${BA_TO}:${PERIOD}`),
      (found) => expect(found.length).toBeGreaterThanOrEqual(3),
    );
    const reopen = entries.find((e) => e.operation === 'reopenReportingPeriod');
    expect(reopen).toMatchObject({
      reason: 'Thôn Xà Râu báo sai số người dân',
      before: { state: 'APPROVED' },
      after: { state: 'REOPENED' },
    });
    expect(entries.filter((e) => e.operation === 'approveReportingPeriod')).toHaveLength(2);
    expect(entries.find((e) => e.operation === 'approveReportingPeriod')).toMatchObject({
      after: { state: 'APPROVED' },
    });
  });

  it('lets no report slip past a concurrent approval: the approved counts are the final ones', async () => {
    const date = '2025-11-21';
    const villages = (
      await stack.sql<{ id: string }>(
        `select id from reports.area where commune_id = $1 and level = 'VILLAGE' order by id limit 8`,
        [BA_TO],
      )
    ).map((r) => r.id);
    const admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
    const submit = (id: string) =>
      stack.gql(
        SUBMIT,
        {
          input: {
            reporterId: id,
            reportDate: date,
            groups: [{ group: 'RESIDENTS', registered: 50, completed: 1, certified: 0 }],
          },
        },
        admin,
      );
    const results = await Promise.all([
      ...villages.slice(0, 4).map(submit),
      stack.gql<{ approveReportingPeriod: { versions: number } }>(
        APPROVE,
        { communeId: BA_TO, reportDate: date },
        officer,
      ),
      ...villages.slice(4).map(submit),
    ]);
    const approval = ok(results[4] as GraphQLResponse<{ approveReportingPeriod: { versions: number } }>);
    for (const r of results) expect(r.errors === undefined || errorCode(r) === 'FORBIDDEN').toBe(true);
    const [{ n }] = await stack.sql<{ n: number }>(
      `select count(*)::int as n from reports.unit_report where commune_id = $1 and report_date = $2`,
      [BA_TO, date],
    );
    expect(approval.approveReportingPeriod.versions).toBe(n);
  });
});
