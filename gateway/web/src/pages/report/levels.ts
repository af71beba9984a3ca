/**
 * A school's students by level (cấp học) in the form: each level's enrolment and its registered, completed and
 * certified students, checked as the API checks them (subgraphs/reports/intake/student-levels.ts), with its words.
 * A level left blank is not sent. Plain functions: no page, no request.
 */
import { fmtInt } from '../../format';
import { STUDENT_LEVEL_VI, STUDENT_LEVELS, type StudentLevelName } from '../../../../../shared/pure/values';
import { parseCount, STAGES, type Figures } from './validate';

export const LEVEL_STEPS = ['enrolled', ...STAGES] as const;
export type LevelStep = (typeof LEVEL_STEPS)[number];
export type Levels = Record<StudentLevelName, Record<LevelStep, string>>;
export interface LevelInput {
  level: StudentLevelName;
  enrolled: number;
  registered: number;
  completed: number;
  certified: number;
}

export const LEVEL_STEP_VI: Record<LevelStep, string> = {
  enrolled: 'Số học sinh của trường',
  registered: 'Đã đăng ký',
  completed: 'Hoàn thành 5 chuyên đề',
  certified: 'Được cấp chứng nhận',
};
/** How the API's sentences name each step ("Số học sinh tiểu học đã đăng ký"). */
const STEP_SENTENCE: Record<LevelStep, (vi: string) => string> = {
  enrolled: (vi) => `số ${vi} của trường`,
  registered: (vi) => `số ${vi} đã đăng ký`,
  completed: (vi) => `số ${vi} đã hoàn thành 5 chuyên đề`,
  certified: (vi) => `số ${vi} đã được cấp chứng nhận`,
};
const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export const levelField = (level: StudentLevelName, step: LevelStep) => `studentLevels.${level}.${step}`;

export const emptyLevels = (): Levels =>
  Object.fromEntries(
    STUDENT_LEVELS.map((l) => [l, { enrolled: '', registered: '', completed: '', certified: '' }]),
  ) as Levels;

const filled = (levels: Levels, l: StudentLevelName) => LEVEL_STEPS.some((s) => levels[l][s].trim() !== '');

/**
 * The API's checks: whole numbers ≥ 0, each step within the one before (certified ≤ completed ≤ registered ≤
 * enrolled), and the levels together never more than the students' figures of the report.
 */
export function validateLevels(levels: Levels, students: Figures[string] | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  const sum = { registered: 0, completed: 0, certified: 0 };
  for (const l of STUDENT_LEVELS) {
    if (!filled(levels, l)) continue;
    const vi = `học sinh ${STUDENT_LEVEL_VI[l]}`;
    const n: Partial<Record<LevelStep, number>> = {};
    LEVEL_STEPS.forEach((s, k) => {
      const value = parseCount(levels[l][s]);
      if (value == null) {
        errors[levelField(l, s)] =
          `${capital(STEP_SENTENCE[s](vi))} phải là số nguyên không âm (đang nhập ${levels[l][s]})`;
        return;
      }
      n[s] = value;
      const before = k > 0 ? n[LEVEL_STEPS[k - 1]] : undefined;
      if (before != null && value > before)
        errors[levelField(l, s)] =
          `${capital(STEP_SENTENCE[s](vi))} (${fmtInt(value)}) không thể lớn hơn ` +
          `${STEP_SENTENCE[LEVEL_STEPS[k - 1]](vi)} (${fmtInt(before)})`;
    });
    for (const s of STAGES) sum[s] += n[s] ?? 0;
  }
  for (const s of STAGES) {
    const of = parseCount(students?.[s] ?? '') ?? 0;
    if (sum[s] > of) {
      errors.studentLevels =
        `Tổng số học sinh theo cấp học (${fmtInt(sum[s])}) lớn hơn số học sinh của báo cáo (${fmtInt(of)}); ` +
        'số theo cấp học là một phần của số học sinh';
      break;
    }
  }
  return errors;
}

/** The levels to send: those filled in, as numbers; null when none is (the report states no levels). */
export function levelsInput(levels: Levels): LevelInput[] | null {
  const out = STUDENT_LEVELS.filter((l) => filled(levels, l)).map((l) => ({
    level: l,
    enrolled: parseCount(levels[l].enrolled) ?? 0,
    registered: parseCount(levels[l].registered) ?? 0,
    completed: parseCount(levels[l].completed) ?? 0,
    certified: parseCount(levels[l].certified) ?? 0,
  }));
  return out.length ? out : null;
}

/** A refused or queued report's levels, back in the form. */
export function levelsOf(input: ReadonlyArray<LevelInput> | null | undefined): Levels {
  const out = emptyLevels();
  for (const l of input ?? [])
    out[l.level] = {
      enrolled: String(l.enrolled),
      registered: String(l.registered),
      completed: String(l.completed),
      certified: String(l.certified),
    };
  return out;
}

/**
 * The API names a level's field by its place in the list sent (`studentLevels[1].registered`); the form names it by
 * its level, so that a refusal lands on the right box.
 */
export function levelErrorsByLevel(
  fields: Record<string, string>,
  sent: ReadonlyArray<LevelInput> | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const m = /^studentLevels\[(\d+)\]\.(\w+)$/.exec(key);
    const level = m ? sent?.[Number(m[1])]?.level : undefined;
    out[level && m ? `studentLevels.${level}.${m[2]}` : key] = message;
  }
  return out;
}
