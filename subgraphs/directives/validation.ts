/**
 * Checks a directive's content before anything is written. Plain functions: messages are bilingual (Vietnamese
 * first) and name the field, so a clerk can see what to correct. Targets, periods and deadlines are checked by
 * shared/vocabulary/checks.ts, as commune plans' are.
 */
import { isIsoDate, viDate, type IsoDate } from '../../shared/dates';
import { BadInputError, bilingual } from '../../shared/errors';
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

/** The whole content of a directive, as issued or amended. Returns it normalised (trimmed, defaults filled). */
export function validateDirectiveContent(c: DirectiveContent): DirectiveContent {
  const issuedOn = requireDate(c.issuedOn, 'issuedOn', 'Ngày ban hành');
  return {
    number: requireText(c.number, 'number', 'Số văn bản', 60),
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
