/**
 * The key people page's checks, as the API makes them (subgraphs/plans/key-people.ts; test/unit/key-people-form.test.ts
 * holds the two side by side): a clerk reads what to fix next to the field before anything is sent. Plain functions.
 */
import { fmtDate } from '../../format';

export const KEY_ROLES = ['VILLAGE_HEAD', 'PARTY_CELL_SECRETARY', 'FRONT_HEAD'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

/** The roles as the commune's letter names them. */
export const KEY_ROLE_TITLE: Record<KeyRole, string> = {
  VILLAGE_HEAD: 'Trưởng thôn',
  PARTY_CELL_SECRETARY: 'Bí thư Chi bộ',
  FRONT_HEAD: 'Trưởng ban Công tác Mặt trận',
};

/** The campaign's start: no certificate of the course is older. */
export const CERTIFICATION_FROM = '2025-01-01';

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const clean = (text: string) => text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/**
 * A phone as typed (spaces, dots, dashes, brackets, +84 or 84 in front) as its national digits; '' when empty;
 * null when it is not a Vietnamese mobile (10 digits) or landline with its area code (11 digits, 02…).
 */
export function phoneDigits(raw: string): string | null {
  if (clean(raw) === '') return '';
  let digits = clean(raw).replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : null;
}

/** 0912 345 678, 0255 3822 123: the number as people read it. */
export function spacedPhone(phone: string): string {
  return phone.length === 10
    ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`
    : `${phone.slice(0, 4)} ${phone.slice(4, 8)} ${phone.slice(8)}`;
}

/** A tel: link in the international form (+84…), which every phone dials. */
export const telHref = (phone: string) => `tel:+84${phone.slice(1)}`;

export type FieldErrors = Partial<Record<'fullName' | 'phone' | 'certifiedOn' | 'reason', string>>;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const isDate = (value: string) => {
  const m = ISO.exec(value);
  if (!m) return false;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === value;
};

/** Naming or replacing the person in a role: a name of 1–200 characters, a phone that can be called, or none. */
export function checkPerson(form: { fullName: string; phone: string; reason: string }): FieldErrors {
  const errors: FieldErrors = {};
  const name = clean(form.fullName);
  if (name === '') errors.fullName = 'Họ và tên không được để trống';
  else if (name.length > 200) errors.fullName = 'Họ và tên dài quá 200 ký tự';
  if (phoneDigits(form.phone) === null)
    errors.phone =
      `Số điện thoại "${clean(form.phone)}" không hợp lệ; hãy nhập số di động 10 chữ số (ví dụ 0912 345 678) hoặc ` +
      `số cố định có mã vùng (ví dụ 0255 3822 123)`;
  if (clean(form.reason).length > 500) errors.reason = 'Lý do dài quá 500 ký tự';
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
  if (date === '') errors.certifiedOn = 'Hãy chọn ngày cấp giấy chứng nhận';
  else if (!isDate(date)) errors.certifiedOn = 'Ngày cấp giấy chứng nhận không hợp lệ; hãy chọn ngày trên lịch';
  else if (date > today)
    errors.certifiedOn = `Ngày cấp giấy chứng nhận (${fmtDate(date)}) không thể sau hôm nay (${fmtDate(today)})`;
  else if (date < CERTIFICATION_FROM)
    errors.certifiedOn =
      `Ngày cấp giấy chứng nhận (${fmtDate(date)}) không thể trước khi bắt đầu phong trào ` +
      `(${fmtDate(CERTIFICATION_FROM)})`;
  const reason = clean(form.reason);
  if (current.certifiedOn !== null && date !== current.certifiedOn && reason === '')
    errors.reason = `${current.fullName} đã có giấy chứng nhận ngày ${fmtDate(current.certifiedOn)}; muốn sửa phải ghi lý do`;
  else if (reason.length > 500) errors.reason = 'Lý do dài quá 500 ký tự';
  return errors;
}

/** Removing a date recorded by mistake (the person has no certificate after all): a reason is required. */
export function checkRemoval(reason: string): FieldErrors {
  const why = clean(reason);
  if (why === '') return { reason: 'Muốn xoá ngày cấp giấy chứng nhận đã ghi phải ghi lý do' };
  return why.length > 500 ? { reason: 'Lý do dài quá 500 ký tự' } : {};
}

/** Certified of required for one role, as the commune's letter counts: "12/14 có giấy chứng nhận". */
export function countLine(r: { certified: number; required: number }): string {
  return `${r.certified}/${r.required} có giấy chứng nhận`;
}
