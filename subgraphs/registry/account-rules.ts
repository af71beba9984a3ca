/**
 * Officials' accounts as plain rules (no GraphQL, no ORM; tested in test/unit/account-rules.test.ts): who may create
 * which account, what a login and a password must be, when failed sign-ins lock an account for a while, and how long
 * sessions and invites last. docs/access.md ("Accounts and sign-in") explains them for people.
 */
import { covers, isTokenRole, ROLE_VI, type AreaPath, type TokenRole } from '../../shared/pure/auth-rules';
import { bilingual } from '../../shared/pure/errors';
import type { Viewer } from '../../shared/pure/viewer';

/** The roles each role may create accounts for (always inside its own area). */
export const CREATABLE_ROLES: Record<TokenRole, readonly TokenRole[]> = {
  PROVINCE_ADMIN: ['PROVINCE_ADMIN', 'PROVINCE_VIEWER', 'COMMUNE_OFFICER', 'VILLAGE_REPORTER', 'UNIT_REPORTER'],
  PROVINCE_VIEWER: [],
  COMMUNE_OFFICER: ['VILLAGE_REPORTER', 'UNIT_REPORTER'],
  VILLAGE_REPORTER: [],
  UNIT_REPORTER: [],
};

/** An access token lives a day; the session behind it (refreshed by the device) 60 days after its last use. */
export const ACCESS_TTL_SECONDS = 24 * 60 * 60;
export const SESSION_DAYS = 60;
/** An invite link works once, within 7 days. */
export const INVITE_DAYS = 7;
/** Five wrong passwords within 15 minutes lock the account until 15 minutes after the first of them. */
export const MAX_FAILED_SIGN_INS = 5;
export const FAILED_WINDOW_SECONDS = 15 * 60;

/** Why this viewer may not create (or invite) an account with `role` over `target`, or null when it may. */
export function accountCreationProblem(viewer: Viewer, role: TokenRole, target: AreaPath): string | null {
  if (!isTokenRole(viewer.role) || !viewer.area)
    return bilingual('Cần đăng nhập để tạo tài khoản', 'sign in to create accounts');
  const allowed = CREATABLE_ROLES[viewer.role];
  if (!allowed.includes(role))
    return bilingual(
      `Bạn không được tạo tài khoản ${ROLE_VI[role]}`,
      `a ${viewer.role} may not create ${role} accounts`,
    );
  if (!covers(viewer, target))
    return bilingual(
      'Không thể tạo tài khoản cho địa bàn nằm ngoài địa bàn bạn phụ trách',
      `the area is outside ${viewer.area}`,
    );
  return null;
}

const LOGIN = /^[a-z0-9][a-z0-9._-]{2,59}$/;

/** A login as stored: lower case, trimmed; null when it is not 3–60 letters, digits, dots, dashes, underscores. */
export function normalLogin(login: string): string | null {
  const value = login.trim().toLowerCase();
  return LOGIN.test(value) ? value : null;
}

/** The shortest password accepted, in characters. */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * Passwords too common to keep anyone out (a small built-in list: the usual leaked-password tops and their
 * Vietnamese counterparts), compared in lower case without spaces.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '87654321',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
  '12341234',
  '11223344',
  '123123123',
  '147258369',
  '12345678910',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'qwertyui',
  'qwerty123',
  'qwertyuiop',
  '1q2w3e4r',
  '1qaz2wsx',
  'abc12345',
  'abcd1234',
  'iloveyou',
  'admin123',
  'administrator',
  'welcome1',
  'letmein1',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'matkhau',
  'matkhau1',
  'matkhau123',
  'matkhau@123',
  'anhyeuem',
  'emyeuanh',
  'vietnam1',
  'vietnam123',
  'hanoi123',
  'saigon123',
  'bdhvs123',
  'binhdanhocvuso',
  'hocvuso1',
  'quangngai',
  'quangngai1',
]);

/**
 * Why a password cannot be used, or null: blank or only spaces, shorter than MIN_PASSWORD_LENGTH characters, one
 * character repeated, or on COMMON_PASSWORDS. bcrypt reads at most 72 bytes: longer would be cut silently. Applied
 * wherever a password is set (createAccount, `npm run account`, changePassword).
 */
export function passwordProblem(password: string): string | null {
  if (password.trim() === '')
    return bilingual('Mật khẩu không được để trống hay chỉ có dấu cách', 'the password is blank');
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return bilingual(
      `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`,
      `the password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  if (Buffer.byteLength(password, 'utf8') > 72)
    return bilingual('Mật khẩu quá dài (tối đa 72 byte)', 'the password is longer than 72 bytes');
  const plain = password.toLowerCase().replace(/\s+/g, '');
  if (COMMON_PASSWORDS.has(plain) || new Set(plain).size <= 1)
    return bilingual(
      'Mật khẩu quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác',
      'the password is too common; choose another one',
    );
  return null;
}

/**
 * Seconds an account must wait before trying again, 0 when it may try now: after MAX_FAILED_SIGN_INS failures
 * that began less than FAILED_WINDOW_SECONDS ago.
 */
export function lockedForSeconds(failed: number, failedSince: Date | null, now: Date = new Date()): number {
  if (failed < MAX_FAILED_SIGN_INS || !failedSince) return 0;
  const left = failedSince.getTime() / 1000 + FAILED_WINDOW_SECONDS - now.getTime() / 1000;
  return left > 0 ? Math.ceil(left) : 0;
}

/** The failure counter after one more wrong password: a window that has run out starts again at 1. */
export function afterFailure(
  failed: number,
  failedSince: Date | null,
  now: Date = new Date(),
): { failed: number; since: Date } {
  const expired = !failedSince || now.getTime() - failedSince.getTime() >= FAILED_WINDOW_SECONDS * 1000;
  return expired ? { failed: 1, since: now } : { failed: failed + 1, since: failedSince };
}

/** "thử lại sau 15 phút" in minutes, rounded up. */
export function waitWords(seconds: number): string {
  return `${Math.max(1, Math.ceil(seconds / 60))} phút`;
}
