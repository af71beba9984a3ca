/**
 * Reporting weeks as Vietnam counts them: Monday to Sunday on the calendar of Asia/Ho_Chi_Minh, each with its
 * Friday (villages report every Friday afternoon). Plain functions on ISO dates (yyyy-mm-dd), no clock inside,
 * so they are tested with any "today".
 */

/** Today in Vietnam as an ISO date, whatever the device's own time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6. */
function dayOfWeek(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The Friday of the week (Monday to Sunday) that holds the date. */
export function fridayOfWeek(iso: string): string {
  return addDays(iso, 4 - dayOfWeek(iso));
}

/** The Monday that starts the date's week. */
export function mondayOfWeek(iso: string): string {
  return addDays(iso, -dayOfWeek(iso));
}

/**
 * The Friday a report made today counts for: this week's from Friday to Sunday; before Friday, last week's (the
 * API takes no report dated in the future).
 */
export function reportingFriday(today: string): string {
  const friday = fridayOfWeek(today);
  return friday <= today ? friday : addDays(friday, -7);
}

/** This week's Friday and the `count - 1` before it, newest first (the chase list's week picker). */
export function recentFridays(today: string, count: number): string[] {
  const friday = fridayOfWeek(today);
  return Array.from({ length: count }, (_, i) => addDays(friday, -7 * i));
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return Math.round((day(to) - day(from)) / 86_400_000);
}
