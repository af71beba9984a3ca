/**
 * A school's students by level (cấp học), as a report states them: a breakdown of its STUDENTS figures with each
 * level's enrolment, so that a target about some levels ("100% học sinh trung học", 003 §II.1) counts those students
 * over those students. Plain functions.
 */
import { BadInputError, bilingual, viNumber } from '../../../shared/pure/errors';
import { STUDENT_LEVEL_VI, STUDENT_LEVELS, type StudentLevelName } from '../../../shared/pure/values';
import type { Figures } from '../progress/rules';
import { count } from './count';

/** A school's students of one level: enrolled, and of them registered, completed, certified (cumulative). */
export interface StudentLevelFigures {
  level: StudentLevelName;
  enrolled: number;
  registered: number;
  completed: number;
  certified: number;
}

/**
 * Students by level are a breakdown of the report's STUDENTS figures: each level once, each figure within the one
 * before it (certified ≤ completed ≤ registered ≤ enrolled), and together never more than the STUDENTS figures.
 */
export function checkStudentLevels(levels: readonly StudentLevelFigures[], students: Figures['STUDENTS']): void {
  const seen = new Set<string>();
  const sum = { registered: 0, completed: 0, certified: 0 };
  levels.forEach((l, i) => {
    const f = `studentLevels[${i}]`;
    if (!STUDENT_LEVELS.includes(l.level))
      throw new BadInputError(bilingual(`Cấp học "${l.level}" không hợp lệ`, 'unknown level'), `${f}.level`);
    const vi = `học sinh ${STUDENT_LEVEL_VI[l.level]}`;
    if (seen.has(l.level))
      throw new BadInputError(
        bilingual(`Cấp ${STUDENT_LEVEL_VI[l.level]} được nhập hai lần`, `level ${l.level} appears twice`),
        `${f}.level`,
      );
    seen.add(l.level);
    const steps = [
      ['enrolled', `Số ${vi} của trường`],
      ['registered', `Số ${vi} đã đăng ký`],
      ['completed', `Số ${vi} đã hoàn thành 5 chuyên đề`],
      ['certified', `Số ${vi} đã được cấp chứng nhận`],
    ] as const;
    steps.forEach(([key, words], k) => {
      count(l[key], words, `${f}.${key}`);
      if (k > 0 && l[key] > l[steps[k - 1][0]])
        throw new BadInputError(
          bilingual(
            `${words} (${viNumber(l[key])}) không thể lớn hơn ${steps[k - 1][1].replace(/^Số /, 'số ')} (${viNumber(l[steps[k - 1][0]])})`,
            `${key} cannot exceed ${steps[k - 1][0]}`,
          ),
          `${f}.${key}`,
        );
    });
    sum.registered += l.registered;
    sum.completed += l.completed;
    sum.certified += l.certified;
  });
  for (const key of ['registered', 'completed', 'certified'] as const)
    if (sum[key] > students[key])
      throw new BadInputError(
        bilingual(
          `Tổng số học sinh theo cấp học (${viNumber(sum[key])}) lớn hơn số học sinh của báo cáo (${viNumber(students[key])}); ` +
            'số theo cấp học là một phần của số học sinh',
          `studentLevels' ${key} add up to more than the STUDENTS figures`,
        ),
        `studentLevels`,
      );
}
