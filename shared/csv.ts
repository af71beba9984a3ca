/**
 * The one CSV reader: our reference files and the portal's statistics saved as CSV, read by csv-parse. A byte-order
 * mark is dropped, blank rows (also `;;;` rows of an emptied spreadsheet line) are skipped, cells are separated by a
 * semicolon when the header line has one outside quotes (a spreadsheet saved with the Vietnamese locale) and by a
 * comma otherwise; quoted cells may hold separators, doubled quotes and line breaks.
 */
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvTable {
  header: string[];
  /** `line` counts the header as 1 and skips blank rows, as a clerk counts the rows of the sheet. */
  rows: Array<{ line: number; cells: string[] }>;
}

/** `;` when the first non-blank line has one outside quoted cells, else `,`. */
function separatorOf(text: string): ';' | ',' {
  let quoted = false;
  let seen = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seen) break;
    } else if (!quoted && ch === ';') return ';';
    else if (ch.trim() !== '') seen = true;
  }
  return ',';
}

export function readCsv(text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  let records: Array<{ record: string[]; info: { records: number } }>;
  try {
    // csv-parse's types do not follow `info: true`, which wraps each record with where it was read.
    records = parse(body, {
      delimiter: separatorOf(body),
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // Each row is checked by whoever reads it (readCsvRecords, the import), with its line number.
      relax_column_count: true,
      // A stray quote inside an unquoted cell (`Thôn "Mới"`) is kept as written, as the reader before csv-parse did.
      relax_quotes: true,
      info: true,
    }) as unknown as typeof records;
  } catch (e: unknown) {
    // csv-parse counts the rows read before the broken one; the clerk's row is the next.
    if (e instanceof CsvError) {
      const { records: before } = e as CsvError & { records?: number };
      throw new Error(`dòng ${(before ?? 0) + 1}: tệp CSV sai định dạng (${e.message})`, { cause: e });
    }
    throw e;
  }
  const [first, ...rest] = records;
  return {
    header: first ? first.record : [],
    rows: rest.map(({ record, info }) => ({ line: info.records, cells: record })),
  };
}

/** Rows as objects keyed by the (trimmed) header, cells trimmed; a row with another number of cells is an error. */
export function readCsvRecords(text: string): Array<Record<string, string>> {
  const { header, rows } = readCsv(text);
  const names = header.map((h) => h.trim());
  return rows.map(({ line, cells }) => {
    if (cells.length !== names.length)
      throw new Error(`CSV line ${line} has ${cells.length} cells, expected ${names.length}: ${cells.join(',')}`);
    return Object.fromEntries(names.map((h, i) => [h, cells[i].trim()]));
  });
}
