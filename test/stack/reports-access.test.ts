import type { TokenRole } from '../../shared/pure/auth-rules';
import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/wait';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id version } }`;
const IMPORT = `mutation($rows: [PortalStatisticInput!]!) { importPortalStatistics(rows: $rows) { rows } }`;
const report = (reporterId: string, reportDate: string) => ({
  input: {
    reporterId,
    reportDate,
    groups: [
      { group: reporterId.startsWith('U') ? 'OFFICIALS' : 'RESIDENTS', registered: 3, completed: 2, certified: 1 },
    ],
  },
});
const rows = async () =>
  (
    await stack.sql<{ n: number }>(
      `select (select count(*) from reports.unit_report) + (select count(*) from reports.portal_statistic) as n`,
    )
  )[0].n;

describe('who may submit reports', () => {
  it.each<[string, TokenRole | null, string, string, string | null]>([
    ['anonymous', null, '', 'V02949-08', 'UNAUTHENTICATED'],
    ['a village reporter for its village', 'VILLAGE_REPORTER', 'V02949-08', 'V02949-08', null],
    ['a village reporter for another village', 'VILLAGE_REPORTER', 'V02949-08', 'V02949-01', 'FORBIDDEN'],
    ['a unit reporter for its unit', 'UNIT_REPORTER', 'U02949-03', 'U02949-03', null],
    ['a unit reporter for a village', 'UNIT_REPORTER', 'U02949-03', 'V02949-08', 'FORBIDDEN'],
    ['a commune officer for one of its villages', 'COMMUNE_OFFICER', 'C02949', 'V02949-02', null],
    ['a commune officer of another commune', 'COMMUNE_OFFICER', 'C02762', 'V02949-02', 'FORBIDDEN'],
    ['a province viewer', 'PROVINCE_VIEWER', 'P23', 'V02949-02', 'FORBIDDEN'],
    ['a province admin', 'PROVINCE_ADMIN', 'P23', 'U02949-04', null],
    ['the admin of another province', 'PROVINCE_ADMIN', 'P04', 'U02949-04', 'FORBIDDEN'],
  ])('%s', async (_l, role, area, reporter, code) => {
    const before = await rows();
    const auth = role ? { token: await stack.token(role, area) } : {};
    const res = await stack.gql(SUBMIT, report(reporter, '2025-12-26'), auth);
    if (code) {
      expect(errorCode(res)).toBe(code);
      expect(await rows()).toBe(before);
      if (code === 'FORBIDDEN')
        expect(res.errors?.[0].message).toMatch(/việc này dành cho .*(cán bộ xã \(C02949\)|quản trị cấp tỉnh \(P23\))/);
    } else {
      ok(res);
      expect(await rows()).toBe(before + 1);
    }
  });
});

describe('who may import portal statistics', () => {
  const row = (communeId: string) => ({
    rows: [{ communeId, date: '2025-12-27', learners: 3, officialsRegistered: 1, residentsRegistered: 2 }],
  });
  it('lets a commune officer import its own commune only, and nobody anonymous', async () => {
    const officer = { token: await stack.token('COMMUNE_OFFICER', 'C02949') };
    ok(await stack.gql(IMPORT, row('C02949'), officer));
    const before = await rows();
    expect(errorCode(await stack.gql(IMPORT, row('C02762'), officer))).toBe('FORBIDDEN');
    expect(errorCode(await stack.gql(IMPORT, row('C02949')))).toBe('UNAUTHENTICATED');
    expect(await rows()).toBe(before);
  });
});

describe('personal data in reports', () => {
  it('shows the people named in a report only within the reporter’s area', async () => {
    const officer = { token: await stack.token('COMMUNE_OFFICER', 'C02949') };
    ok(
      await stack.gql(
        SUBMIT,
        {
          input: {
            ...report('V02949-05', '2025-12-28').input,
            people: [{ name: 'Đinh Thị Hoa', role: 'RESIDENT', certified: true, guided: 3 }],
          },
        },
        officer,
      ),
    );
    const q = `{ village(id: "V02949-05") { reports { reportDate people { name } } } }`;
    const mine = ok(
      await stack.gql<{ village: { reports: Array<{ reportDate: string; people: Array<{ name: string }> }> } }>(
        q,
        {},
        officer,
      ),
    );
    expect(mine.village.reports[0].people).toEqual([{ name: 'Đinh Thị Hoa' }]);
    const anonymous = await stack.gql<{ village: { reports: Array<{ people: unknown }> } }>(q);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.village.reports[0].people).toBeNull();
    const other = await stack.gql(q, {}, { token: await stack.token('COMMUNE_OFFICER', 'C02762') });
    expect(errorCode(other)).toBe('FORBIDDEN');
  });
});

describe('the audit trail of reports', () => {
  it('records who submitted which figures, readable by the commune through auditLog', async () => {
    const officer = { token: await stack.token('COMMUNE_OFFICER', 'C02949') };
    const submitted = ok(
      await stack.gql<{ submitUnitReport: { id: string } }>(SUBMIT, report('V02949-06', '2025-12-29'), officer),
    );
    const read = () =>
      stack.gql<{
        auditLog: Array<{ operation: string; targetId: string; actorRole: string; after: { reportDate: string } }>;
      }>(`{ auditLog(areaId: "C02949") { operation targetId actorRole after } }`, {}, officer);
    const entry = await eventually(
      async () =>
        ok(await read()).auditLog.find(
          (e) => e.operation === 'submitUnitReport' && e.targetId === submitted.submitUnitReport.id,
        ),
      (found) => expect(found).toBeDefined(),
    );
    expect(entry).toMatchObject({ actorRole: 'COMMUNE_OFFICER', after: { reportDate: '2025-12-29' } });
  });
});
