import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CsvError, importFile, parsePortalCsv } from '../../scripts/import-portal';
import { ok, startTestStack, type TestStack } from '../support/stack';

describe('parsing the portal’s CSV', () => {
  it('reads Vietnamese headers, dd/mm/yyyy dates, 1.234 thousands and 1,53% percentages', () => {
    const rows = parsePortalCsv(
      'Xã;Ngày;Hạng;Học viên;CBCCVC;Người dân;Tỷ lệ CBCCVC;Tỷ lệ người dân\nC02949;26/10/2025;38;1.208;1.144;64;1,53%;0,68%\n',
    );
    expect(rows).toEqual([
      {
        communeId: 'C02949',
        date: '2025-10-26',
        source: 'PORTAL',
        rank: 38,
        learners: 1208,
        officialsRegistered: 1144,
        residentsRegistered: 64,
        officialsPercent: 1.53,
        residentsPercent: 0.68,
        officialsOnPortal: null,
        residentsOnPortal: null,
      },
    ]);
  });

  it.each([
    ['commune_id,date,learners\nC1,2025-10-26,5', /officialsRegistered/],
    ['commune_id,date,learners,officials_registered,residents_registered\nC1,26-10-2025,5,3,2', /dòng 2: ngày/],
    [
      'commune_id,date,learners,officials_registered,residents_registered\nC1,2025-10-26,năm,3,2',
      /dòng 2: "năm" không phải là số/,
    ],
    ['commune_id,date', /không có dòng/],
  ])('rejects a bad file with the line to fix', (text, message) => {
    expect(() => parsePortalCsv(text)).toThrow(CsvError);
    expect(() => parsePortalCsv(text)).toThrow(message);
  });
});

describe('importing a CSV file through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it('imports every row or none', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-'));
    const good = path.join(dir, 'good.csv');
    writeFileSync(
      good,
      'commune_id,date,rank,learners,officials_registered,residents_registered\nC02949,2025-12-22,30,2500,300,2200\nC02762,2025-12-22,31,2400,400,2000\n',
    );
    const token = await stack.token('PROVINCE_ADMIN', 'P23');
    const result = await importFile(good, stack.gateway.url, token, () => undefined);
    expect(result).toEqual({ rows: 2, communes: 2, dates: ['2025-12-22'] });
    const p = ok(
      await stack.gql<{ commune: { progress: { learners: number; source: string } } }>(
        `{ commune(id: "C02949") { progress(asOf: "2025-12-22") { learners source } } }`,
      ),
    );
    expect(p.commune.progress).toEqual({ learners: 2500, source: 'PORTAL' });

    const bad = path.join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'commune_id,date,learners,officials_registered,residents_registered\nC02949,2025-12-23,10,5,5\nC99999,2025-12-23,10,5,5\n',
    );
    const count = async () =>
      (await stack.sql<{ n: number }>(`select count(*)::int as n from reports.portal_statistic`))[0].n;
    const before = await count();
    await expect(importFile(bad, stack.gateway.url, token, () => undefined)).rejects.toThrow(/dòng 2.*C99999/);
    await expect(importFile(good, stack.gateway.url, undefined, () => undefined)).rejects.toThrow(/đăng nhập/);
    expect(await count()).toBe(before);
  });
});
