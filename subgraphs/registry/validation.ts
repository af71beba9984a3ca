/** Checks a population revision before anything is written (the population rule itself: common/population.ts). */
import { BadInputError, bilingual, viNumber } from '../../shared/pure/errors';
import { isIsoDate, viDate, type IsoDate } from '../../shared/pure/dates';
import { isBlank } from '../../shared/pure/text';
import type { PopulationFigures } from '../common/population';

export interface PopulationInputShape {
  asOf: IsoDate;
  adults: number;
  workingAge?: number | null;
  households?: number | null;
  officials?: number | null;
  students?: number | null;
}

const LABELS: Record<keyof PopulationFigures, [string, string]> = {
  adults: ['Số người trong độ tuổi trưởng thành', 'adults'],
  workingAge: ['Số người trong độ tuổi lao động', 'working-age people'],
  households: ['Số hộ gia đình', 'households'],
  officials: ['Số cán bộ, công chức, viên chức', 'officials'],
  students: ['Số học sinh', 'students'],
};

/**
 * The earliest date a population figure may carry: the campaign uses the 2009 and 2019 censuses and later
 * counts, so anything before 2000 is a typing slip (year 100, 1025…). The latest is today in Vietnam.
 */
export const POPULATION_EARLIEST: IsoDate = '2000-01-01';

/** No commune-level area in Vietnam comes near this; a bigger figure is a typing slip (an extra zero). */
export const MAX_FIGURE = 20_000_000;

/**
 * Checks a population figure before anything is written. Messages name the field and the figures so a commune
 * clerk can see what to correct.
 */
export function validatePopulation(
  input: PopulationInputShape,
  reason: string,
  today: IsoDate,
): PopulationFigures & { asOf: IsoDate; reason: string } {
  if (!isIsoDate(input.asOf)) {
    throw new BadInputError(bilingual('Ngày số liệu không hợp lệ', 'asOf is not a valid date'), 'asOf');
  }
  if (input.asOf < POPULATION_EARLIEST) {
    throw new BadInputError(
      bilingual(
        `Ngày số liệu ${viDate(input.asOf)} quá xa; số liệu dân số phải từ ngày ${viDate(POPULATION_EARLIEST)} đến hôm nay`,
        `asOf must be between ${POPULATION_EARLIEST} and today`,
      ),
      'asOf',
    );
  }
  if (input.asOf > today) {
    throw new BadInputError(
      bilingual(
        `Ngày số liệu ${viDate(input.asOf)} ở tương lai; hãy nhập ngày đã qua`,
        'the figure cannot be dated in the future',
      ),
      'asOf',
    );
  }
  const figures: PopulationFigures = {
    adults: input.adults,
    workingAge: input.workingAge ?? null,
    households: input.households ?? null,
    officials: input.officials ?? null,
    students: input.students ?? null,
  };
  for (const key of Object.keys(LABELS) as Array<keyof PopulationFigures>) {
    const value = figures[key];
    if (value === null) continue;
    const [vi, en] = LABELS[key];
    if (!Number.isInteger(value) || value < 0) {
      throw new BadInputError(
        bilingual(`${vi} phải là số nguyên không âm (đang nhập ${value})`, `${en} must be a whole number ≥ 0`),
        key,
      );
    }
    if (value > MAX_FIGURE) {
      throw new BadInputError(
        bilingual(`${vi} (${viNumber(value)}) quá lớn; hãy kiểm tra lại`, `${en} is implausibly large`),
        key,
      );
    }
  }
  for (const key of ['workingAge', 'officials'] as const) {
    const value = figures[key];
    if (value !== null && value > figures.adults) {
      const [vi, en] = LABELS[key];
      throw new BadInputError(
        bilingual(
          `${vi} (${viNumber(value)}) không thể lớn hơn số người trong độ tuổi trưởng thành (${viNumber(figures.adults)})`,
          `${en} cannot exceed adults`,
        ),
        key,
      );
    }
  }
  const trimmed = reason.trim();
  if (trimmed.length < 3 || isBlank(trimmed)) {
    throw new BadInputError(
      bilingual('Hãy ghi lý do cập nhật số liệu (ví dụ: "Số liệu điều tra dân số 2025")', 'a reason is required'),
      'reason',
    );
  }
  if (trimmed.length > 500) {
    throw new BadInputError(
      bilingual('Lý do quá dài (tối đa 500 ký tự)', 'reason is longer than 500 characters'),
      'reason',
    );
  }
  return { ...figures, asOf: input.asOf, reason: trimmed };
}

/** An approved reporting period of a commune, as the registry knows it (from the reports' audit entries). */
export interface ApprovedPeriod {
  reportDate: IsoDate;
  approvedAt: Date | null;
  approvedByName: string | null;
}

/**
 * The approved period whose figures a new population revision dated `asOf` would change, or null. A revision is in
 * force from its date until the area's next later revision (one on the same date is replaced by the new one), so
 * it changes the periods of the area's commune dated in [asOf, next later revision); the earliest approved one
 * among them is returned. A province's revision changes no commune's period.
 */
export function periodChangedByRevision(
  asOf: IsoDate,
  otherRevisionDates: readonly IsoDate[],
  approved: readonly ApprovedPeriod[],
): ApprovedPeriod | null {
  const until = otherRevisionDates.filter((d) => d > asOf).sort()[0] ?? null;
  const hit = approved
    .filter((p) => p.reportDate >= asOf && (until === null || p.reportDate < until))
    .sort((a, b) => (a.reportDate < b.reportDate ? -1 : 1));
  return hit[0] ?? null;
}
