/**
 * The API's messages as an official reads them. The API answers in Vietnamese with an English tail for developers
 * ("… (token expired; get a new one)") and, for sign-in problems, in the words of its access rules (roles, header
 * names): the pages show the Vietnamese part, and for a refused access code, what to do about it.
 */
import { ApiError, type GqlError } from './api';
import { ERROR_CODES, isErrorCode } from '../../../shared/pure/error-codes';
import { hasVietnamese } from '../../../shared/pure/text';

/** Words of letters, and those of plain ASCII letters ("the", "login", "tin"; not "tối", "đa", "C02949"). */
const WORDS = /(?<![\p{L}\d])\p{L}+(?![\p{L}\d])/gu;
const ASCII_WORD = /^[A-Za-z]{2,}$/;
/**
 * A refusal by the access rules ("… việc này dành cho quản trị cấp tỉnh (P23) …", with area codes), or developer
 * words (role codes, the header, "token"): the page gives plain advice instead.
 */
const ACCESS_JARGON = /việc này dành cho|[A-Z]{3,}_[A-Z_]+|Bearer|Authorization|token/;

/** The Vietnamese part of an API message: without its English tail for developers, when it has one. */
export function withoutEnglish(message: string): string {
  const text = message.trimEnd();
  if (!text.endsWith(')')) return message;
  // The API writes "Vietnamese (English)": the tail is the balanced group that ends the message (the English may hold
  // parentheses and an en dash; the Vietnamese may end with "(tối đa 72 byte)"). English: two or more of its words,
  // and two thirds of them, are plain ASCII (Vietnamese has some too: "thông tin cho xã").
  let depth = 0;
  let open = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) {
      open = i;
      break;
    }
  }
  if (open <= 0) return message;
  const words = text.slice(open + 1, -1).match(WORDS) ?? [];
  const ascii = words.filter((w) => ASCII_WORD.test(w)).length;
  return ascii >= 2 && ascii * 3 >= words.length * 2 ? text.slice(0, open).trimEnd() : message;
}

/**
 * One API error for a page: the Vietnamese part, or plain advice when it speaks of roles and headers, or the words of
 * its code (shared/pure/error-codes) when the message has no Vietnamese (graphql-js's and the HTTP layer's refusals).
 */
export function forOfficials(error: GqlError, refusedAccess: string): string {
  const code = error.extensions?.code;
  const vi = withoutEnglish(error.message);
  if (code === 'UNAUTHENTICATED' || (code === 'FORBIDDEN' && ACCESS_JARGON.test(vi))) return refusedAccess;
  if (!hasVietnamese(vi) && isErrorCode(code)) return ERROR_CODES[code].vi;
  return vi;
}

/** What a village head reads when the form's access code is refused (expired, or for another village). */
export const FORM_ACCESS_REFUSED =
  'Mã gửi báo cáo đã hết hạn hoặc không dùng được cho thôn này. Hãy xin xã mã mới, dán vào ô “Mã gửi báo cáo do xã ' +
  'cấp” rồi bấm “Sửa và gửi lại”.';
/** What a signed-in village head reads when the form's report is refused for access. */
export const FORM_SESSION_REFUSED =
  'Tài khoản đang đăng nhập không gửi được báo cáo cho thôn này, hoặc phiên đăng nhập đã hết hạn. Hãy đăng nhập lại ' +
  'rồi bấm “Sửa và gửi lại”.';
/** What anyone else reads when the API refuses their access. */
export const ACCESS_REFUSED =
  'Không có quyền xem hoặc sửa mục này, hoặc phiên đăng nhập đã hết hạn: hãy đăng nhập lại.';

/**
 * What went wrong, as a page tells an official: each API error in its Vietnamese words (forOfficials, no English tail
 * for developers), or `otherwise` when the API was not reached.
 */
export function problemFor(error: unknown, otherwise: string): string {
  return error instanceof ApiError ? error.errors.map((e) => forOfficials(e, ACCESS_REFUSED)).join('; ') : otherwise;
}
