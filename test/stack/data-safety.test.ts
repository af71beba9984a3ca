import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFile } from '../../scripts/import-portal';
import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/wait';

/**
 * Nothing overwritten silently (issue 11, items 4 and 5): an idempotency key reused with other content is a
 * CONFLICT; an approved period refuses portal imports (API and CLI) and population corrections that would change
 * it, all rows or none, until it is reopened.
 */
let stack: TestStack;
let officer: { token: string };
let admin: { token: string };
beforeAll(async () => {
  stack = await startTestStack();
  officer = { token: await stack.token('COMMUNE_OFFICER', BA_TO) };
  admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
});
afterAll(() => stack?.stop());

const BA_TO = 'C02949';
const XA_RAU = 'V02949-08';
const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id version reportDate } }`;
const APPROVE = `mutation($c: ID!, $d: Date!) { approveReportingPeriod(communeId: $c, reportDate: $d) { state } }`;
const REOPEN = `mutation($c: ID!, $d: Date!) { reopenReportingPeriod(communeId: $c, reportDate: $d, reason: "Sửa số liệu") { state } }`;
const IMPORT = `mutation($rows: [PortalStatisticInput!]!) { importPortalStatistics(rows: $rows) { rows } }`;
const RECORD = `mutation($area: ID!, $p: PopulationInput!) { recordPopulation(areaId: $area, population: $p, reason: "Điều tra lại") { id } }`;

const count = async (table: string) => (await stack.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

describe('an idempotency key reused with other content', () => {
  const report = (over: Record<string, unknown>) => ({
    input: {
      reporterId: XA_RAU,
      reportDate: '2025-12-05',
      groups: [{ group: 'RESIDENTS', registered: 300, completed: 100, certified: 50 }],
      people: [{ name: 'Đinh Thị Hoa', role: 'RESIDENT', certified: true, guided: 4 }],
      ...over,
    },
  });
  const key = 'form-conflict-0001';

  it('returns the first report for a retry and refuses other figures or another date with CONFLICT', async () => {
    const first = ok(
      await stack.gql<{ submitUnitReport: { id: string } }>(SUBMIT, report({ idempotencyKey: key }), admin),
    );
    const retry = ok(
      await stack.gql<{ submitUnitReport: { id: string } }>(SUBMIT, report({ idempotencyKey: key }), admin),
    );
    expect(retry.submitUnitReport).toEqual(first.submitUnitReport);
    const before = await count('reports.unit_report');
    const people = await count('reports.report_person');
    for (const over of [
      { groups: [{ group: 'RESIDENTS', registered: 301, completed: 100, certified: 50 }] },
      { reportDate: '2025-12-06' },
      { people: [{ name: 'Đinh Thị Hoa', role: 'RESIDENT', certified: true, guided: 5 }] },
    ]) {
      const res = await stack.gql(SUBMIT, report({ idempotencyKey: key, ...over }), admin);
      expect(errorCode(res)).toBe('CONFLICT');
      const error = res.errors![0];
      expect(error.extensions).toMatchObject({ reportId: Number(first.submitUnitReport.id) });
      expect(error.message).toContain(`báo cáo số ${first.submitUnitReport.id}`);
      expect(error.message).toMatch(/^Mã chống gửi trùng/);
    }
    expect(await count('reports.unit_report')).toBe(before);
    expect(await count('reports.report_person')).toBe(people);
  });
});

describe('an approved period refuses imports and population corrections', () => {
  const DAY = '2025-11-14';
  const rows = [
    {
      communeId: 'C02762',
      date: DAY,
      learners: 10,
      officialsRegistered: 4,
      residentsRegistered: 6,
    },
    { communeId: BA_TO, date: DAY, learners: 20, officialsRegistered: 5, residentsRegistered: 15 },
  ];
  let file: string;

  beforeAll(async () => {
    ok(await stack.gql(APPROVE, { c: BA_TO, d: DAY }, officer));
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'portal-lock-')), 'rows.csv');
    writeFileSync(
      file,
      'commune_id,date,learners,officials_registered,residents_registered\n' +
        rows
          .map((r) => `${r.communeId},${r.date},${r.learners},${r.officialsRegistered},${r.residentsRegistered}`)
          .join('\n'),
    );
    // The registry learns approvals from the reports' audit entries; wait until it has this one.
    await eventually(
      () => count(`registry.audit_log where operation = 'approveReportingPeriod'`),
      (n) => expect(n).toBeGreaterThan(0),
    );
  });

  it('refuses a portal import with a row on the period, naming the row, the date and the approver; writes no row', async () => {
    const before = await count('reports.portal_statistic');
    const res = await stack.gql(IMPORT, { rows }, admin);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors![0].message).toMatch(
      /^dòng 2, xã C02949: kỳ báo cáo ngày 14\/11\/2025 đã được duyệt lúc .* bởi Lê Văn Xã/,
    );
    await expect(importFile(file, stack.gateway.url, admin.token, () => undefined)).rejects.toThrow(
      /dòng 2, xã C02949: kỳ báo cáo ngày 14\/11\/2025 đã được duyệt/,
    );
    expect(await count('reports.portal_statistic')).toBe(before);
  });

  it('refuses a population correction in force on the approved date, not one dated after it', async () => {
    const before = await count('registry.population_revision');
    for (const area of [XA_RAU, BA_TO]) {
      const res = await stack.gql(RECORD, { area, p: { asOf: '2025-11-01', adults: 777 } }, admin);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.errors![0].message).toMatch(
        /^Không thể cập nhật dân số .* từ ngày 01\/11\/2025 .*: kỳ báo cáo ngày 14\/11\/2025 đã được duyệt lúc .* bởi Lê Văn Xã/,
      );
    }
    expect(await count('registry.population_revision')).toBe(before);
    // Another commune, and a figure dated after the approved period, change nothing approved.
    ok(await stack.gql(RECORD, { area: 'V02762-01', p: { asOf: '2025-11-01', adults: 500 } }, admin));
    ok(await stack.gql(RECORD, { area: XA_RAU, p: { asOf: '2025-11-20', adults: 778 } }, admin));
    // A figure dated on the period itself is in force there (until the 20/11 one): refused.
    expect(errorCode(await stack.gql(RECORD, { area: XA_RAU, p: { asOf: DAY, adults: 779 } }, admin))).toBe(
      'FORBIDDEN',
    );
  });

  it('lets both through once the period is reopened', async () => {
    ok(await stack.gql(REOPEN, { c: BA_TO, d: DAY }, officer));
    expect(ok(await stack.gql<{ importPortalStatistics: { rows: number } }>(IMPORT, { rows }, admin))).toEqual({
      importPortalStatistics: { rows: 2 },
    });
    // The registry learns of the reopening through the reports' audit entries: accepted once it has.
    await eventually(
      () => stack.gql(RECORD, { area: XA_RAU, p: { asOf: '2025-11-01', adults: 777 } }, admin),
      (res) => expect(res.errors).toBeUndefined(),
    );
  });
});
