/**
 * Checks of the values directives and commune plans both state: targets, campaign periods, reporting deadlines.
 * Plain functions: messages are bilingual (Vietnamese first) and name the field, so a clerk can see what to correct.
 */
import { isIsoDate, viDate, type IsoDate } from '../pure/dates';
import { BadInputError, bilingual } from '../pure/errors';
import { isBlank } from '../pure/text';
import { groupInSentence, INDICATORS, POPULATION_GROUPS, STUDENT_LEVELS, studentsOfLevels } from '../pure/values';
import type { DeadlineData, PeriodData, Provenance, TargetData } from './model';

export function requireDate(value: string | null | undefined, field: string, label: string): IsoDate {
  if (!value || !isIsoDate(value)) {
    throw new BadInputError(
      bilingual(`${label} không hợp lệ; hãy nhập theo dạng YYYY-MM-DD`, `${field} must be a date YYYY-MM-DD`),
      field,
    );
  }
  return value;
}

export function requireText(value: string | null | undefined, field: string, label: string, max: number): string {
  const text = (value ?? '').trim();
  if (isBlank(text)) throw new BadInputError(bilingual(`${label} không được để trống`, `${field} is required`), field);
  if (text.length > max)
    throw new BadInputError(
      bilingual(`${label} dài quá ${max} ký tự`, `${field} is longer than ${max} characters`),
      field,
    );
  return text;
}

/**
 * Where an item comes from, as stored: a citation (trimmed, at most 200 characters) and the demo mark, which only the
 * demo data sets (the API's inputs have no such field). Absent values are left out, keeping the JSON as it was.
 */
export function validateProvenance(p: Provenance, field: string): Provenance {
  const citation = p.citation?.trim();
  if (citation && citation.length > 200)
    throw new BadInputError(
      bilingual('Trích dẫn văn bản dài quá 200 ký tự', `${field}.citation is longer than 200 characters`),
      `${field}.citation`,
    );
  return { ...(citation ? { citation } : {}), ...(p.demo === true ? { demo: true } : {}) };
}

/**
 * Targets: a threshold is a share between 0 and 1 (0.8 = 80%), due on a real date not before the document was
 * issued, and one target per indicator, group and due date.
 */
export function validateTargets(targets: TargetData[], issuedOn: IsoDate, field = 'targets'): TargetData[] {
  const seen = new Set<string>();
  return targets.map((t, i) => {
    const f = `${field}[${i}]`;
    if (!INDICATORS.includes(t.indicator))
      throw new BadInputError(
        bilingual(`Chỉ số "${t.indicator}" không hợp lệ`, `unknown indicator ${t.indicator}`),
        `${f}.indicator`,
      );
    if (!POPULATION_GROUPS.includes(t.group))
      throw new BadInputError(
        bilingual(`Nhóm đối tượng "${t.group}" không hợp lệ`, `unknown group ${t.group}`),
        `${f}.group`,
      );
    if (!Number.isFinite(t.threshold) || t.threshold < 0 || t.threshold > 1) {
      throw new BadInputError(
        bilingual(
          `Tỷ lệ chỉ tiêu phải từ 0 đến 1 (ví dụ 0.8 là 80%), đã nhập ${t.threshold}`,
          `threshold must be a fraction between 0 and 1 (0.8 = 80%), got ${t.threshold}`,
        ),
        `${f}.threshold`,
      );
    }
    const dueOn = requireDate(t.dueOn, `${f}.dueOn`, 'Hạn hoàn thành chỉ tiêu');
    if (dueOn < issuedOn) {
      throw new BadInputError(
        bilingual(
          `Hạn hoàn thành chỉ tiêu (${viDate(dueOn)}) không thể trước ngày ban hành văn bản (${viDate(issuedOn)})`,
          `a target's due date ${dueOn} is before the issue date ${issuedOn}`,
        ),
        `${f}.dueOn`,
      );
    }
    const studentLevels = t.studentLevels?.length ? [...new Set(t.studentLevels)] : null;
    if (studentLevels && t.group !== 'STUDENTS')
      throw new BadInputError(
        bilingual('Chỉ chọn cấp học cho chỉ tiêu về học sinh', 'studentLevels apply to the STUDENTS group only'),
        `${f}.studentLevels`,
      );
    if (studentLevels?.some((l) => !STUDENT_LEVELS.includes(l)))
      throw new BadInputError(bilingual('Cấp học không hợp lệ', 'unknown student level'), `${f}.studentLevels`);
    const levels = studentLevels ? STUDENT_LEVELS.filter((l) => studentLevels.includes(l)) : null;
    const key = `${t.indicator}|${t.group}|${levels?.join('+') ?? ''}|${dueOn}`;
    if (seen.has(key)) {
      throw new BadInputError(
        bilingual(
          `Chỉ tiêu ${t.indicator} cho ${levels ? studentsOfLevels(levels).toLocaleLowerCase('vi') : groupInSentence(t.group)} hạn ${viDate(dueOn)} bị nhập hai lần`,
          `duplicate target ${key}`,
        ),
        `${f}`,
      );
    }
    seen.add(key);
    return {
      indicator: t.indicator,
      group: t.group,
      threshold: t.threshold,
      dueOn,
      strict: t.strict ?? false,
      note: t.note?.trim() || null,
      ...(levels ? { studentLevels: levels } : {}),
      ...validateProvenance(t, f),
    };
  });
}

export function validatePeriods(periods: PeriodData[], field = 'campaignPeriods'): PeriodData[] {
  return periods.map((p, i) => {
    const f = `${field}[${i}]`;
    const startsOn = requireDate(p.startsOn, `${f}.startsOn`, 'Ngày bắt đầu');
    const endsOn = requireDate(p.endsOn, `${f}.endsOn`, 'Ngày kết thúc');
    if (endsOn < startsOn) {
      throw new BadInputError(
        bilingual(
          `Ngày kết thúc (${viDate(endsOn)}) không thể trước ngày bắt đầu (${viDate(startsOn)})`,
          `period ends before it starts`,
        ),
        `${f}.endsOn`,
      );
    }
    return { name: requireText(p.name, `${f}.name`, 'Tên đợt', 200), startsOn, endsOn };
  });
}

export function validateDeadlines(
  deadlines: DeadlineData[],
  issuedOn: IsoDate,
  field = 'reportingDeadlines',
): DeadlineData[] {
  return deadlines.map((d, i) => {
    const f = `${field}[${i}]`;
    const base = {
      reporter: requireText(d.reporter, `${f}.reporter`, 'Đơn vị báo cáo', 300),
      subject: requireText(d.subject, `${f}.subject`, 'Nội dung báo cáo', 300),
      recurrence: d.recurrence,
      dayPart: d.dayPart ?? null,
      // Each kind once (GraphQL has checked the names); kept only when the deadline names any.
      ...(d.reporterTypes?.length ? { reporterTypes: [...new Set(d.reporterTypes)] } : {}),
      ...validateProvenance(d, f),
    };
    if (d.recurrence === 'ONCE') {
      const dueOn = requireDate(d.dueOn, `${f}.dueOn`, 'Hạn báo cáo');
      if (dueOn < issuedOn) {
        throw new BadInputError(
          bilingual(
            `Hạn báo cáo (${viDate(dueOn)}) không thể trước ngày ban hành (${viDate(issuedOn)})`,
            `a deadline ${dueOn} is before the issue date ${issuedOn}`,
          ),
          `${f}.dueOn`,
        );
      }
      return { ...base, dueOn, before: d.before ?? false, weekday: null, startsOn: null, endsOn: null };
    }
    const weekday = d.weekday ?? null;
    if (weekday === null || !Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new BadInputError(
        bilingual(
          'Báo cáo hằng tuần cần ngày trong tuần từ 1 (thứ Hai) đến 7 (Chủ nhật)',
          'a weekly deadline needs weekday 1–7',
        ),
        `${f}.weekday`,
      );
    }
    const startsOn = d.startsOn ? requireDate(d.startsOn, `${f}.startsOn`, 'Ngày bắt đầu') : null;
    const endsOn = d.endsOn ? requireDate(d.endsOn, `${f}.endsOn`, 'Ngày kết thúc') : null;
    if (startsOn && endsOn && endsOn < startsOn) {
      throw new BadInputError(
        bilingual('Ngày kết thúc không thể trước ngày bắt đầu', 'recurrence ends before it starts'),
        `${f}.endsOn`,
      );
    }
    return { ...base, dueOn: null, before: false, weekday, startsOn, endsOn };
  });
}
