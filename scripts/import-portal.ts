// `npm run import:portal -- statistics.csv [--source NATIONAL_PLATFORM] [--url …/graphql] [--token T]`: reads the
// province portal's statistics page — or the national platform's (binhdanhocvuso.gov.vn), by a `source` column or
// --source — saved as CSV and imports it through the gateway (importPortalStatistics), so the same checks apply as
// to any client. One bad row rejects the whole file, with its line number; nothing is written. The column layout is
// in docs/imports.md.
import type { PortalStatisticRow, StatisticSourceName } from '../shared/pure/portal-statistics';
import { readFileSync } from 'node:fs';
import { readCsv } from '../shared/csv';

/** The source of a file's rows (shared/pure/portal-statistics). */
export type StatisticSource = StatisticSourceName;
/** A row as read from the file: the one shape of a portal statistics row. */
export type PortalCsvRow = PortalStatisticRow;

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
  source: 'source',
  nguon: 'source',
  officials_on_portal: 'officialsOnPortal',
  cbccvc_tren_cong_tinh: 'officialsOnPortal',
  residents_on_portal: 'residentsOnPortal',
  nguoi_dan_tren_cong_tinh: 'residentsOnPortal',
};

/** A `source` cell: the API's name, or the Vietnamese one ("Cổng tỉnh", "Nền tảng quốc gia", the platform's site). */
const SOURCES: Record<string, StatisticSource> = {
  portal: 'PORTAL',
  cong_tinh: 'PORTAL',
  national_platform: 'NATIONAL_PLATFORM',
  nen_tang_quoc_gia: 'NATIONAL_PLATFORM',
  binhdanhocvuso_gov_vn: 'NATIONAL_PLATFORM',
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

const fold = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/**
 * Parses the CSV (comma or semicolon separated; a commune is its id, e.g. C02949). Rows without a `source` column
 * are `source` (PORTAL unless told).
 */
export function parsePortalCsv(text: string, source: StatisticSource = 'PORTAL'): PortalCsvRow[] {
  const { header, rows } = readCsv(text);
  if (rows.length < 1) throw new CsvError('tệp CSV không có dòng số liệu nào');
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
    const overlap = (k: 'officialsOnPortal' | 'residentsOnPortal') =>
      columns.includes(k) ? number(get(k), line, k, false) : null;
    let rowSource = source;
    if (columns.includes('source') && get('source').trim() !== '') {
      const named = SOURCES[fold(get('source'))];
      if (!named)
        throw new CsvError(
          `dòng ${line}: nguồn "${get('source')}" không hợp lệ (PORTAL/Cổng tỉnh hoặc NATIONAL_PLATFORM/Nền tảng quốc gia)`,
        );
      rowSource = named;
    }
    return {
      communeId: get('communeId').trim(),
      date: date(get('date'), line),
      source: rowSource,
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
      officialsOnPortal: overlap('officialsOnPortal'),
      residentsOnPortal: overlap('residentsOnPortal'),
    };
  });
}

export async function importFile(
  file: string,
  url: string,
  token?: string,
  say: (l: string) => void = console.log,
  source: StatisticSource = 'PORTAL',
): Promise<{ rows: number; communes: number; dates: string[] }> {
  const rows = parsePortalCsv(readFileSync(file, 'utf8'), source);
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

/** The command line: its arguments in, an exit code out (0 imported, 1 nothing imported, 2 bad usage). */
export async function main(
  argv: string[],
  say: (l: string) => void = console.log,
  complain: (l: string) => void = console.error,
): Promise<number> {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const url = flag('--url') ?? `http://localhost:${process.env.PORT ?? 4000}/graphql`;
  const token = flag('--token');
  const source = (flag('--source') ?? 'PORTAL').toUpperCase();
  if (args.length !== 1 || (source !== 'PORTAL' && source !== 'NATIONAL_PLATFORM')) {
    complain(
      'usage: npm run import:portal -- <statistics.csv> [--source PORTAL|NATIONAL_PLATFORM] ' +
        '[--url http://localhost:4000/graphql] [--token <token>]',
    );
    return 2;
  }
  try {
    const r = await importFile(args[0], url, token, say, source);
    say(`[import] imported ${r.rows} rows for ${r.communes} communes on ${r.dates.join(', ')}`);
    return 0;
  } catch (e: unknown) {
    complain(`[import] nothing imported: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
