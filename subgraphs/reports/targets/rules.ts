/**
 * Target status: where an area stands against a target, and whether it will make it. Plain functions.
 *
 * The value of a target is a fraction: JOINED counts registered learners, COMPLETED those who finished the five
 * modules, CERTIFIED those certified, over the group's population — RESIDENTS: all adults (the portal's
 * denominator; learners of every group count, as the portal's "80% of adults joined"), OFFICIALS: the officials
 * recorded for the area, else the staff of its agencies, schools and organisations; STUDENTS: its students;
 * a STUDENTS target about some levels ("học sinh trung học"), the students of those levels over their enrolment, as the
 * schools state both (NOT_MEASURED while none does); WORKERS: the staff of its enterprises and cooperatives. DIGITAL_SIGNATURE, VNEID_CONFIRMED and VNEID_SKILLS: the
 * adults the villages and units report with a digital signature / a level-2 VNeID account / digital skills confirmed
 * on VNeID (three measures, never one for another; each reporter's latest stated
 * value, summed) over the adults (any group but RESIDENTS: the group's count is not reported, NOT_MEASURED);
 * NOT_MEASURED while no report states them.
 *
 * A rate is a share of people and never passes 1 (shared/pure/measures.ts): where the reports count more people than
 * the denominator holds (24 workers reported in a commune whose one cooperative has 6), the value is 1 at most, the
 * status is CHECK_FIGURES with the excess named, and neither it nor a projection counts as met.
 *
 * Status: MET when the value reaches the threshold (exceeds it, for a strict "over 50%" target). Otherwise
 * MISSED after the due date. Before it, the projection: the pace over the last 28 days (value now minus the
 * value at the earliest figure date in that window, per day) carried forward to the due date; ON_TRACK when the
 * projection reaches the threshold, AT_RISK when it does not or when there is no pace yet (a single figure date).
 */
import type { IndicatorName, StudentLevelName } from '../../../shared/vocabulary/enums';
import type { StudentLevelFigures } from '../intake/validation';
import type { Figures, Group } from '../progress/rules';
import { meetsTarget } from '../../../shared/pure/targets';
import { cappedRate, isExcess, type Share } from '../../../shared/pure/measures';

export type TargetState = 'MET' | 'ON_TRACK' | 'AT_RISK' | 'MISSED' | 'NOT_MEASURED' | 'CHECK_FIGURES';
export type Indicator = IndicatorName;

export interface TargetShape {
  indicator: Indicator;
  group: Group;
  threshold: number;
  dueOn: string;
  strict?: boolean | null;
  /** STUDENTS only: the school levels counted (null: every student of the area). */
  studentLevels?: readonly StudentLevelName[] | null;
}

export interface Denominators {
  adults: number | null;
  officials: number | null;
  students: number | null;
  workers: number | null;
}

export interface Counts {
  /** Learners of every group, as the portal counts them (used for JOINED × RESIDENTS). */
  learners: number;
  /** Per group, where the figures come from reports; null when only the portal's totals are known. */
  groups: Figures | null;
  /** Adults with a digital signature / a level-2 VNeID account / digital skills confirmed on VNeID, from reports; null when none states them. */
  digitalSignatures?: number | null;
  vneidConfirmed?: number | null;
  vneidSkills?: number | null;
  /** Students by level as the schools state them, with each level's enrolment; null when no school states them. */
  studentLevels?: StudentLevelCounts | null;
}

export type StudentLevelCounts = Partial<Record<StudentLevelName, Omit<StudentLevelFigures, 'level'>>>;

/** Adds a school's students by level to the sums of the schools before it. */
export function addStudentLevels(
  into: StudentLevelCounts | null,
  levels: readonly StudentLevelFigures[],
): StudentLevelCounts {
  const out: StudentLevelCounts = { ...into };
  for (const l of levels) {
    const f = out[l.level] ?? { enrolled: 0, registered: 0, completed: 0, certified: 0 };
    out[l.level] = {
      enrolled: f.enrolled + l.enrolled,
      registered: f.registered + l.registered,
      completed: f.completed + l.completed,
      certified: f.certified + l.certified,
    };
  }
  return out;
}

export const PACE_WINDOW_DAYS = 28;

const KEY: Record<Indicator, 'registered' | 'completed' | 'certified' | null> = {
  JOINED: 'registered',
  COMPLETED: 'completed',
  CERTIFIED: 'certified',
  DIGITAL_SIGNATURE: null,
  VNEID_CONFIRMED: null,
  VNEID_SKILLS: null,
};

/** The adult measures: each a count the reports state, of the adults. */
const ADULT_MEASURE: Partial<Record<Indicator, (c: Counts) => number | null | undefined>> = {
  DIGITAL_SIGNATURE: (c) => c.digitalSignatures,
  VNEID_CONFIRMED: (c) => c.vneidConfirmed,
  VNEID_SKILLS: (c) => c.vneidSkills,
};

/** The counts the target's rate is made of (people counted, people they are counted among), or null when unknown. */
export function targetShare(t: TargetShape, counts: Counts, d: Denominators): Share | null {
  const measure = ADULT_MEASURE[t.indicator];
  if (measure) {
    const n = measure(counts);
    return t.group === 'RESIDENTS' && d.adults && n != null ? { count: n, base: d.adults } : null;
  }
  const key = KEY[t.indicator];
  if (!key) return null;
  if (t.group === 'RESIDENTS') {
    if (!d.adults) return null;
    if (key === 'registered') return { count: counts.learners, base: d.adults };
    if (!counts.groups) return null;
    const g = counts.groups;
    return { count: g.OFFICIALS[key] + g.RESIDENTS[key] + g.STUDENTS[key] + g.WORKERS[key], base: d.adults };
  }
  if (t.group === 'STUDENTS' && t.studentLevels?.length) {
    // Some levels only ("học sinh trung học"): the schools' students of those levels, over their enrolment there.
    if (!counts.studentLevels) return null;
    let count = 0;
    let base = 0;
    for (const level of t.studentLevels) {
      const f = counts.studentLevels[level];
      if (f) {
        count += f[key];
        base += f.enrolled;
      }
    }
    return base > 0 ? { count, base } : null;
  }
  const denominator = t.group === 'OFFICIALS' ? d.officials : t.group === 'STUDENTS' ? d.students : d.workers;
  if (!denominator || !counts.groups) return null;
  return { count: counts.groups[t.group][key], base: denominator };
}

/** The target's value as a fraction (at most 1), or null when it cannot be measured from these figures. */
export function targetValue(t: TargetShape, counts: Counts, d: Denominators): number | null {
  const share = targetShare(t, counts, d);
  return share ? cappedRate(share) : null;
}

const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export interface Judgement {
  value: number | null;
  gap: number | null;
  projected: number | null;
  status: TargetState;
}

/** A point of a target's history: its counts on a figure date (null: not measured then). */
export interface SeriesPoint {
  date: string;
  share: Share | null;
}

/** `series` is the target's counts on each figure date up to asOf, oldest first; its last point is the current one. */
export function judgeTarget(t: TargetShape, series: SeriesPoint[], asOf: string): Judgement {
  const known = series
    .filter((p): p is { date: string; share: Share } => p.share !== null)
    .map((p) => ({ date: p.date, value: cappedRate(p.share), excess: isExcess(p.share) }));
  const current = known.length ? known[known.length - 1] : null;
  if (!current) return { value: null, gap: null, projected: null, status: 'NOT_MEASURED' };
  const value = current.value;
  // More people counted than there are: the rate cannot be trusted, whatever it reaches.
  if (current.excess) return { value, gap: null, projected: null, status: 'CHECK_FIGURES' };
  const gap = Math.max(0, t.threshold - value);
  const met = meetsTarget(value, t);
  if (met) return { value, gap: 0, projected: value, status: 'MET' };
  if (asOf > t.dueOn) return { value, gap, projected: value, status: 'MISSED' };
  const window = known.filter((p) => days(p.date, current.date) <= PACE_WINDOW_DAYS);
  const first = window[0];
  if (!first || first.date === current.date) return { value, gap, projected: null, status: 'AT_RISK' };
  const pace = (value - first.value) / days(first.date, current.date);
  const projected = Math.min(1, value + pace * Math.max(0, days(current.date, t.dueOn)));
  const reaches = meetsTarget(projected, t);
  return { value, gap, projected, status: reaches ? 'ON_TRACK' : 'AT_RISK' };
}
