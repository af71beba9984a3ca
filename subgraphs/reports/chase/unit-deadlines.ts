/**
 * A plan's deadline that names kinds of unit (Ba Tô's schools by 05/11, digital teams by 07/11), as a chase list: the
 * commune's units of those kinds, each by its first report dated from the plan's date to the deadline's last day.
 * Plain functions: no GraphQL, no ORM.
 */
import { addDays, type IsoDate } from '../../../shared/pure/dates';
import { communeChase, type Reporter, type Submission } from './rules';
import { deadlineInstant } from './reporting';

export interface UnitDeadlineData {
  reporterTypes: readonly string[];
  dueOn: IsoDate;
  before: boolean;
  issuedOn: IsoDate;
}

/**
 * The window a deadline chases: reports dated from the plan's date (a report before the letter does not answer it) to
 * the last day ("trước ngày 05/11" is the 4th), arriving before that day ends (00:00 the next day, Vietnam time).
 */
export function unitDeadlineWindow(d: UnitDeadlineData): { from: IsoDate; to: IsoDate; due: Date } {
  const to = d.before ? addDays(d.dueOn, -1) : d.dueOn;
  const from = d.issuedOn <= to ? d.issuedOn : to;
  return { from, to, due: deadlineInstant(addDays(to, 1), '00:00') };
}

/** The units a deadline names that were open on its last day, with their state against it. */
export function unitDeadlineChase(
  d: UnitDeadlineData,
  reporters: ReadonlyArray<Reporter & { unitType?: string | null }>,
  firsts: readonly Submission[],
) {
  const { to, due } = unitDeadlineWindow(d);
  const kinds = new Set(d.reporterTypes);
  const expected = reporters.filter(
    (r) => r.level === 'UNIT' && !!r.unitType && kinds.has(r.unitType) && (!r.closedOn || r.closedOn >= to),
  );
  return { due, ...communeChase(expected, firsts, due) };
}
