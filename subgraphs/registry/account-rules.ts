/**
 * Officials' accounts as plain rules (no GraphQL, no ORM; tested in test/unit/account-rules.test.ts): who may create
 * which account, what a login and a password must be, when failed sign-ins lock an account for a while, and how long
 * sessions and invites last. docs/access.md ("Accounts and sign-in") explains them for people.
 */
import { covers, isTokenRole, ROLE_VI, type AreaPath, type TokenRole } from '../../shared/auth-rules';
import { bilingual } from '../../shared/errors';
import type { Viewer } from '../../shared/viewer';

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

/** Why a password cannot be used, or null. bcrypt reads at most 72 bytes: longer would be cut silently. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8)
    return bilingual('Mật khẩu phải có ít nhất 8 ký tự', 'the password needs at least 8 characters');
  if (Buffer.byteLength(password, 'utf8') > 72)
    return bilingual('Mật khẩu quá dài (tối đa 72 byte)', 'the password is longer than 72 bytes');
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
