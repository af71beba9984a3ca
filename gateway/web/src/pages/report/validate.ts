import { fmtDate, fmtInt } from '../../format';

export const GROUPS = ['RESIDENTS', 'OFFICIALS', 'STUDENTS', 'WORKERS'] as const;
export const STAGES = ['registered', 'completed', 'certified'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_VI: Record<Stage, string> = {
  registered: 'Đã đăng ký',
  completed: 'Hoàn thành 5 chuyên đề',
  certified: 'Được cấp chứng nhận',
};
/** The group names in the API's own messages. */
const GROUP_MSG: Record<string, string> = {
  OFFICIALS: 'cán bộ, công chức, viên chức',
  RESIDENTS: 'người dân',
  STUDENTS: 'học sinh',
  WORKERS: 'người lao động',
};

export type Figures = Record<string, Record<Stage, string>>;

/** The API's rules, checked before sending, with the API's wording; the API checks again and has the last word. */
export function validate(figures: Figures, reportDate: string, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(reportDate)) errors.reportDate = 'Ngày báo cáo không hợp lệ';
  else if (reportDate > today)
    errors.reportDate = `Ngày báo cáo ${fmtDate(reportDate)} ở tương lai; chỉ báo cáo số liệu đến hôm nay`;
  let any = false;
  for (const g of GROUPS) {
    const f = figures[g];
    if (STAGES.every((s) => f[s].trim() === '')) continue;
    any = true;
    const n: Partial<Record<Stage, number>> = {};
    for (const s of STAGES) {
      const raw = f[s].trim() === '' ? '0' : f[s].trim();
      const value = Number(raw);
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
        const what =
          s === 'registered'
            ? 'đã đăng ký'
            : s === 'completed'
              ? 'đã hoàn thành 5 chuyên đề'
              : 'đã được cấp chứng nhận';
        errors[`groups.${g}.${s}`] = `Số ${GROUP_MSG[g]} ${what} phải là số nguyên không âm (đang nhập ${f[s]})`;
      } else n[s] = value;
    }
    if (n.registered != null && n.completed != null && n.completed > n.registered) {
      errors[`groups.${g}.completed`] =
        `Số ${GROUP_MSG[g]} hoàn thành (${fmtInt(n.completed)}) ` +
        `không thể lớn hơn số đã đăng ký (${fmtInt(n.registered)})`;
    }
    if (n.completed != null && n.certified != null && n.certified > n.completed) {
      errors[`groups.${g}.certified`] =
        `Số ${GROUP_MSG[g]} được cấp chứng nhận (${fmtInt(n.certified)}) ` +
        `không thể lớn hơn số đã hoàn thành (${fmtInt(n.completed)})`;
    }
  }
  if (!any) errors.groups = 'Báo cáo cần số liệu của ít nhất một nhóm';
  return errors;
}

export function emptyFigures(): Figures {
  return Object.fromEntries(GROUPS.map((g) => [g, { registered: '', completed: '', certified: '' }]));
}
