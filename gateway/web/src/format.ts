/** Numbers, percentages and dates as Vietnamese officials write them: 1.234 · 1,53% · 31/10/2025. */
import { viDate } from '../../../shared/pure/dates';

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('vi-VN', {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percent0 = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });
const time = new Intl.DateTimeFormat('vi-VN', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Asia/Ho_Chi_Minh',
});
const dateTime = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Ho_Chi_Minh',
});

export const DASH = '—';

export function fmtInt(n: number | null | undefined): string {
  return n == null ? DASH : integer.format(n);
}

/** A fraction (0.0153) as a percentage (1,53%). */
export function fmtPct(f: number | null | undefined, digits: 0 | 2 = 2): string {
  if (f == null || !Number.isFinite(f)) return DASH;
  return (digits === 0 ? percent0 : percent).format(f);
}

/** An ISO date (2025-10-31) as dd/mm/yyyy. */
export function fmtDate(iso: string | null | undefined): string {
  return iso ? viDate(iso.slice(0, 10)) : DASH;
}

/** Time of day in Vietnam (14:05:09). */
export function fmtTime(t: Date | string | number): string {
  return time.format(new Date(t));
}

export function fmtDateTime(t: Date | string | null | undefined): string {
  return t ? dateTime.format(new Date(t)) : DASH;
}
