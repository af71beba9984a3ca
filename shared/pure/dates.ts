/**
 * Calendar dates as Vietnam counts them, for the server and the pages alike: ISO strings (YYYY-MM-DD) with no time
 * zone, today on the wall calendar of Vietnam, ISO weekdays (1 = Monday … 7 = Sunday) and reporting weeks (Monday to
 * Sunday, each with its Friday: villages report every Friday afternoon). No clock inside except `todayInVietnam`'s
 * default, so every rule is tested with any "today".
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year (no daylight saving time). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Today in Vietnam (UTC+7), which is the day a clerk sees on the wall calendar, whatever the device's time zone. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** dd/mm/yyyy, as officials write dates. */
export function viDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Midnight UTC of a date (a timestamp's date part is enough). */
const toTime = (iso: IsoDate): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const toIso = (t: number): IsoDate => new Date(t).toISOString().slice(0, 10);

export function addDays(iso: IsoDate, days: number): IsoDate {
  return toIso(toTime(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** ISO weekday of a date: 1 = Monday … 5 = Friday … 7 = Sunday (the API's `weekday` counts the same way). */
export function isoWeekday(iso: IsoDate): number {
  const d = new Date(toTime(iso)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday that starts the date's week. */
export function mondayOfWeek(iso: IsoDate): IsoDate {
  return addDays(iso, 1 - isoWeekday(iso));
}

/** The Friday of the week (Monday to Sunday) that holds the date. */
export function fridayOfWeek(iso: IsoDate): IsoDate {
  return addDays(iso, 5 - isoWeekday(iso));
}

/**
 * The Friday a report made today counts for: this week's from Friday to Sunday; before Friday, last week's (the
 * API takes no report dated in the future).
 */
export function reportingFriday(today: IsoDate): IsoDate {
  const friday = fridayOfWeek(today);
  return friday <= today ? friday : addDays(friday, -7);
}

/** This week's Friday and the `count - 1` before it, newest first (the chase list's week picker). */
export function recentFridays(today: IsoDate, count: number): IsoDate[] {
  const friday = fridayOfWeek(today);
  return Array.from({ length: count }, (_, i) => addDays(friday, -7 * i));
}
