/**
 * The checks of a village's key people (cán bộ chủ chốt thôn) that the API makes and the key people page makes
 * before sending, so that a clerk reads the same words next to the field: phones, names, certificate dates and
 * reasons. Each check returns the problem in both languages (or null): the API throws it as a BadInputError, the page
 * shows its Vietnamese.
 */
import { isIsoDate, viDate, type IsoDate } from './dates';
import { cleanText, isBlank } from './text';

export interface Problem {
  vi: string;
  en: string;
}

/** The campaign's start: no certificate of the course is older. */
export const CERTIFICATION_FROM: IsoDate = '2025-01-01';
export const MAX_NAME_LENGTH = 200;
export const MAX_REASON_LENGTH = 500;

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/**
 * A phone as typed (spaces, dots, dashes, brackets, +84 or 84 in front) as its national digits: a mobile number of 10
 * digits (03, 05, 07, 08, 09…) or a landline with its area code (02xx, 11 digits). '' when empty, null when it is
 * neither.
 */
export function phoneDigits(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || isBlank(raw)) return '';
  let digits = cleanText(raw).replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : null;
}

/** Why a phone that `phoneDigits` refused is refused. */
export function phoneProblem(raw: string, field = 'phone'): Problem {
  return {
    vi:
      `Số điện thoại "${cleanText(raw)}" không hợp lệ; hãy nhập số di động 10 chữ số (ví dụ 0912 345 678) hoặc ` +
      `số cố định có mã vùng (ví dụ 0255 3822 123)`,
    en: `${field} is not a Vietnamese mobile or landline number`,
  };
}

/** The number as people read it: 0912 345 678, 0255 3822 123. */
export function formatPhone(phone: string): string {
  return phone.length === 10
    ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`
    : `${phone.slice(0, 4)} ${phone.slice(4, 8)} ${phone.slice(8)}`;
}

/** A tel: link in the international form (+84…), which every phone dials. */
export const telHref = (phone: string): string => `tel:+84${phone.slice(1)}`;

/** A person's name: not blank, at most 200 characters once cleaned. */
export function nameProblem(raw: string): Problem | null {
  if (isBlank(raw)) return { vi: 'Họ và tên không được để trống', en: 'fullName is required' };
  if (cleanText(raw).length > MAX_NAME_LENGTH)
    return {
      vi: `Họ và tên dài quá ${MAX_NAME_LENGTH} ký tự`,
      en: `fullName is longer than ${MAX_NAME_LENGTH} characters`,
    };
  return null;
}

/** A reason for a change: at most 500 characters once cleaned (whether one is needed is the caller's rule). */
export function reasonProblem(raw: string | null | undefined): Problem | null {
  if (raw === null || raw === undefined || isBlank(raw)) return null;
  return cleanText(raw).length > MAX_REASON_LENGTH
    ? { vi: `Lý do dài quá ${MAX_REASON_LENGTH} ký tự`, en: `reason is longer than ${MAX_REASON_LENGTH}` }
    : null;
}

/** A certification date: a real date, not after today (in Vietnam), not before the campaign. */
export function certificationDateProblem(value: string, today: IsoDate, field = 'certifiedOn'): Problem | null {
  if (!isIsoDate(value))
    return {
      vi: 'Ngày cấp giấy chứng nhận không hợp lệ; hãy nhập theo dạng YYYY-MM-DD',
      en: `${field} must be a date`,
    };
  if (value > today)
    return {
      vi: `Ngày cấp giấy chứng nhận (${viDate(value)}) không thể sau hôm nay (${viDate(today)})`,
      en: `${field} ${value} is in the future`,
    };
  if (value < CERTIFICATION_FROM)
    return {
      vi: `Ngày cấp giấy chứng nhận (${viDate(value)}) không thể trước khi bắt đầu phong trào (${viDate(CERTIFICATION_FROM)})`,
      en: `${field} ${value} is before the campaign`,
    };
  return null;
}

/** Changing or removing a recorded certification date is a correction: it needs a reason. */
export function needsReasonProblem(fullName: string, certifiedOn: IsoDate): Problem {
  return {
    vi: `${fullName} đã có giấy chứng nhận ngày ${viDate(certifiedOn)}; muốn sửa phải ghi lý do`,
    en: 'correcting a recorded certification date needs a reason',
  };
}

/** Certified of required for one role, as the commune's letter counts: "12/14 có giấy chứng nhận". */
export function countLine(r: { certified: number; required: number }): string {
  return `${r.certified}/${r.required} có giấy chứng nhận`;
}
