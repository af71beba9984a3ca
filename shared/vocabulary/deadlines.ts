/** When a reporting deadline falls next. Plain date arithmetic on ISO calendar days (no time zones). */
import { addDays, isoWeekday, type IsoDate } from '../pure/dates';
import type { DeadlineData } from './model';

// The calendar arithmetic is shared/pure/dates' (the pages count weeks with it too); re-exported for the modules that
// import it from here.
export { addDays, isoWeekday };

/** The last day a one-off deadline allows: "before 20/11" means the 19th. */
export function lastDay(deadline: DeadlineData): IsoDate | null {
  if (!deadline.dueOn) return null;
  return deadline.before ? addDays(deadline.dueOn, -1) : deadline.dueOn;
}

/**
 * The next day a report is due on or after `from`: for a one-off deadline its last day if not yet past; for a
 * weekly one the next such weekday within its start and end (from itself when it is that weekday).
 * Null when nothing is due any more.
 */
export function nextDue(deadline: DeadlineData, from: IsoDate): IsoDate | null {
  if (deadline.recurrence === 'ONCE') {
    const last = lastDay(deadline);
    return last && last >= from ? last : null;
  }
  const weekday = deadline.weekday ?? 5;
  const start = deadline.startsOn && deadline.startsOn > from ? deadline.startsOn : from;
  const next = addDays(start, (weekday - isoWeekday(start) + 7) % 7);
  if (deadline.endsOn && next > deadline.endsOn) return null;
  return next;
}
