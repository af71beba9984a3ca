/**
 * Checks a directive's content before anything is written. Plain functions: messages are bilingual (Vietnamese
 * first) and name the field, so a clerk can see what to correct. Targets, periods and deadlines are checked by
 * shared/vocabulary/checks.ts, as commune plans' are.
 */
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
