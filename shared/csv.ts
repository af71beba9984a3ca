/**
 * The one CSV reader: our reference files and the portal's statistics saved as CSV. A byte-order mark is dropped,
 * blank lines are skipped, cells are separated by a semicolon when the header line has one (a spreadsheet saved
 * with the Vietnamese locale) and by a comma otherwise; quoted fields are not supported (neither source has any).
 */
export interface CsvTable {
  header: string[];
  /** `line` counts the header as 1 and skips blank lines, as a clerk counts the rows of the sheet. */
  rows: Array<{ line: number; cells: string[] }>;
}

export function readCsv(text: string): CsvTable {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const sep = (lines[0] ?? '').includes(';') ? ';' : ',';
  return {
    header: lines.length ? lines[0].split(sep) : [],
    rows: lines.slice(1).map((l, i) => ({ line: i + 2, cells: l.split(sep) })),
  };
}

/** Rows as objects keyed by the (trimmed) header, cells trimmed; a row with another number of cells is an error. */
export function readCsvRecords(text: string): Array<Record<string, string>> {
  const { header, rows } = readCsv(text);
  const names = header.map((h) => h.trim());
  return rows.map(({ cells }) => {
    if (cells.length !== names.length)
      throw new Error(`CSV line has ${cells.length} cells, expected ${names.length}: ${cells.join(',')}`);
    return Object.fromEntries(names.map((h, i) => [h, cells[i].trim()]));
  });
}
