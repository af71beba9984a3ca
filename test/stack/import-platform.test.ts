import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CsvError, importFile, main, parsePortalCsv } from '../../scripts/import-portal';
import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';

/**
 * Learners of the national platform (binhdanhocvuso.gov.vn, VNeID login) come in through the portal's CSV import
 * (docs/imports.md): all rows or none, approved periods refused, and each learner counted once — those the
 * platform says are also on the province portal are counted by the portal only.
 */
const KHANH = 'C02762';
const BA_TO = 'C02949';
const DAY = '2025-12-22';
const HEADER =
  'commune_id,date,source,learners,officials_registered,residents_registered,officials_on_portal,residents_on_portal';

describe('parsing the national platform’s rows', () => {
  it('reads the source column (API or Vietnamese names) and the learners also on the portal', () => {
    const rows = parsePortalCsv(
      'Xã;Ngày;Nguồn;Học viên;CBCCVC;Người dân;CBCCVC trên cổng tỉnh;Người dân trên cổng tỉnh\n' +
        'C02949;22/12/2025;Nền tảng quốc gia;40;10;30;4;6\nC02949;22/12/2025;Cổng tỉnh;500;200;300;;\n',
    );
    expect(rows.map((r) => [r.source, r.learners, r.officialsOnPortal, r.residentsOnPortal])).toEqual([
      ['NATIONAL_PLATFORM', 40, 4, 6],
      ['PORTAL', 500, null, null],
    ]);
  });

  it('takes the source of a file without the column from --source, and refuses an unknown one', () => {
    const text = 'commune_id,date,learners,officials_registered,residents_registered\nC1,2025-12-22,5,3,2\n';
    expect(parsePortalCsv(text)[0].source).toBe('PORTAL');
    expect(parsePortalCsv(text, 'NATIONAL_PLATFORM')[0].source).toBe('NATIONAL_PLATFORM');
    expect(() => parsePortalCsv(`${HEADER}\nC1,2025-12-22,zalo,5,3,2,0,0\n`)).toThrow(CsvError);
    expect(() => parsePortalCsv(`${HEADER}\nC1,2025-12-22,zalo,5,3,2,0,0\n`)).toThrow(/dòng 2: nguồn "zalo"/);
  });
});

describe('importing the national platform’s learners through the gateway', () => {
  let stack: TestStack;
  let dir: string;
  let admin: string;
  beforeAll(async () => {
    stack = await startTestStack();
    dir = mkdtempSync(path.join(os.tmpdir(), 'platform-'));
    admin = await stack.token('PROVINCE_ADMIN', 'P23');
  });
  afterAll(() => stack?.stop());

  const file = (name: string, lines: string[]) => {
    const f = path.join(dir, name);
    writeFileSync(f, `${HEADER}\n${lines.join('\n')}\n`);
    return f;
  };
  type P = {
    learners: number;
    officialsRegistered: number;
    residentsRegistered: number;
    nationalPlatformLearners: number;
    source: string;
  };
  const FIELDS = 'learners officialsRegistered residentsRegistered nationalPlatformLearners source';
  const progress = async (id: string) =>
    ok(
      await stack.gql<{
        commune: { progress: P; progressSources: { nationalPlatform: P | null; portal: P | null } };
        province: { progress: P };
      }>(
        `{ commune(id: "${id}") { progress(asOf: "${DAY}") { ${FIELDS} }
             progressSources(asOf: "${DAY}") { nationalPlatform { ${FIELDS} } portal { ${FIELDS} } } }
           province(code: "23") { progress(asOf: "${DAY}") { ${FIELDS} } } }`,
      ),
    );
  const rows = async () =>
    (await stack.sql<{ n: number }>(`select count(*)::int as n from reports.portal_statistic`))[0].n;

  it('counts the platform’s learners, and a learner on both the portal and the platform once', async () => {
    const before = await progress(KHANH);
    // The province portal's page: 500 learners in Khánh Cường.
    const portal = file('portal.csv', [`${KHANH},${DAY},PORTAL,500,200,300,,`]);
    await importFile(portal, stack.gateway.url, admin, () => undefined);
    const withPortal = await progress(KHANH);
    expect(withPortal.commune.progress).toEqual({
      learners: 500,
      officialsRegistered: 200,
      residentsRegistered: 300,
      nationalPlatformLearners: 0,
      source: 'PORTAL',
    });
    // The national platform: 40 learners, 10 of whom (4 officials, 6 residents) also study on the portal.
    const platform = file('platform.csv', [`${KHANH},${DAY},NATIONAL_PLATFORM,40,10,30,4,6`]);
    expect(await importFile(platform, stack.gateway.url, admin, () => undefined)).toEqual({
      rows: 1,
      communes: 1,
      dates: [DAY],
    });
    const after = await progress(KHANH);
    expect(after.commune.progress).toEqual({
      learners: 530, // 500 + 40 − 10 counted by the portal already
      officialsRegistered: 206,
      residentsRegistered: 324,
      nationalPlatformLearners: 30,
      source: 'PORTAL',
    });
    expect(after.commune.progressSources.nationalPlatform).toMatchObject({ learners: 40, source: 'NATIONAL_PLATFORM' });
    expect(after.commune.progressSources.portal).toMatchObject({ learners: 500 });
    expect(after.province.progress.learners - withPortal.province.progress.learners).toBe(30);
    expect(after.province.progress.nationalPlatformLearners - before.province.progress.nationalPlatformLearners).toBe(
      30,
    );

    // One learner, on both: the platform's row adds nobody.
    const both = file('both.csv', [
      `${BA_TO},${DAY},PORTAL,600,300,300,,`,
      `${BA_TO},${DAY},NATIONAL_PLATFORM,1,0,1,0,1`,
    ]);
    await importFile(both, stack.gateway.url, admin, () => undefined);
    expect((await progress(BA_TO)).commune.progress).toMatchObject({ learners: 600, nationalPlatformLearners: 0 });

    // The same file imported again: the latest row of each source counts, nobody twice.
    await importFile(platform, stack.gateway.url, admin, () => undefined);
    expect((await progress(KHANH)).commune.progress).toMatchObject({ learners: 530, nationalPlatformLearners: 30 });
  });

  it('changes nothing for a bad file, with the line to fix in Vietnamese', async () => {
    const before = await progress(KHANH);
    const count = await rows();
    const cases: Array<[string[], RegExp]> = [
      [
        [`${KHANH},${DAY},NATIONAL_PLATFORM,50,20,30,4,6`, `${BA_TO},${DAY},NATIONAL_PLATFORM,10,5,5,6,0`],
        /dòng 2: số CBCCVC trùng với cổng tỉnh \(6\) lớn hơn/,
      ],
      [[`${KHANH},${DAY},NATIONAL_PLATFORM,50,20,30,,`], /dòng 1: thiếu số CBCCVC đã học trên cổng tỉnh/],
      [
        [`${KHANH},${DAY},PORTAL,50,20,30,1,0`],
        /dòng 1: số trùng với cổng tỉnh chỉ ghi cho dòng của nền tảng quốc gia/,
      ],
      [
        [`${KHANH},${DAY},NATIONAL_PLATFORM,50,20,30,0,0`, `${KHANH},${DAY},NATIONAL_PLATFORM,51,21,30,0,0`],
        /dòng 2: .*hai dòng cùng nguồn NATIONAL_PLATFORM/,
      ],
    ];
    for (const [lines, message] of cases) {
      await expect(importFile(file('bad.csv', lines), stack.gateway.url, admin, () => undefined)).rejects.toThrow(
        message,
      );
    }
    expect(await rows()).toBe(count);
    expect(await progress(KHANH)).toEqual(before);
  });

  it('refuses an approved period, a clerk of another commune and a reporter, writing nothing', async () => {
    const count = await rows();
    const officer = await stack.token('COMMUNE_OFFICER', BA_TO);
    const PERIOD = '2025-11-07';
    ok(
      await stack.gql(
        `mutation($c: ID!, $d: Date!) { approveReportingPeriod(communeId: $c, reportDate: $d) { state } }`,
        { c: BA_TO, d: PERIOD },
        { token: officer },
      ),
    );
    const IMPORT = `mutation($rows: [PortalStatisticInput!]!) { importPortalStatistics(rows: $rows) { rows } }`;
    const row = (communeId: string, date: string) => ({
      communeId,
      date,
      source: 'NATIONAL_PLATFORM',
      learners: 3,
      officialsRegistered: 1,
      residentsRegistered: 2,
      officialsOnPortal: 0,
      residentsOnPortal: 0,
    });
    const locked = await stack.gql(IMPORT, { rows: [row(BA_TO, PERIOD)] }, { token: officer });
    expect(locked.errors?.[0].message).toMatch(/duyệt|khóa/i);
    const other = await stack.gql(IMPORT, { rows: [row(KHANH, DAY)] }, { token: officer });
    expect(errorCode(other)).toBe('FORBIDDEN');
    const reporter = await stack.token('VILLAGE_REPORTER', 'V02949-08');
    expect(errorCode(await stack.gql(IMPORT, { rows: [row(BA_TO, DAY)] }, { token: reporter }))).toBe('FORBIDDEN');
    // The commune's own officer may import its platform learners on an open date.
    expect(ok(await stack.gql(IMPORT, { rows: [row(BA_TO, DAY)] }, { token: officer }))).toEqual({
      importPortalStatistics: { rows: 1 },
    });
    expect(await rows()).toBe(count + 1);
  });

  it('the command line imports a platform export without a source column (--source NATIONAL_PLATFORM)', async () => {
    expect(
      await main(
        ['x.csv', '--source', 'zalo'],
        () => undefined,
        () => undefined,
      ),
    ).toBe(2);
    const f = path.join(dir, 'export.csv');
    writeFileSync(
      f,
      'Xã;Ngày;Học viên;CBCCVC;Người dân;CBCCVC trên cổng tỉnh;Người dân trên cổng tỉnh\n' +
        `C02032;${DAY.split('-').reverse().join('/')};12;2;10;0;2\n`,
    );
    const said: string[] = [];
    const code = await main(
      [f, '--source', 'national_platform', '--url', stack.gateway.url, '--token', admin],
      (l) => said.push(l),
      (l) => said.push(l),
    );
    expect(code).toBe(0);
    const out = said.join('\n');
    expect(out).toMatch(/imported 1 rows for 1 communes/);
    expect((await progress('C02032')).commune.progress.nationalPlatformLearners).toBe(10);
  });

  it('the demo has national-platform learners in Quảng Ngãi, in the commune already first (ranks unchanged)', async () => {
    type Entry = { position: number; progress: { nationalPlatformLearners: number } };
    const data = ok(
      await stack.gql<{ province: { progress: { nationalPlatformLearners: number }; ranking: Entry[] } }>(
        `{ province(code: "23") { progress(asOf: "2025-12-05") { nationalPlatformLearners }
             ranking(asOf: "2025-12-05") { position progress { nationalPlatformLearners } } } }`,
      ),
    );
    expect(data.province.progress.nationalPlatformLearners).toBeGreaterThan(0);
    const withPlatform = data.province.ranking.filter((e) => e.progress.nationalPlatformLearners > 0);
    expect(withPlatform.map((e) => e.position)).toEqual([1]);
  });
});
