/** Checks a population revision before anything is written (the population rule itself: common/population.ts). */
import { BadInputError, bilingual, viNumber } from '../../shared/errors';
import { isIsoDate, type IsoDate } from '../../shared/dates';
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
  if (input.asOf > today) {
    throw new BadInputError(
      bilingual(
        `Ngày số liệu ${input.asOf} ở tương lai; hãy nhập ngày đã qua`,
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
  if (trimmed.length < 3) {
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
