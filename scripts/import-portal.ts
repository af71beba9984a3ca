// `npm run import:portal -- statistics.csv [--url http://localhost:4000/graphql] [--token T]`: reads the province
// portal's statistics page saved as CSV and imports it through the gateway (importPortalStatistics), so the same
// checks apply as to any client. One bad row rejects the whole file, with its line number; nothing is written.
import { readFileSync } from 'node:fs';
import { readCsv } from '../shared/csv';

export interface PortalCsvRow {
  communeId: string;
  date: string;
  rank: number | null;
  learners: number;
  officialsRegistered: number;
  residentsRegistered: number;
  officialsPercent: number | null;
  residentsPercent: number | null;
}

const HEADERS: Record<string, keyof PortalCsvRow> = {
  commune_id: 'communeId',
  commune: 'communeId',
  xa: 'communeId',
  ma_xa: 'communeId',
  date: 'date',
  ngay: 'date',
  rank: 'rank',
  hang: 'rank',
  learners: 'learners',
  hoc_vien: 'learners',
  officials_registered: 'officialsRegistered',
  cbccvc: 'officialsRegistered',
  residents_registered: 'residentsRegistered',
  nguoi_dan: 'residentsRegistered',
  officials_percent: 'officialsPercent',
  ty_le_cbccvc: 'officialsPercent',
  residents_percent: 'residentsPercent',
  ty_le_nguoi_dan: 'residentsPercent',
};

export class CsvError extends Error {}

/** Vietnamese numbers: "1.234" is one thousand two hundred thirty-four; "1,53%" is 1.53. */
function number(cell: string, line: number, what: string, decimal: boolean): number | null {
  const t = cell.trim().replace(/%$/, '');
  if (t === '') return null;
  const normal = decimal ? t.replace(/\./g, '').replace(',', '.') : t.replace(/[.,\s]/g, '');
  const n = Number(normal);
  if (!Number.isFinite(n)) throw new CsvError(`dòng ${line}: "${cell}" không phải là số (${what})`);
  return n;
}

function date(cell: string, line: number): string {
  const t = cell.trim();
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (vi) return `${vi[3]}-${vi[2].padStart(2, '0')}-${vi[1].padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  throw new CsvError(`dòng ${line}: ngày "${cell}" phải có dạng dd/mm/yyyy hoặc yyyy-mm-dd`);
}

/** Parses the CSV (comma or semicolon separated; a commune is its id, e.g. C02949). */
export function parsePortalCsv(text: string): PortalCsvRow[] {
  const { header, rows } = readCsv(text);
  if (rows.length < 1) throw new CsvError('tệp CSV không có dòng số liệu nào');
  const fold = (h: string) =>
    h
      .trim()
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
  const columns = header.map((h) => HEADERS[fold(h)]);
  for (const need of ['communeId', 'date', 'learners', 'officialsRegistered', 'residentsRegistered'] as const) {
    if (!columns.includes(need)) throw new CsvError(`thiếu cột ${need} trong dòng tiêu đề`);
  }
  return rows.map(({ line, cells }) => {
    const get = (k: keyof PortalCsvRow) => cells[columns.indexOf(k)] ?? '';
    const int = (k: 'learners' | 'officialsRegistered' | 'residentsRegistered') => {
      const n = number(get(k), line, k, false);
      if (n === null) throw new CsvError(`dòng ${line}: thiếu ${k}`);
      return n;
    };
    return {
      communeId: get('communeId').trim(),
      date: date(get('date'), line),
      rank: columns.includes('rank') ? number(get('rank'), line, 'rank', false) : null,
      learners: int('learners'),
      officialsRegistered: int('officialsRegistered'),
      residentsRegistered: int('residentsRegistered'),
      officialsPercent: columns.includes('officialsPercent')
        ? number(get('officialsPercent'), line, 'officialsPercent', true)
        : null,
      residentsPercent: columns.includes('residentsPercent')
        ? number(get('residentsPercent'), line, 'residentsPercent', true)
        : null,
    };
  });
}

export async function importFile(
  file: string,
  url: string,
  token?: string,
  say: (l: string) => void = console.log,
): Promise<{ rows: number; communes: number; dates: string[] }> {
  const rows = parsePortalCsv(readFileSync(file, 'utf8'));
  say(`[import] ${rows.length} rows read from ${file}; sending to ${url}`);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({
      query: `mutation($rows: [PortalStatisticInput!]!) { importPortalStatistics(rows: $rows) { rows communes dates } }`,
      variables: { rows },
    }),
  });
  const body = (await res.json()) as {
    data?: { importPortalStatistics: { rows: number; communes: number; dates: string[] } };
    errors?: Array<{ message: string }>;
  };
  if (body.errors?.length || !body.data)
    throw new CsvError(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
  return body.data.importPortalStatistics;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const url = flag('--url') ?? `http://localhost:${process.env.PORT ?? 4000}/graphql`;
  const token = flag('--token');
  if (args.length !== 1) {
    console.error(
      'usage: npm run import:portal -- <statistics.csv> [--url http://localhost:4000/graphql] [--token <token>]',
    );
    process.exit(2);
  }
  importFile(args[0], url, token)
    .then((r) => console.log(`[import] imported ${r.rows} rows for ${r.communes} communes on ${r.dates.join(', ')}`))
    .catch((e: unknown) => {
      console.error(`[import] nothing imported: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}
