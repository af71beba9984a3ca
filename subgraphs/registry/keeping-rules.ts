/**
 * Keeping the registry (issue 24, item 3): the checks on adding, renaming and closing a village or unit and on
 * correcting a unit's staff. Plain functions, no GraphQL or ORM (test/unit/registry-keeping-rules.test.ts); each
 * refusal is a BAD_USER_INPUT a commune clerk can act on.
 */
import { BadInputError, bilingual, viNumber } from '../../shared/pure/errors';
import { isIsoDate, viDate, type IsoDate } from '../../shared/pure/dates';
import { isBlank } from '../../shared/pure/text';

/** The longest names the registry's columns hold: villages 100, units 200 characters. */
export const NAME_LIMIT = { VILLAGE: 100, UNIT: 200 } as const;
export type KeptLevel = keyof typeof NAME_LIMIT;

const WHAT: Record<KeptLevel, string> = { VILLAGE: 'thôn, tổ dân phố', UNIT: 'cơ quan, đơn vị' };

/** A name as it is kept: trimmed, inner runs of spaces made one. Refuses an empty or over-long name. */
export function checkName(name: string, level: KeptLevel): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (isBlank(trimmed)) throw new BadInputError(bilingual(`Hãy nhập tên ${WHAT[level]}`, 'the name is empty'), 'name');
  if (trimmed.length > NAME_LIMIT[level])
    throw new BadInputError(
      bilingual(
        `Tên ${WHAT[level]} quá dài (tối đa ${NAME_LIMIT[level]} ký tự)`,
        `the name is longer than ${NAME_LIMIT[level]} characters`,
      ),
      'name',
    );
  return trimmed;
}

/**
 * Refuses a name another open village (or unit) of the same commune already has. Equality is exact after
 * trimming: "Thôn 1" and "thôn 1", or "Ba Nam" and "Ba Năm", are different names (the letters spell them exactly).
 */
export function checkNameFree(
  name: string,
  level: KeptLevel,
  others: ReadonlyArray<{ id: string; name: string; closedOn: IsoDate | null }>,
  selfId: string | null = null,
): void {
  const taken = others.find((o) => o.id !== selfId && o.closedOn === null && o.name.trim() === name);
  if (taken)
    throw new BadInputError(
      bilingual(
        `Xã đã có ${WHAT[level]} tên "${name}" (mã ${taken.id}); hãy chọn tên khác`,
        `another ${level.toLowerCase()} of the commune is named ${name} (${taken.id})`,
      ),
      'name',
    );
}

/** The date a change takes effect: a real date, not after today in Vietnam. */
export function checkEffectiveOn(effectiveOn: string, today: IsoDate): IsoDate {
  if (!isIsoDate(effectiveOn))
    throw new BadInputError(
      bilingual('Ngày có hiệu lực không hợp lệ', 'effectiveOn is not a valid date'),
      'effectiveOn',
    );
  if (effectiveOn > today)
    throw new BadInputError(
      bilingual(
        `Ngày có hiệu lực ${viDate(effectiveOn)} ở tương lai; hãy nhập ngày đã qua hoặc hôm nay (${viDate(today)})`,
        'effectiveOn is in the future',
      ),
      'effectiveOn',
    );
  return effectiveOn;
}

/** No unit comes near this; a bigger staff is a typing slip. */
export const MAX_STAFF = 100_000;

/**
 * A staff figure: a whole number, and never below what the unit's latest report says is already certified (the
 * 100% target would be met by shrinking the denominator).
 */
export function checkStaff(staff: number, certified: { count: number; reportDate: IsoDate } | null): number {
  if (!Number.isInteger(staff) || staff < 0)
    throw new BadInputError(
      bilingual(`Biên chế phải là số nguyên không âm (đang nhập ${staff})`, 'staff must be a whole number ≥ 0'),
      'staff',
    );
  if (staff > MAX_STAFF)
    throw new BadInputError(
      bilingual(`Biên chế (${viNumber(staff)}) quá lớn; hãy kiểm tra lại`, 'staff is implausibly large'),
      'staff',
    );
  if (certified && staff < certified.count)
    throw new BadInputError(
      bilingual(
        `Biên chế ${viNumber(staff)} thấp hơn số người đã được chứng nhận (${viNumber(certified.count)}) theo báo cáo ngày ${viDate(certified.reportDate)}; hãy kiểm tra lại số biên chế hoặc báo cáo của đơn vị`,
        `staff ${staff} is below the ${certified.count} certified in the report of ${certified.reportDate}`,
      ),
      'staff',
    );
  return staff;
}

/** A correction's reason: 3 to 500 characters. */
export function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3 || isBlank(trimmed))
    throw new BadInputError(
      bilingual('Hãy ghi lý do điều chỉnh (ví dụ: "Quyết định giao biên chế năm 2025")', 'a reason is required'),
      'reason',
    );
  if (trimmed.length > 500)
    throw new BadInputError(
      bilingual('Lý do quá dài (tối đa 500 ký tự)', 'reason is longer than 500 characters'),
      'reason',
    );
  return trimmed;
}

/**
 * Closing: not twice, and not before the area's last report (its figures up to then would belong to nothing).
 * Closing on the day of the last report is allowed.
 */
export function checkClose(
  level: KeptLevel,
  closedOn: IsoDate,
  alreadyClosedOn: IsoDate | null,
  lastReportDate: IsoDate | null,
): void {
  if (alreadyClosedOn)
    throw new BadInputError(
      bilingual(
        `${WHAT[level][0].toUpperCase()}${WHAT[level].slice(1)} này đã giải thể từ ngày ${viDate(alreadyClosedOn)}`,
        `already closed on ${alreadyClosedOn}`,
      ),
      'effectiveOn',
    );
  if (lastReportDate && closedOn < lastReportDate)
    throw new BadInputError(
      bilingual(
        `Không thể giải thể từ ngày ${viDate(closedOn)}: đã có báo cáo ngày ${viDate(lastReportDate)}; hãy chọn ngày từ ${viDate(lastReportDate)} trở đi`,
        `closing on ${closedOn} is before the last report of ${lastReportDate}`,
      ),
      'effectiveOn',
    );
}

/** Renaming or correcting a closed area is refused: it is history. */
export function checkOpen(level: KeptLevel, closedOn: IsoDate | null): void {
  if (closedOn)
    throw new BadInputError(
      bilingual(
        `${WHAT[level][0].toUpperCase()}${WHAT[level].slice(1)} này đã giải thể từ ngày ${viDate(closedOn)}; không sửa được nữa`,
        `closed on ${closedOn}`,
      ),
      'id',
    );
}

/** The next free number of a commune's villages or units: one past the highest used (closed ones included). */
export function nextAreaNumber(existingIds: readonly string[]): number {
  const numbers = existingIds.map((id) => Number(id.split('-')[1] ?? 0)).filter((n) => Number.isInteger(n));
  return Math.max(0, ...numbers) + 1;
}

/** The most numbers an id holds (V02949-999): the id scheme's three digits. */
export const MAX_AREA_NUMBER = 999;

/**
 * The staff in force on a date: the revision with the latest effective date on or before it (the latest recorded
 * among those of one date); `current` when no revision is in force yet.
 */
export function staffInForce(
  revisions: ReadonlyArray<{ id: number; staff: number; effectiveOn: IsoDate }>,
  on: IsoDate,
  current: number,
): number {
  const inForce = revisions
    .filter((r) => r.effectiveOn <= on)
    .sort((a, b) => (a.effectiveOn === b.effectiveOn ? b.id - a.id : a.effectiveOn < b.effectiveOn ? 1 : -1));
  return inForce[0]?.staff ?? current;
}
