/**
 * Checks a directive's content before anything is written. Plain functions: messages are bilingual (Vietnamese
 * first) and name the field, so a clerk can see what to correct. Targets, periods and deadlines are checked by
 * shared/vocabulary/checks.ts, as commune plans' are.
 */
import { isIsoDate, todayInVietnam, viDate, type IsoDate } from '../../shared/pure/dates';
import { BadInputError, bilingual } from '../../shared/pure/errors';
import { isBlank } from '../../shared/pure/text';
import {
  requireDate,
  requireText,
  validateDeadlines,
  validatePeriods,
  validateTargets,
} from '../../shared/vocabulary/checks';
import type { CourseData, DirectiveContent } from './model';

export function validateCourse(course: CourseData, field = 'course'): CourseData {
  const bad = (f: string, vi: string, en: string) => new BadInputError(bilingual(vi, en), `${field}.${f}`);
  if (course.modules.length === 0) throw bad('modules', 'Khóa học cần ít nhất một chuyên đề', 'a course needs modules');
  if (!(course.minContentShare > 0 && course.minContentShare <= 1))
    throw bad('minContentShare', 'Tỷ lệ nội dung phải từ 0 đến 1', 'minContentShare must be in (0, 1]');
  if (!(course.moduleQuizPassScore > 0 && course.moduleQuizPassScore <= course.moduleQuizQuestions)) {
    throw bad(
      'moduleQuizPassScore',
      'Điểm đạt bài kiểm tra chuyên đề phải lớn hơn 0 và không vượt số câu hỏi',
      'module quiz pass score must be 1..questions',
    );
  }
  if (!(course.finalTestPassScore > 0 && course.finalTestPassScore <= course.finalTestQuestions)) {
    throw bad(
      'finalTestPassScore',
      'Điểm đạt bài kiểm tra cuối khóa phải lớn hơn 0 và không vượt số câu hỏi',
      'final test pass score must be 1..questions',
    );
  }
  return { ...course, name: requireText(course.name, `${field}.name`, 'Tên khóa học', 300), url: course.url.trim() };
}

/**
 * A directive's number as the letters write it. From the seed letters and the documents they cite: a number, a slash,
 * then the kind and issuer's abbreviations in capitals and digits joined by hyphens or "&" — 125/KH-UBND,
 * 2027/SKHCN-BCVT&CĐS, 489/UBND, 91/PC-VHXH; a legal document also carries its year, 12/2025/QĐ-UBND; a party
 * committee's puts a hyphen before the kind, 368-KH/TU. `!!!` (whose id was "-2025") or "KH-UBND" alone is no number.
 */
const DIRECTIVE_NUMBER = /^(?:\d{1,5}(?:\/\d{4})?\/|\d{1,5}-\p{Lu}+\/)[\p{Lu}\d]+(?:[-&][\p{Lu}\d]+)*$/u;

/** The number, spaces around its separators removed and in capitals (34 / kh-ubnd → 34/KH-UBND), or a refusal. */
export function checkDirectiveNumber(raw: string): string {
  if (isBlank(raw))
    throw new BadInputError(bilingual('Số văn bản không được để trống', 'number is required'), 'number');
  const number = raw
    .trim()
    .replace(/\s*([/&-])\s*/g, '$1')
    .toLocaleUpperCase('vi');
  if (!DIRECTIVE_NUMBER.test(number))
    throw new BadInputError(
      bilingual(
        `Số văn bản "${raw.trim().slice(0, 60)}" không đúng dạng; hãy nhập như ghi trên văn bản: số, dấu "/" rồi ký hiệu, ví dụ 125/KH-UBND, 2027/SKHCN-BCVT&CĐS hoặc 12/2025/QĐ-UBND`,
        'number must look like 125/KH-UBND',
      ),
      'number',
    );
  return number;
}

/**
 * How far past its issue date a directive may set a target, a period or a deadline: to the end of the tenth year
 * (the campaign's plans run to 2030; 2099 is a typing slip).
 */
export const MAX_YEARS_AFTER_ISSUE = 10;

function checkHorizon(c: DirectiveContent): void {
  const latest = `${Number(c.issuedOn.slice(0, 4)) + MAX_YEARS_AFTER_ISSUE}-12-31`;
  const dates: Array<[string | null | undefined, string]> = [
    ...c.targets.map((t, i): [string, string] => [t.dueOn, `targets[${i}].dueOn`]),
    ...c.campaignPeriods.flatMap((p, i): Array<[string, string]> => [
      [p.startsOn, `campaignPeriods[${i}].startsOn`],
      [p.endsOn, `campaignPeriods[${i}].endsOn`],
    ]),
    ...c.reportingDeadlines.flatMap((d, i): Array<[string | null | undefined, string]> => [
      [d.dueOn, `reportingDeadlines[${i}].dueOn`],
      [d.startsOn, `reportingDeadlines[${i}].startsOn`],
      [d.endsOn, `reportingDeadlines[${i}].endsOn`],
    ]),
  ];
  for (const [date, field] of dates) {
    if (date && date > latest)
      throw new BadInputError(
        bilingual(
          `Ngày ${viDate(date)} quá xa; văn bản ban hành ngày ${viDate(c.issuedOn)} chỉ đặt mốc đến hết năm ${latest.slice(0, 4)}`,
          `${field} is more than ${MAX_YEARS_AFTER_ISSUE} years after the issue date`,
        ),
        field,
      );
  }
}

/**
 * The whole content of a directive, as issued or amended. Returns it normalised (trimmed, defaults filled). The issue
 * date is not after today in Vietnam: a letter is recorded once it is signed.
 */
export function validateDirectiveContent(c: DirectiveContent, today: IsoDate = todayInVietnam()): DirectiveContent {
  const issuedOn = requireDate(c.issuedOn, 'issuedOn', 'Ngày ban hành');
  if (issuedOn > today)
    throw new BadInputError(
      bilingual(
        `Ngày ban hành (${viDate(issuedOn)}) ở tương lai; hãy nhập ngày ký ghi trên văn bản, không sau hôm nay (${viDate(today)})`,
        'issuedOn is in the future',
      ),
      'issuedOn',
    );
  const content: DirectiveContent = {
    number: checkDirectiveNumber(requireText(c.number, 'number', 'Số văn bản', 60)),
    kind: c.kind,
    title: requireText(c.title, 'title', 'Trích yếu', 400),
    issuedOn,
    issuer: requireText(c.issuer, 'issuer', 'Cơ quan ban hành', 200),
    addressedTo: [...new Set(c.addressedTo)],
    citesIds: [...new Set(c.citesIds)],
    citesNumbers: [...new Set(c.citesNumbers.map((n) => n.trim()).filter(Boolean))],
    replacesId: c.replacesId ?? null,
    replacesNumber: c.replacesNumber?.trim() || null,
    targets: validateTargets(c.targets, issuedOn),
    campaignPeriods: validatePeriods(c.campaignPeriods),
    reportingDeadlines: validateDeadlines(c.reportingDeadlines, issuedOn),
    course: c.course ? validateCourse(c.course) : null,
  };
  checkHorizon(content);
  return content;
}

/** How far ahead a withdrawal may be dated: a decision takes effect within a quarter, not years later. */
export const MAX_WITHDRAWAL_DAYS_AHEAD = 90;

/** The date a directive is withdrawn on: a real date, not before it was issued, at most 90 days after today. */
export function checkWithdrawalDate(on: string, issuedOn: IsoDate, today: IsoDate): IsoDate {
  if (!isIsoDate(on))
    throw new BadInputError(
      bilingual('Ngày thu hồi không hợp lệ; hãy nhập theo dạng YYYY-MM-DD', 'invalid withdrawal date'),
      'withdrawnOn',
    );
  if (on < issuedOn)
    throw new BadInputError(
      bilingual(
        `Ngày thu hồi (${viDate(on)}) không thể trước ngày ban hành (${viDate(issuedOn)})`,
        'withdrawn before issued',
      ),
      'withdrawnOn',
    );
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_WITHDRAWAL_DAYS_AHEAD * 86_400_000)
    .toISOString()
    .slice(0, 10);
  if (on > latest)
    throw new BadInputError(
      bilingual(
        `Ngày thu hồi (${viDate(on)}) quá xa; chỉ được hẹn thu hồi trong ${MAX_WITHDRAWAL_DAYS_AHEAD} ngày tới (đến ${viDate(latest)})`,
        `a withdrawal may be dated at most ${MAX_WITHDRAWAL_DAYS_AHEAD} days ahead`,
      ),
      'withdrawnOn',
    );
  return on;
}
