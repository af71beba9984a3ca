/**
 * Reporting completeness: who reported on time, late, or not at all. Plain functions: no GraphQL, no ORM.
 *
 * A weekly report is due on its Friday afternoon: by default 17:00 in Vietnam (UTC+7) on the report date. A
 * reporter is ON_TIME when the first version for that date was submitted by the deadline, LATE when after it,
 * MISSING when there is none. A province deadline ("report before 20 Nov") counts a commune as reported when any
 * of its villages or units submitted before it.
 */
export type ReportingState = 'ON_TIME' | 'LATE' | 'MISSING';

export const DEFAULT_DUE_TIME = '17:00';

/** The instant of a deadline given as a local (Vietnam) date and time. */
export function deadlineInstant(date: string, time = DEFAULT_DUE_TIME): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

export function reportingState(firstSubmittedAt: Date | null, deadline: Date): ReportingState {
  if (!firstSubmittedAt) return 'MISSING';
  return firstSubmittedAt.getTime() <= deadline.getTime() ? 'ON_TIME' : 'LATE';
}

export function summarise(states: ReportingState[]): Record<ReportingState, number> {
  const out: Record<ReportingState, number> = { ON_TIME: 0, LATE: 0, MISSING: 0 };
  for (const s of states) out[s] += 1;
  return out;
}

/** A directive's one-off reporting deadline as an instant: "before 20 Nov" is due at 00:00 on the 20th (Vietnam). */
export function directiveDeadline(deadlines: Array<Record<string, unknown>>): { dueOn: string; instant: Date } | null {
  const once = deadlines.find((d) => d.recurrence === 'ONCE' && typeof d.dueOn === 'string');
  if (!once) return null;
  const dueOn = once.dueOn as string;
  if (once.before) return { dueOn, instant: deadlineInstant(dueOn, '00:00') };
  const next = new Date(Date.parse(`${dueOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { dueOn, instant: deadlineInstant(next, '00:00') };
}
