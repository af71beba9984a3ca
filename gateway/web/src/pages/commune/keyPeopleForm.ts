/**
 * The key people page's checks before anything is sent: the API's own (shared/pure/key-people), so a clerk reads
 * what to fix next to the field in the API's words, plus what only a form needs (a date must be picked).
 */
import {
  certificationDateProblem,
  nameProblem,
  needsReasonProblem,
  phoneDigits,
  phoneProblem,
  reasonProblem,
} from '../../../../../shared/pure/key-people';
import { cleanText, isBlank } from '../../../../../shared/pure/text';
import { isIsoDate } from '../../../../../shared/pure/dates';

export type FieldErrors = Partial<Record<'fullName' | 'phone' | 'certifiedOn' | 'reason', string>>;

/** Naming or replacing the person in a role: a name of 1–200 characters, a phone that can be called, or none. */
export function checkPerson(form: { fullName: string; phone: string; reason: string }): FieldErrors {
  const errors: FieldErrors = {};
  const name = nameProblem(form.fullName);
  if (name) errors.fullName = name.vi;
  if (phoneDigits(form.phone) === null) errors.phone = phoneProblem(form.phone).vi;
  const reason = reasonProblem(form.reason);
  if (reason) errors.reason = reason.vi;
  return errors;
}

/**
 * Recording a certificate date (`current`: the one recorded, if any): a real date from 01/01/2025 to today;
 * changing a recorded date needs a reason.
 */
export function checkCertificate(
  form: { certifiedOn: string; reason: string },
  current: { fullName: string; certifiedOn: string | null },
  today: string,
): FieldErrors {
  const errors: FieldErrors = {};
  const date = form.certifiedOn.trim();
  // The page's calendar gives a real date or none: it asks to pick one rather than for the API's YYYY-MM-DD.
  if (date === '') errors.certifiedOn = 'Hãy chọn ngày cấp giấy chứng nhận';
  else if (!isIsoDate(date)) errors.certifiedOn = 'Ngày cấp giấy chứng nhận không hợp lệ; hãy chọn ngày trên lịch';
  else {
    const problem = certificationDateProblem(date, today);
    if (problem) errors.certifiedOn = problem.vi;
  }
  if (current.certifiedOn !== null && date !== current.certifiedOn && isBlank(form.reason))
    errors.reason = needsReasonProblem(current.fullName, current.certifiedOn).vi;
  else {
    const reason = reasonProblem(form.reason);
    if (reason) errors.reason = reason.vi;
  }
  return errors;
}

/** Removing a date recorded by mistake (the person has no certificate after all): a reason is required. */
export function checkRemoval(reason: string): FieldErrors {
  if (cleanText(reason) === '') return { reason: 'Muốn xoá ngày cấp giấy chứng nhận đã ghi phải ghi lý do' };
  const problem = reasonProblem(reason);
  return problem ? { reason: problem.vi } : {};
}
