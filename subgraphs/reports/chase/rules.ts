/**
 * The chase lists (who reported on time, late or not at all), from loaded rows. Plain functions: no GraphQL, no ORM.
 * The states come from reporting.ts.
 */
import type { IsoDate } from '../../../shared/pure/dates';
import { BadInputError, bilingual, NotFoundError } from '../../../shared/pure/errors';
import { deadlineInstant, directiveDeadline, reportingState, summarise, type ReportingState } from './reporting';

export interface Reporter {
  id: string;
  name: string;
  level: string;
  /** The day it closed (registry keeping), if it did. */
  closedOn?: string | null;
  /** A unit's kind (SCHOOL, DIGITAL_TEAM…): the plans' deadlines name kinds. */
  unitType?: string | null;
}
export interface Submission {
  reporterId: string;
  first: Date;
}
export interface ChaseCommune {
  id: string;
  name: string;
  /** Its villages and units. */
  reporters: number;
}
export interface CommuneTally {
  communeId: string;
  first: Date;
  reported: number;
}
type Counts = { onTime: number; late: number; missing: number };

const ORDER: Record<ReportingState, number> = { MISSING: 0, LATE: 1, ON_TIME: 2 };
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function checkDueTime(time: string): void {
  if (!TIME.test(time))
    throw new BadInputError(
      bilingual(`Giờ hạn chót "${time}" không hợp lệ; nhập theo dạng HH:mm`, 'dueTime must be HH:mm'),
      'dueTime',
    );
}

/** Missing first, then late, then on time; by name within each. */
function sortAndCount<T extends { status: ReportingState; name: string }>(list: T[]): Counts {
  list.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.name.localeCompare(b.name, 'vi'));
  const counts = summarise(list.map((r) => r.status));
  return { onTime: counts.ON_TIME, late: counts.LATE, missing: counts.MISSING };
}

export const placeOf = (a: { id: string; level: string }) => ({
  village: a.level === 'VILLAGE' ? { id: a.id } : null,
  unit: a.level === 'UNIT' ? { id: a.id } : null,
});

/** A commune's chase list for a reporting date: each village and unit by its first submission for the date. */
export function communeChase(reporters: readonly Reporter[], firsts: readonly Submission[], deadline: Date) {
  const first = new Map(firsts.map((f) => [f.reporterId, new Date(f.first)]));
  const list = reporters.map((r) => {
    const at = first.get(r.id) ?? null;
    return { ...placeOf(r), name: r.name, status: reportingState(at, deadline), firstSubmittedAt: at };
  });
  return { ...sortAndCount(list), reporters: list };
}

export interface ChaseWindowInput {
  deadline: IsoDate | null;
  dueTime: string;
  since: IsoDate | null;
  /** When the caller names a directive: its id and, when the province has it, its number and deadlines. */
  directive: { id: string; found?: { number: string; deadlines: Array<Record<string, unknown>> } } | null;
}

/**
 * The window a province deadline chases: reports dated within [from, dueDate] and submitted before `due`. The due
 * date is the directive's one-off deadline or the given one; `from` defaults to 7 days before it.
 */
export function chaseWindow({ deadline, dueTime, since, directive }: ChaseWindowInput) {
  checkDueTime(dueTime);
  let due: Date;
  let dueDate: IsoDate;
  if (directive) {
    if (!directive.found)
      throw new NotFoundError(
        bilingual(`Không tìm thấy văn bản "${directive.id}" của tỉnh`, `no directive ${directive.id} in this province`),
      );
    const found = directiveDeadline(directive.found.deadlines);
    if (!found)
      throw new BadInputError(
        bilingual(
          `Văn bản ${directive.found.number} không có hạn báo cáo một lần`,
          'the directive sets no one-off reporting deadline',
        ),
        'directiveId',
      );
    due = found.instant;
    dueDate = found.dueOn;
  } else if (deadline) {
    due = deadlineInstant(deadline, dueTime);
    dueDate = deadline;
  } else {
    throw new BadInputError(
      bilingual(
        'Hãy chọn hạn báo cáo (deadline) hoặc văn bản chỉ đạo (directiveId)',
        'give a deadline or a directiveId',
      ),
      'deadline',
    );
  }
  const from = since ?? new Date(Date.parse(`${dueDate}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  if (from > dueDate)
    throw new BadInputError(
      bilingual('Ngày bắt đầu phải trước hạn chót', 'since must not be after the deadline'),
      'since',
    );
  return { due, dueDate, from };
}

/**
 * The latest one-off reporting deadline ("before 20/11/2025") among the directives in force: the date a province's
 * chase list shows first. Null when none sets one.
 */
export function latestOneOffDeadline(
  directives: ReadonlyArray<{ status: string; deadlines: ReadonlyArray<Record<string, unknown>> }>,
): IsoDate | null {
  const dates = directives
    .filter((d) => d.status === 'IN_FORCE')
    .flatMap((d) => d.deadlines)
    .filter((x) => x.recurrence === 'ONCE' && typeof x.dueOn === 'string')
    .map((x) => x.dueOn as IsoDate)
    .sort();
  return dates.at(-1) ?? null;
}

/** A province's chase list: a commune has reported when one of its villages or units did within the window. */
export function provinceChase(communes: readonly ChaseCommune[], tallies: readonly CommuneTally[], due: Date) {
  const byCommune = new Map(tallies.map((s) => [s.communeId, s]));
  const list = communes.map((c) => {
    const s = byCommune.get(c.id);
    const first = s ? new Date(s.first) : null;
    return {
      commune: { id: c.id },
      name: c.name,
      status: reportingState(first, due),
      firstSubmittedAt: first,
      reportersReported: s?.reported ?? 0,
      reportersTotal: c.reporters,
    };
  });
  return { ...sortAndCount(list), communes: list };
}
