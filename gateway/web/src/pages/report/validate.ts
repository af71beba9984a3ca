import { fmtDate, fmtInt } from '../../format';
import { isIsoDate } from '../../../../../shared/pure/dates';
import { groupInSentence, POPULATION_GROUPS, type PopulationGroupName } from '../../../../../shared/pure/values';

/** The form's rows: residents first (most people are), then the API's order. */
export const GROUPS: readonly PopulationGroupName[] = [
  'RESIDENTS',
  ...POPULATION_GROUPS.filter((g) => g !== 'RESIDENTS'),
];
export const STAGES = ['registered', 'completed', 'certified'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_VI: Record<Stage, string> = {
  registered: 'Đã đăng ký',
  completed: 'Hoàn thành 5 chuyên đề',
  certified: 'Được cấp chứng nhận',
};
export type Figures = Record<string, Record<Stage, string>>;

/**
 * A count as Vietnamese officials type it: "1200", "1.200" or "1 200" (dots or spaces between thousands); null
 * when it is not a whole number ≥ 0 ("1,5", "1.20", "-3").
 */
export function parseCount(raw: string): number | null {
  const t = raw.trim().replace(/\s+/g, ' ');
  if (t === '') return 0;
  if (!/^\d+$/.test(t) && !/^\d{1,3}([. ]\d{3})+$/.test(t)) return null;
  const n = Number(t.replace(/[. ]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Figures that are allowed but doubtful, to confirm before sending: more registered than the village's adults,
 * or a figure more than three times last week's (a slip such as 1020 for 102).
 */
export function doubts(
  figures: Figures,
  adults: number | null | undefined,
  last: Array<{ group: string; registered: number; completed: number; certified: number }>,
): string[] {
  const found: string[] = [];
  let registered = 0;
  for (const g of GROUPS) {
    for (const s of STAGES) {
      const n = parseCount(figures[g][s]);
      if (n == null) continue;
      if (s === 'registered') registered += n;
      const before = last.find((l) => l.group === g)?.[s] ?? 0;
      if (before > 0 && n > 3 * before)
        found.push(
          `${STAGE_VI[s]} (${groupInSentence(g)}): ${fmtInt(n)}, gấp hơn 3 lần lần trước (${fmtInt(before)}).`,
        );
    }
  }
  if (adults != null && adults > 0 && registered > adults)
    found.push(`Tổng số đã đăng ký (${fmtInt(registered)}) vượt số người trưởng thành của thôn (${fmtInt(adults)}).`);
  return found;
}

/** The API's rules, checked before sending, with the API's wording; the API checks again and has the last word. */
export function validate(figures: Figures, reportDate: string, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isIsoDate(reportDate)) errors.reportDate = 'Ngày báo cáo không hợp lệ';
  else if (reportDate > today)
    errors.reportDate = `Ngày báo cáo ${fmtDate(reportDate)} ở tương lai; chỉ báo cáo số liệu đến hôm nay`;
  let any = false;
  for (const g of GROUPS) {
    const f = figures[g];
    if (STAGES.every((s) => f[s].trim() === '')) continue;
    any = true;
    const n: Partial<Record<Stage, number>> = {};
    for (const s of STAGES) {
      const value = parseCount(f[s]);
      if (value == null) {
        const what =
          s === 'registered'
            ? 'đã đăng ký'
            : s === 'completed'
              ? 'đã hoàn thành 5 chuyên đề'
              : 'đã được cấp chứng nhận';
        errors[`groups.${g}.${s}`] = `Số ${groupInSentence(g)} ${what} phải là số nguyên không âm (đang nhập ${f[s]})`;
      } else n[s] = value;
    }
    if (n.registered != null && n.completed != null && n.completed > n.registered) {
      errors[`groups.${g}.completed`] =
        `Số ${groupInSentence(g)} hoàn thành (${fmtInt(n.completed)}) ` +
        `không thể lớn hơn số đã đăng ký (${fmtInt(n.registered)})`;
    }
    if (n.completed != null && n.certified != null && n.certified > n.completed) {
      errors[`groups.${g}.certified`] =
        `Số ${groupInSentence(g)} được cấp chứng nhận (${fmtInt(n.certified)}) ` +
        `không thể lớn hơn số đã hoàn thành (${fmtInt(n.completed)})`;
    }
  }
  if (!any) errors.groups = 'Báo cáo cần số liệu của ít nhất một nhóm';
  return errors;
}

export function emptyFigures(): Figures {
  return Object.fromEntries(GROUPS.map((g) => [g, { registered: '', completed: '', certified: '' }]));
}
