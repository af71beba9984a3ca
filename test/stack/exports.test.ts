/** Excel exports under /export, read back with exceljs and compared with the API. */
import ExcelJS from 'exceljs';
import { ok, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let base: string;
beforeAll(async () => {
  stack = await startTestStack();
  base = stack.gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => stack?.stop());

async function workbook(path: string, token?: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book;
}

const values = (ws: ExcelJS.Worksheet) =>
  ws
    .getSheetValues()
    .slice(2)
    .map((row) => (row as ExcelJS.CellValue[]).slice(1));

describe('exports', () => {
  it('/export/province/23/ranking.xlsx is the portal’s table: 96 communes with the API’s ranks, counts and rates', async () => {
    const ws = (await workbook('/export/province/23/ranking.xlsx')).worksheets[0];
    expect(ws.name).toBe('Xếp hạng');
    expect(ws.getRow(1).getCell(1).text).toMatch(
      /^Bảng xếp hạng các xã, phường — .+ — số liệu đến ngày \d{2}\/\d{2}\/\d{4} \([\d.]+\/[\d.]+ thôn có số liệu ngày này\)$/,
    );
    expect((ws.getRow(2).values as ExcelJS.CellValue[]).slice(1, 11)).toEqual([
      'STT',
      'Xã, phường',
      'CBCCVC tham gia',
      'CBCCVC hoàn thành',
      'Tỷ lệ CBCCVC',
      'Người dân tham gia',
      'Người dân hoàn thành',
      'Tỷ lệ người dân',
      'Xếp hạng',
      'Tăng/giảm bậc',
    ]);
    expect(ws.getColumn(5).numFmt).toBe('0.00%');
    const rows = values(ws).slice(1);
    expect(rows).toHaveLength(96);
    const api = ok(
      await stack.gql<{
        province: {
          ranking: Array<{
            position: number;
            commune: { id: string; name: string };
            progress: { officialsRegistered: number; residentsRegistered: number; officialsRate: number | null };
          }>;
        };
      }>(
        `query { province(code: "23") { ranking { position commune { id name } progress { officialsRegistered residentsRegistered officialsRate } } } }`,
      ),
    ).province.ranking;
    expect(rows.map((r) => [r[1], r[2], r[4] ?? null, r[5], r[8], r[10]])).toEqual(
      api.map((a) => [
        a.commune.name,
        a.progress.officialsRegistered,
        a.progress.officialsRate,
        a.progress.residentsRegistered,
        a.position,
        a.commune.id,
      ]),
    );
  });

  it('reads Ba Tô’s row of 26/10/2025 as letter 004 quotes the portal: 144 officials 1.53%, 64 residents 0.68%, 38th, down 4', async () => {
    const ws = (await workbook('/export/province/23/ranking.xlsx?asOf=2025-10-26')).worksheets[0];
    expect(ws.getRow(1).getCell(1).text).toContain('số liệu đến ngày 26/10/2025');
    const baTo = values(ws)
      .slice(1)
      .find((r) => r[10] === 'C02949')!;
    expect(baTo[1]).toBe('Ba Tô');
    expect(baTo[2]).toBe(144);
    expect(Number(baTo[4])).toBeCloseTo(0.0153, 4);
    expect(baTo[5]).toBe(64);
    expect(Number(baTo[7])).toBeCloseTo(0.0068, 4);
    expect(baTo[8]).toBe(38);
    expect(baTo[9]).toBe('Giảm 04 bậc');
    const bad = await fetch(`${base}/export/province/23/ranking.xlsx?asOf=26/10/2025`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/năm-tháng-ngày/);
  });

  it('/export/commune/C02949/villages.xlsx has Ba Tô’s 14 villages with their former commune', async () => {
    const book = await workbook('/export/commune/C02949/villages.xlsx');
    const rows = values(book.getWorksheet('Thôn, tổ dân phố')!);
    const api = ok(
      await stack.gql<{
        commune: { villages: Array<{ id: string; formerCommune: string | null; progress: { learners: number } }> };
      }>(`query { commune(id: "C02949") { villages { id formerCommune progress { learners } } } }`),
    ).commune.villages;
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual(api.map((v) => [v.id, v.formerCommune, v.progress.learners]));
    expect(rows.every((r) => typeof r[2] === 'string' && r[2].length > 0)).toBe(true);
    // Each row carries the date of its figures.
    expect(rows.every((r) => typeof r[6] === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(r[6]))).toBe(true);
  });

  it('answers 404 for an unknown commune and province', async () => {
    expect((await fetch(`${base}/export/commune/C99999/villages.xlsx`)).status).toBe(404);
    expect((await fetch(`${base}/export/province/99/ranking.xlsx`)).status).toBe(404);
  });

  it('exports the chase list of a reporting date, the rewards, the audit log and the follow-up of a request', async () => {
    const chase = values((await workbook('/export/commune/C02949/chase/2025-11-07.xlsx')).worksheets[0]);
    const api = ok(
      await stack.gql<{ commune: { reportingStatus: { reporters: Array<{ name: string }> } } }>(
        `query { commune(id: "C02949") { reportingStatus(reportDate: "2025-11-07") { reporters { name } } } }`,
      ),
    ).commune.reportingStatus.reporters;
    expect(chase.map((r) => r[0])).toEqual(api.map((r) => r.name));

    const officer = await stack.token('COMMUNE_OFFICER', 'C02949');
    const publicRewards = values((await workbook('/export/commune/C02949/rewards.xlsx')).worksheets[0]);
    const officerRewards = values((await workbook('/export/commune/C02949/rewards.xlsx', officer)).worksheets[0]);
    expect(publicRewards.length).toBeGreaterThan(0);
    expect(officerRewards.length).toBeGreaterThanOrEqual(publicRewards.length);

    expect((await fetch(`${base}/export/area/C02949/audit.xlsx`)).status).toBe(401);
    const other = await stack.token('COMMUNE_OFFICER', 'C02762');
    expect(
      (await fetch(`${base}/export/area/C02949/audit.xlsx`, { headers: { authorization: `Bearer ${other}` } })).status,
    ).toBe(403);
    expect((await workbook('/export/area/C02949/audit.xlsx', officer)).worksheets[0].getRow(1).getCell(1).value).toBe(
      'Thời điểm',
    );

    const followUp = values(
      (await workbook('/export/province/23/follow-up/639-skhcn-bcvt-cds-2025/2025-11-20.xlsx')).worksheets[0],
    );
    expect(followUp).toHaveLength(96);
    expect(followUp.every((r) => r[2] === 'Chưa nộp báo cáo')).toBe(true);
    expect((await fetch(`${base}/export/province/23/follow-up/639-skhcn-bcvt-cds-2025/2025-11-21.xlsx`)).status).toBe(
      400,
    );
  });
});
