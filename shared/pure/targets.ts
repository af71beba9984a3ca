/**
 * The target rule (chỉ tiêu): a value meets a target at its threshold ("ít nhất 80%"), or only above it when the
 * letter says "over" (strict: "trên 50%"). Shares are fractions, 0.8 = 80%. The pages colour a row with it; the
 * reports subgraph judges targets with it.
 */
import { viDate } from './dates';
import {
  GROUP_VI,
  INDICATOR_VI,
  studentsOfLevels,
  TARGET_STATE_VI,
  wordsFor,
  type IndicatorName,
  type PopulationGroupName,
} from './values';

export interface TargetLevel {
  threshold: number;
  /** True when the letter says "over" (trên 50%): the threshold itself is not enough. */
  strict?: boolean | null;
}

export function meetsTarget(value: number, target: TargetLevel): boolean {
  return target.strict ? value > target.threshold : value >= target.threshold;
}

/** The comparison as the letters write it before the percentage: "trên" for strict, "≥" otherwise. */
export function levelWord(target: TargetLevel): string {
  return target.strict ? 'trên' : '≥';
}

/** A target's state as a document's table reads it: the fields `Commune.targetStatus(asOf:)` gives. */
export interface TargetStatusRow extends TargetLevel {
  indicator: IndicatorName;
  group: PopulationGroupName;
  dueOn: string;
  document: string | null;
  /** STUDENTS only: the school levels counted ("học sinh trung học"). */
  studentLevels?: readonly string[] | null;
  /** A demo target no letter states: the document cell says so ("dữ liệu minh họa"). */
  demo?: boolean | null;
  value: number | null;
  status: string;
}

/** The mark on anything the demo data invented or completed: no letter states it. */
export const ILLUSTRATIVE_VI = 'dữ liệu minh họa';

/** The letter a target comes from, as a cell writes it: its number, marked when the target is illustrative. */
export function documentCell(t: Pick<TargetStatusRow, 'document' | 'demo'>): string {
  const document = t.document ?? 'chưa rõ số văn bản';
  return t.demo ? `${document} (${ILLUSTRATIVE_VI})` : document;
}

/** What a target counts, as a heading writes it: "Người dân tham gia khóa học", "Học sinh trung học hoàn thành …". */
export function targetSubject(t: {
  group: string;
  indicator: string;
  studentLevels?: readonly string[] | null;
}): string {
  const who =
    t.group === 'STUDENTS' && t.studentLevels?.length ? studentsOfLevels(t.studentLevels) : wordsFor(GROUP_VI, t.group);
  return `${who} ${wordsFor(INDICATOR_VI, t.indicator)}`;
}

/** The targets table's headings, the same on the commune report's .docx and its printable page. */
export const TARGET_TABLE_HEADINGS = ['Chỉ tiêu', 'Mục tiêu', 'Hạn', 'Văn bản', 'Kết quả', 'Đánh giá'] as const;

/** A share as a report writes it: two decimals, a decimal comma ("17,52%"); a dash when not measured. */
export const reportPercent = (r: number | null): string =>
  r === null ? '—' : `${(r * 100).toFixed(2).replace('.', ',')}%`;

/** One row of the targets table, in officials' words, so the .docx and the printable page say the same. */
export function targetTableRow(t: TargetStatusRow): string[] {
  return [
    targetSubject(t),
    `${levelWord(t)} ${reportPercent(t.threshold)}`,
    viDate(t.dueOn),
    documentCell(t),
    reportPercent(t.value),
    wordsFor(TARGET_STATE_VI, t.status),
  ];
}
