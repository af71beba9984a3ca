/**
 * A commune's unit list as a CSV file (docs/registry.md): one unit a row with its name, type, staff and the date it
 * joins the registry. Plain rules (test/unit/registry-keeping-rules.test.ts): headers and types are matched without
 * case or diacritics, in English or Vietnamese; every refusal names the row as the sheet counts it.
 */
import { readCsv } from '../../shared/csv';
import { isIsoDate, type IsoDate } from '../../shared/pure/dates';
import { BadInputError, bilingual } from '../../shared/pure/errors';
import { foldVietnamese } from '../../shared/pure/text';
import { UNIT_TYPE_VI, UNIT_TYPES, type UnitTypeName } from '../../shared/pure/values';
import type { UnitType } from './entities/enums';

/** A list longer than this is not one commune's units (the registry's limit per commune is 100 on a page). */
export const MAX_UNIT_ROWS = 500;

const COLUMNS = {
  name: ['name', 'ten', 'ten don vi', 'don vi'],
  type: ['type', 'loai', 'loai don vi'],
  staff: ['staff', 'bien che', 'so bien che'],
  effectiveOn: ['effective_on', 'date', 'ngay', 'ngay co hieu luc'],
} as const;
type Column = keyof typeof COLUMNS;

/** A type as written: the enum value (SCHOOL) or its Vietnamese word ("Trường học"), any case or accents. */
function typeOf(cell: string): UnitTypeName | null {
  const folded = foldVietnamese(cell);
  return UNIT_TYPES.find((t) => t.toLowerCase() === folded || foldVietnamese(UNIT_TYPE_VI[t]) === folded) ?? null;
}

/** dd/mm/yyyy or yyyy-mm-dd → ISO, or null. */
function dateOf(cell: string): IsoDate | null {
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  const iso = vi ? `${vi[3]}-${vi[2].padStart(2, '0')}-${vi[1].padStart(2, '0')}` : cell;
  return isIsoDate(iso) ? iso : null;
}

const rowError = (line: number, vi: string, en: string, field: string) =>
  new BadInputError(bilingual(`Dòng ${line}: ${vi}`, `line ${line}: ${en}`), field);

/**
 * The rows of a unit list, each with its line. The date column is optional (default: today); each value's own
 * checks (name, staff, date, a name already used) are the mutation's, with the line added.
 */
export function parseUnitList(
  text: string,
  today: IsoDate,
): Array<{ line: number; unit: { name: string; type: UnitType; staff: number; effectiveOn: IsoDate } }> {
  let table: ReturnType<typeof readCsv>;
  try {
    table = readCsv(text);
  } catch (e) {
    throw new BadInputError(bilingual(`Tệp CSV: ${(e as Error).message}`, 'the CSV cannot be read'), 'csv');
  }
  const headers = table.header.map(foldVietnamese);
  const at = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((c) => [
      c,
      headers.findIndex((h) => (COLUMNS[c] as readonly string[]).includes(h)),
    ]),
  ) as Record<Column, number>;
  const missing = (['name', 'type', 'staff'] as const).filter((c) => at[c] < 0);
  if (missing.length > 0)
    throw new BadInputError(
      bilingual(
        'Dòng 1 của tệp phải có các cột "Tên đơn vị", "Loại", "Biên chế" (và có thể thêm "Ngày có hiệu lực")',
        `missing columns: ${missing.join(', ')}`,
      ),
      'csv',
    );
  if (table.rows.length === 0)
    throw new BadInputError(bilingual('Tệp không có đơn vị nào', 'the list is empty'), 'csv');
  if (table.rows.length > MAX_UNIT_ROWS)
    throw new BadInputError(
      bilingual(`Tệp có quá nhiều dòng (tối đa ${MAX_UNIT_ROWS} đơn vị)`, `more than ${MAX_UNIT_ROWS} rows`),
      'csv',
    );
  const seen = new Map<string, number>();
  return table.rows.map(({ line, cells }) => {
    const cell = (c: Column) => (at[c] >= 0 ? (cells[at[c]] ?? '').trim() : '');
    const type = typeOf(cell('type'));
    if (!type) throw rowError(line, `loại đơn vị "${cell('type')}" không có trong danh mục`, 'unknown type', 'type');
    const staffCell = cell('staff').replace(/\./g, '');
    if (!/^\d+$/.test(staffCell))
      throw rowError(line, `biên chế "${cell('staff')}" phải là số nguyên không âm`, 'staff is not a number', 'staff');
    const effectiveOn = cell('effectiveOn') ? dateOf(cell('effectiveOn')) : today;
    if (!effectiveOn)
      throw rowError(line, `ngày "${cell('effectiveOn')}" không hợp lệ (dd/mm/yyyy)`, 'bad date', 'effectiveOn');
    const name = cell('name').replace(/\s+/g, ' ');
    const first = seen.get(name);
    if (name && first !== undefined)
      throw rowError(line, `tên "${name}" trùng với dòng ${first}`, 'name repeated in the file', 'name');
    seen.set(name, line);
    return { line, unit: { name, type: type as UnitType, staff: Number(staffCell), effectiveOn } };
  });
}
