import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/wait';

let stack: TestStack;
let admin: { token: string };
beforeAll(async () => {
  stack = await startTestStack();
  admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
});
afterAll(() => stack?.stop());

const BA_TO = 'C02949';
const XA_RAU = 'V02949-08';
const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id reportDate version anomalies
  groups { group registered completed certified } commune { id name } village { name } } }`;

interface P {
  learners: number;
  officialsRegistered: number;
  residentsRegistered: number;
  officialsRate: number;
  residentsRate: number;
  participationRate: number;
  source: string;
  adults: number;
}
const PROGRESS =
  'learners officialsRegistered residentsRegistered officialsRate residentsRate participationRate source adults';

describe('progress and ranking with the seed figures', () => {
  it('shows Ba Tô as the portal did: 188 then 208 learners, 1.53% and 0.68% on 26 Oct, rank 34 → 38 ("down 4")', async () => {
    const data = ok(
      await stack.gql<{
        commune: {
          name: string;
          p21: P;
          p26: P;
          r21: { position: number };
          r26: { position: number; outOf: number; previous: number; change: number; previousDate: string };
        };
      }>(
        `{ commune(id: "${BA_TO}") { name p21: progress(asOf: "2025-10-21") { ${PROGRESS} } p26: progress(asOf: "2025-10-26") { ${PROGRESS} }
            r21: rank(asOf: "2025-10-21") { position } r26: rank(asOf: "2025-10-26") { position outOf previous change previousDate } } }`,
      ),
    );
    const c = data.commune;
    expect([c.p21.learners, c.p21.officialsRegistered, c.p21.residentsRegistered]).toEqual([188, 130, 58]);
    expect([c.p26.learners, c.p26.officialsRegistered, c.p26.residentsRegistered, c.p26.adults, c.p26.source]).toEqual([
      208,
      144,
      64,
      9412,
      'PORTAL',
    ]);
    expect((c.p26.officialsRate * 100).toFixed(2)).toBe('1.53');
    expect((c.p26.residentsRate * 100).toFixed(2)).toBe('0.68');
    expect(c.p26.participationRate).toBeCloseTo(208 / 9412, 10);
    expect(c.r21.position).toBe(34);
    expect(c.r26).toEqual({ position: 38, outOf: 96, previous: 34, change: -4, previousDate: '2025-10-21' });
  });

  it('ranks all 96 communes by participation, rolls villages up to the commune and communes up to the province', async () => {
    const data = ok(
      await stack.gql<{
        province: {
          progress: P;
          ranking: Array<{ position: number; commune: { id: string; name: string }; progress: P }>;
        };
        commune: { progress: P; villages: Array<{ progress: P }>; units: Array<{ progress: P }> };
      }>(
        `{ province(code: "23") { progress(asOf: "2025-11-21") { ${PROGRESS} } ranking(asOf: "2025-11-21") { position commune { id name } progress { ${PROGRESS} } } }
           commune(id: "${BA_TO}") { progress(asOf: "2025-11-21") { ${PROGRESS} } villages { progress(asOf: "2025-11-21") { ${PROGRESS} } } units { progress(asOf: "2025-11-21") { ${PROGRESS} } } } }`,
      ),
    );
    const ranking = data.province.ranking;
    expect(ranking.map((r) => r.position)).toEqual(Array.from({ length: 96 }, (_, i) => i + 1));
    for (let i = 1; i < ranking.length; i++)
      expect(ranking[i - 1].progress.participationRate).toBeGreaterThanOrEqual(ranking[i].progress.participationRate);
    expect(data.province.progress.learners).toBe(ranking.reduce((s, r) => s + r.progress.learners, 0));
    const c = data.commune;
    expect(c.progress.source).toBe('REPORTS');
    const parts = [...c.villages, ...c.units].reduce((s, x) => s + x.progress.learners, 0);
    expect(c.progress.learners).toBe(parts);
    expect(c.progress.adults).toBe(9412);
  });

  it('keeps a time series and the rank history, and shows both sources side by side', async () => {
    const data = ok(
      await stack.gql<{
        commune: {
          progressHistory: Array<{ asOf: string; learners: number }>;
          rankHistory: Array<{ date: string; position: number; change: number | null }>;
          progressSources: { used: string; portal: P; reports: P; portalRank: number };
        };
      }>(
        `{ commune(id: "${BA_TO}") { progressHistory(from: "2025-10-01", to: "2025-11-14") { asOf learners }
             rankHistory { date position change } progressSources(asOf: "2025-10-26") { used portal { learners } reports { learners } portalRank } } }`,
      ),
    );
    const h = data.commune.progressHistory;
    expect(h.map((p) => p.asOf)).toEqual(['2025-10-21', '2025-10-26', '2025-10-31', '2025-11-07', '2025-11-14']);
    expect(h[0].learners).toBe(188);
    for (let i = 1; i < h.length; i++) expect(h[i].learners).toBeGreaterThanOrEqual(h[i - 1].learners);
    expect(data.commune.rankHistory.slice(0, 2)).toEqual([
      { date: '2025-10-21', position: 34, change: null },
      { date: '2025-10-26', position: 38, change: -4 },
    ]);
    expect(data.commune.progressSources).toMatchObject({ used: 'PORTAL', portal: { learners: 208 }, portalRank: 38 });
  });
});

describe('submitUnitReport', () => {
  const input = (over: Record<string, unknown> = {}) => ({
    reporterId: XA_RAU,
    reportDate: '2025-12-12',
    groups: [
      { group: 'RESIDENTS', registered: 400, completed: 250, certified: 200 },
      { group: 'STUDENTS', registered: 30, completed: 20, certified: 10 },
    ],
    guidedResidents: 120,
    ...over,
  });

  it('adds a report whose figures reach the village, the commune and the province; a resubmission adds a version', async () => {
    const before = ok(
      await stack.gql<{ commune: { progress: P }; province: { progress: P } }>(
        `{ commune(id: "${BA_TO}") { progress { ${PROGRESS} } } province(code: "23") { progress { ${PROGRESS} } } }`,
      ),
    );
    const first = ok(
      await stack.gql<{
        submitUnitReport: { id: string; version: number; commune: { name: string }; village: { name: string } };
      }>(SUBMIT, { input: input() }, admin),
    );
    expect(first.submitUnitReport).toMatchObject({
      version: 1,
      commune: { name: 'Ba Tô' },
      village: { name: 'Xà Râu' },
    });
    const second = ok(
      await stack.gql<{ submitUnitReport: { version: number } }>(
        SUBMIT,
        { input: input({ groups: [{ group: 'RESIDENTS', registered: 410, completed: 250, certified: 200 }] }) },
        admin,
      ),
    );
    expect(second.submitUnitReport.version).toBe(2);

    const after = ok(
      await stack.gql<{
        village: { progress: P; reports: Array<{ reportDate: string; version: number }> };
        commune: { progress: P };
        province: { progress: P };
      }>(
        `{ village(id: "${XA_RAU}") { progress { ${PROGRESS} } reports { reportDate version } } commune(id: "${BA_TO}") { progress { ${PROGRESS} } } province(code: "23") { progress { ${PROGRESS} } } }`,
      ),
    );
    // The latest version counts: 410 residents, no students any more.
    expect(after.village.progress).toMatchObject({ learners: 410, residentsRegistered: 410, source: 'REPORTS' });
    expect(after.village.reports.slice(0, 2)).toEqual([
      { reportDate: '2025-12-12', version: 2 },
      { reportDate: '2025-12-12', version: 1 },
    ]);
    const previousVillage = (
      await stack.sql<{ n: number }>(
        `select residents_registered + students_registered as n from reports.unit_report where reporter_id = $1 and report_date < '2025-12-12' order by report_date desc limit 1`,
        [XA_RAU],
      )
    )[0].n;
    expect(after.commune.progress.learners - before.commune.progress.learners).toBe(410 - previousVillage);
    expect(after.province.progress.learners - before.province.progress.learners).toBe(410 - previousVillage);
  });

  it('counts a retried submission with the same idempotency key once', async () => {
    const key = 'form-7f3a9c21-retry';
    const a = ok(
      await stack.gql<{ submitUnitReport: { id: string; version: number } }>(
        SUBMIT,
        { input: input({ reportDate: '2025-12-13', idempotencyKey: key }) },
        admin,
      ),
    );
    const b = ok(
      await stack.gql<{ submitUnitReport: { id: string; version: number } }>(
        SUBMIT,
        { input: input({ reportDate: '2025-12-13', idempotencyKey: key }) },
        admin,
      ),
    );
    expect(b.submitUnitReport).toEqual(a.submitUnitReport);
    const rows = await stack.sql<{ n: number }>(
      `select count(*)::int as n from reports.unit_report where reporter_id = $1 and report_date = '2025-12-13'`,
      [XA_RAU],
    );
    expect(rows[0].n).toBe(1);
  });

  it('accepts more registered than the village’s adults but flags it for the commune', async () => {
    const res = ok(
      await stack.gql<{ submitUnitReport: { anomalies: string[] } }>(
        SUBMIT,
        {
          input: input({
            reportDate: '2025-12-14',
            groups: [{ group: 'RESIDENTS', registered: 99999, completed: 0, certified: 0 }],
          }),
        },
        admin,
      ),
    );
    expect(res.submitUnitReport.anomalies).toEqual([expect.stringContaining('vượt số người trưởng thành')]);
  });

  it.each([
    [
      'negative counts',
      { groups: [{ group: 'RESIDENTS', registered: -1, completed: 0, certified: 0 }] },
      'BAD_USER_INPUT',
    ],
    [
      'certified above completed',
      { groups: [{ group: 'RESIDENTS', registered: 10, completed: 5, certified: 6 }] },
      'BAD_USER_INPUT',
    ],
    [
      'completed above registered',
      { groups: [{ group: 'OFFICIALS', registered: 10, completed: 11, certified: 0 }] },
      'BAD_USER_INPUT',
    ],
    ['a date in the future', { reportDate: '2099-01-01' }, 'BAD_USER_INPUT'],
    ['a unit reporting for another commune', { reporterId: 'U02949-03', communeId: 'C02762' }, 'FORBIDDEN'],
    ['an unknown reporter', { reporterId: 'V99999-01' }, 'NOT_FOUND'],
    ['a commune as reporter', { reporterId: BA_TO }, 'NOT_FOUND'],
  ])('refuses %s and writes nothing', async (_l, over, code) => {
    const count = async () =>
      (
        await stack.sql<{ n: number }>(
          `select (select count(*) from reports.unit_report) + (select count(*) from reports.outbox_event) as n`,
        )
      )[0].n;
    const before = await count();
    const res = await stack.gql(SUBMIT, { input: input({ reportDate: '2025-12-15', ...over }) }, admin);
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    expect(await count()).toBe(before);
  });
});

describe('population corrections and portal imports', () => {
  it('re-rates and re-ranks a commune when its population is corrected in the registry', async () => {
    const read = async () =>
      ok(
        await stack.gql<{ commune: { progress: P; rank: { position: number } } }>(
          `{ commune(id: "C02762") { progress(asOf: "2025-10-26") { ${PROGRESS} } rank(asOf: "2025-10-26") { position } } }`,
        ),
      ).commune;
    const before = await read();
    // Ba Tơ finds it had counted far too many adults: its rate more than doubles.
    ok(
      await stack.gql(
        `mutation { recordPopulation(areaId: "C02762", population: { asOf: "2025-10-01", adults: ${Math.round(before.progress.adults / 3)} }, reason: "Rà soát lại dân số") { id } }`,
        {},
        admin,
      ),
    );
    const after = await eventually(read, (c) => expect(c.progress.adults).not.toBe(before.progress.adults));
    expect(after.progress.adults).toBe(Math.round(before.progress.adults / 3));
    expect(after.progress.learners).toBe(before.progress.learners);
    expect(after.progress.participationRate).toBeCloseTo(before.progress.participationRate * 3, 2);
    expect(after.rank.position).toBeLessThan(before.rank.position);
  });

  it('imports portal statistics, which then count for the commune on and after their date', async () => {
    const IMPORT = `mutation($rows: [PortalStatisticInput!]!) { importPortalStatistics(rows: $rows) { rows communes dates } }`;
    const res = ok(
      await stack.gql<{ importPortalStatistics: { rows: number; dates: string[] } }>(
        IMPORT,
        {
          rows: [
            {
              communeId: 'C02032',
              date: '2025-12-20',
              rank: 12,
              learners: 5000,
              officialsRegistered: 300,
              residentsRegistered: 4700,
              officialsPercent: 2.1,
              residentsPercent: 33.4,
            },
          ],
        },
        admin,
      ),
    );
    expect(res.importPortalStatistics).toEqual({ rows: 1, communes: 1, dates: ['2025-12-20'] });
    const p = ok(
      await stack.gql<{ commune: { progress: P } }>(
        `{ commune(id: "C02032") { progress(asOf: "2025-12-21") { ${PROGRESS} } } }`,
      ),
    ).commune.progress;
    expect(p).toMatchObject({ learners: 5000, source: 'PORTAL' });

    const rows = async () =>
      (await stack.sql<{ n: number }>(`select count(*)::int as n from reports.portal_statistic`))[0].n;
    const n = await rows();
    const bad = await stack.gql(
      IMPORT,
      {
        rows: [
          { communeId: 'C02032', date: '2025-12-21', learners: 10, officialsRegistered: 5, residentsRegistered: 5 },
          { communeId: 'C02032', date: '2025-12-22', learners: 10, officialsRegistered: 5, residentsRegistered: 4 },
        ],
      },
      admin,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('dòng 2');
    expect(await rows()).toBe(n);
  });
});
