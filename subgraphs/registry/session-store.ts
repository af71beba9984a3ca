/**
 * Signing in (docs/access.md, "Accounts and sign-in"): a password or a one-time invite opens a session; the
 * session hands out access tokens (the hub's usual HS256 caller token, ACCESS_TTL_SECONDS) and is refreshed by the
 * device with its refresh secret for SESSION_DAYS after its last use. Wrong passwords are counted per account.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import bcrypt from 'bcryptjs';
import { SESSION_AUDIENCE, signToken } from '../../shared/auth';
import { BadInputError, bilingual, RateLimitedError, UnauthenticatedError } from '../../shared/pure/errors';
import type { Viewer } from '../../shared/pure/viewer';
import { findAccountArea, homePath } from './account-area';
import {
  ACCESS_TTL_SECONDS,
  FAILED_WINDOW_SECONDS,
  lockedForSeconds,
  MAX_FAILED_SIGN_INS,
  normalLogin,
  passwordProblem,
  SESSION_DAYS,
  waitWords,
} from './account-rules';
import {
  ACCOUNT_COLUMNS,
  asAccount,
  auditAccount,
  BCRYPT_ROUNDS,
  selectAccounts,
  sha256,
  type AccountRow,
} from './account-store';

export interface Session {
  token: string;
  expiresAt: Date;
  refreshToken: string;
  sessionExpiresAt: Date;
  homePath: string;
  account: AccountRow;
}

const WRONG = bilingual('Tên đăng nhập hoặc mật khẩu không đúng', 'wrong login or password');
const ENDED = bilingual(
  'Phiên đăng nhập đã hết hạn hoặc đã đăng xuất; hãy đăng nhập lại',
  'the session has expired or was signed out; sign in again',
);
/** Compared against when the login does not exist, so that a wrong login takes as long as a wrong password. */
const DUMMY_HASH = bcrypt.hashSync('not-a-password', 10);

/** The token subject of an account, and back: `account:<id>`. */
const subjectOf = (accountId: number): string => `account:${accountId}`;
function accountIdOf(viewer: Viewer): number | null {
  const id = /^account:(\d+)$/.exec(viewer.id ?? '')?.[1];
  return id ? Number(id) : null;
}

/** An account with its password hash, by a condition on registry.account. */
async function accountWithHash(em: EntityManager, where: string, param: string | number) {
  const [account] = await em.execute<Array<AccountRow & { passwordHash: string | null }>>(
    `select ${ACCOUNT_COLUMNS}, password_hash as "passwordHash" from registry.account where ${where}`,
    [param],
  );
  return account;
}

/** A password that did not match: locked when that attempt was the last allowed, else `wrong`. */
function wrongPassword(attempt: { failed: number; since: Date }, wrong: string): Error {
  const after = lockedForSeconds(attempt.failed, attempt.since);
  return after > 0 ? lockedError(after) : new UnauthenticatedError(wrong);
}

function viewerOf(account: AccountRow): Viewer {
  return { id: subjectOf(account.id), name: account.name, role: account.role, area: account.areaId };
}

async function issue(
  em: EntityManager,
  secret: string,
  account: AccountRow,
  sessionId: string,
  refreshSecret: string,
  sessionExpiresAt: Date,
): Promise<Session> {
  const token = await signToken(
    secret,
    { sub: subjectOf(account.id), name: account.name, role: account.role, area: account.areaId },
    // `sid`: the gateway refuses the token as soon as the session ends (gateway/sessions.ts).
    { ttlSeconds: ACCESS_TTL_SECONDS, audience: SESSION_AUDIENCE, sessionId },
  );
  const area = await findAccountArea(em, account.areaId);
  return {
    token,
    expiresAt: new Date(Date.now() + ACCESS_TTL_SECONDS * 1000),
    refreshToken: `${sessionId}.${refreshSecret}`,
    sessionExpiresAt,
    homePath: homePath(account.role, area),
    account,
  };
}

async function openSession(em: EntityManager, secret: string, account: AccountRow, via: string): Promise<Session> {
  const id = randomUUID();
  const refreshSecret = randomBytes(24).toString('base64url');
  const [row] = await em.execute<Array<{ expiresAt: Date }>>(
    `insert into registry.account_session (id, account_id, refresh_hash, expires_at, via)
     values (?, ?, ?, now() + make_interval(days => ?), ?) returning expires_at as "expiresAt"`,
    [id, account.id, sha256(refreshSecret), SESSION_DAYS, via],
  );
  return issue(em, secret, account, id, refreshSecret, new Date(row.expiresAt));
}

/**
 * Takes one attempt for a login, in one statement: counted unless the login is locked (MAX_FAILED_SIGN_INS within
 * FAILED_WINDOW_SECONDS, as afterFailure/lockedForSeconds say), a window run out starts again at 1. Parallel
 * attempts each take their own (the row lock orders them), so at most MAX_FAILED_SIGN_INS passwords are compared.
 * Null when locked.
 */
async function takeAttempt(em: EntityManager, login: string): Promise<{ failed: number; since: Date } | null> {
  const [row] = await em.execute<Array<{ failed: number; since: Date }>>(
    `insert into registry.sign_in_attempt as a (login, failed, failed_since) values (?, 1, now())
     on conflict (login) do update set
       failed = case when a.failed_since <= now() - make_interval(secs => ?) then 1 else a.failed + 1 end,
       failed_since = case when a.failed_since <= now() - make_interval(secs => ?) then now() else a.failed_since end
     where a.failed < ? or a.failed_since <= now() - make_interval(secs => ?)
     returning failed, failed_since as since`,
    [login, FAILED_WINDOW_SECONDS, FAILED_WINDOW_SECONDS, MAX_FAILED_SIGN_INS, FAILED_WINDOW_SECONDS],
  );
  return row ? { failed: Number(row.failed), since: new Date(row.since) } : null;
}

/**
 * Signs in with a login and a password: UNAUTHENTICATED when wrong, RATE_LIMITED while the login is locked. A login
 * no account has is counted and locked alike, and compared against a dummy hash: the same answers, the same work.
 */
export async function signIn(em: EntityManager, secret: string, login: string, password: string): Promise<Session> {
  const normal = normalLogin(login);
  if (!normal) {
    // Not a possible login (the rule is public): nothing to count, but as much work as a wrong password.
    await bcrypt.compare(password, DUMMY_HASH);
    throw new UnauthenticatedError(WRONG);
  }
  const account = await accountWithHash(em, 'lower(login) = ?', normal);
  // Rows of logins nobody has tried for a window go (at most 100 each time): unknown logins cannot pile up.
  await em.execute(
    `delete from registry.sign_in_attempt where login in (select login from registry.sign_in_attempt
      where failed_since < now() - make_interval(secs => ?) limit 100)`,
    [FAILED_WINDOW_SECONDS],
  );
  // Counted outside any transaction: the refusal below must not roll it back.
  const attempt = await takeAttempt(em, normal);
  if (!attempt) {
    const [row] = await em.execute<Array<{ failed: number; since: Date }>>(
      `select failed, failed_since as since from registry.sign_in_attempt where login = ?`,
      [normal],
    );
    throw lockedError(Math.max(1, lockedForSeconds(Number(row?.failed ?? 0), row ? new Date(row.since) : null)));
  }
  const usable = account && account.passwordHash && !account.disabledAt ? account.passwordHash : null;
  const matches = await bcrypt.compare(password, usable ?? DUMMY_HASH);
  if (!matches || !usable || !account) throw wrongPassword(attempt, WRONG);
  const { passwordHash: _hash, ...row } = account;
  return em.transactional(async (tx) => {
    const t = tx;
    await t.execute(`delete from registry.sign_in_attempt where login = ?`, [normal]);
    return openSession(t, secret, asAccount(row), 'password');
  });
}

function lockedError(seconds: number): RateLimitedError {
  return new RateLimitedError(
    bilingual(
      `Đăng nhập sai quá ${MAX_FAILED_SIGN_INS} lần; tài khoản tạm khoá, hãy thử lại sau ${waitWords(seconds)}`,
      `too many failed sign-ins; retry in ${seconds} s`,
    ),
    seconds,
  );
}

/** The session a refresh token names, still open; else UNAUTHENTICATED. */
async function sessionOf(em: EntityManager, refreshToken: string) {
  const [id, refreshSecret] = refreshToken.split('.');
  if (!id || !refreshSecret || !/^[0-9a-f-]{36}$/.test(id)) throw new UnauthenticatedError(ENDED);
  const [session] = await em.execute<Array<{ accountId: number; refreshHash: string }>>(
    `select account_id as "accountId", refresh_hash as "refreshHash" from registry.account_session
      where id = ? and ended_at is null and expires_at > now()`,
    [id],
  );
  if (!session || session.refreshHash !== sha256(refreshSecret)) throw new UnauthenticatedError(ENDED);
  const [account] = await selectAccounts(em, 'where id = ? and disabled_at is null', [session.accountId]);
  if (!account) throw new UnauthenticatedError(ENDED);
  return { id, refreshSecret, account };
}

/**
 * A fresh access token for an open session, which then lasts SESSION_DAYS more. The refresh token stays the same
 * (a device that lost the answer can ask again; nothing queued on it depends on which token it holds).
 */
export async function refreshSession(em: EntityManager, secret: string, refreshToken: string): Promise<Session> {
  const { id, refreshSecret, account } = await sessionOf(em, refreshToken);
  const [row] = await em.execute<Array<{ expiresAt: Date }>>(
    `update registry.account_session set refreshed_at = now(), expires_at = now() + make_interval(days => ?)
      where id = ? returning expires_at as "expiresAt"`,
    [SESSION_DAYS, id],
  );
  return issue(em, secret, account, id, refreshSecret, new Date(row.expiresAt));
}

/** Ends a session (signing out): its refresh token no longer works. Unknown or ended sessions are fine. */
export async function signOut(em: EntityManager, refreshToken: string): Promise<boolean> {
  const [id] = refreshToken.split('.');
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return false;
  const rows = await em.execute(
    `update registry.account_session set ended_at = now() where id = ? and ended_at is null and refresh_hash = ? returning id`,
    [id, sha256(refreshToken.slice(id.length + 1))],
  );
  return rows.length > 0;
}

/** Opens a session from an invite code: once, before it expires; UNAUTHENTICATED otherwise. Audited. */
export async function redeemInvite(em: EntityManager, secret: string, code: string): Promise<Session> {
  return em.transactional(async (tx) => {
    const t = tx;
    const [invite] = await t.execute<Array<{ accountId: number }>>(
      `update registry.account_invite set used_at = now()
        where code_hash = ? and used_at is null and expires_at > now() returning account_id as "accountId"`,
      [sha256(code.trim())],
    );
    const [account] = invite ? await selectAccounts(t, 'where id = ? and disabled_at is null', [invite.accountId]) : [];
    if (!account)
      throw new UnauthenticatedError(
        bilingual(
          'Đường dẫn mời đã được dùng hoặc đã hết hạn; đề nghị cán bộ xã gửi đường dẫn mới',
          'the invite link was used or has expired; ask the commune for a new one',
        ),
      );
    await auditAccount(t, viewerOf(account), 'redeemInvite', account, null, { via: 'invite' });
    return openSession(t, secret, account, 'invite');
  });
}

/**
 * Whether a session is open for the account a caller token names (`account:<id>`): not signed out, not expired,
 * its account not disabled. The gateway asks through the registry's internal route (internal-routes.ts).
 */
export async function sessionIsOpen(em: EntityManager, viewer: Viewer, sessionId: string): Promise<boolean> {
  const accountId = accountIdOf(viewer);
  if (accountId === null || !/^[0-9a-f-]{36}$/.test(sessionId)) return false;
  const rows = await em.execute(
    `select 1 from registry.account_session s join registry.account a on a.id = s.account_id
      where s.id = ? and s.account_id = ? and s.ended_at is null and s.expires_at > now() and a.disabled_at is null`,
    [sessionId, accountId],
  );
  return rows.length > 0;
}

/**
 * Changes the signed-in account's password: the current one is checked (counted like a sign-in, so it cannot be
 * guessed here instead), the new one must pass passwordProblem. Every session of the account ends, a stolen one
 * too, and the device that asked gets a new session. Audited, without either password.
 */
export async function changePassword(
  em: EntityManager,
  secret: string,
  viewer: Viewer,
  currentPassword: string,
  newPassword: string,
): Promise<Session> {
  const accountId = accountIdOf(viewer);
  if (accountId === null)
    throw new UnauthenticatedError(
      bilingual('Cần đăng nhập bằng tài khoản để đổi mật khẩu', 'sign in with an account to change its password'),
    );
  const problem = passwordProblem(newPassword);
  if (problem) throw new BadInputError(problem, 'newPassword');
  const account = await accountWithHash(em, 'id = ?', accountId);
  if (!account || account.disabledAt) throw new UnauthenticatedError(ENDED);
  const attempt = await takeAttempt(em, account.login);
  if (!attempt) throw lockedError(FAILED_WINDOW_SECONDS);
  if (!(await bcrypt.compare(currentPassword, account.passwordHash ?? DUMMY_HASH)) || !account.passwordHash)
    throw wrongPassword(attempt, bilingual('Mật khẩu hiện tại không đúng', 'the current password is wrong'));
  if (newPassword === currentPassword)
    throw new BadInputError(
      bilingual('Mật khẩu mới phải khác mật khẩu hiện tại', 'the new password must differ from the current one'),
      'newPassword',
    );
  const hash = await bcrypt.hash(newPassword, BCRYPT_ROUNDS);
  const { passwordHash: _old, ...row } = account;
  const current = asAccount(row);
  return em.transactional(async (tx) => {
    const t = tx;
    await t.execute(`update registry.account set password_hash = ? where id = ?`, [hash, current.id]);
    const ended = await t.execute(
      `update registry.account_session set ended_at = now() where account_id = ? and ended_at is null returning id`,
      [current.id],
    );
    await t.execute(`delete from registry.sign_in_attempt where login = ?`, [current.login]);
    await auditAccount(t, viewer, 'changePassword', current, null, { sessionsEnded: ended.length });
    return openSession(t, secret, current, 'password');
  });
}
