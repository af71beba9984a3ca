/**
 * Writes of officials' accounts (docs/access.md, "Accounts and sign-in"): creating an account and an invite link,
 * disabling an account. Each in one transaction with its audit entry (recordAudit + the registry's audit log).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import bcrypt from 'bcryptjs';
import { covers, isTokenRole, ROLE_LEVEL, ROLE_VI, type TokenRole } from '../../shared/pure/auth-rules';
import {
  BadInputError,
  bilingual,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../shared/pure/errors';
import { levelOf } from '../../shared/pure/ids';
import { cleanText } from '../../shared/pure/text';
import type { Viewer } from '../../shared/pure/viewer';
import { recordAudit } from '../common/audit';
import { findAccountArea, type AccountArea } from './account-area';
import { accountCreationProblem, CREATABLE_ROLES, INVITE_DAYS, normalLogin, passwordProblem } from './account-rules';
import { projectAudit } from './audit-log';

export const BCRYPT_ROUNDS = 10;

export interface AccountRow {
  id: number;
  login: string;
  name: string;
  role: TokenRole;
  areaId: string;
  provinceId: string;
  communeId: string | null;
  phone: string | null;
  hasPassword: boolean;
  createdAt: Date;
  disabledAt: Date | null;
}

export const ACCOUNT_COLUMNS = `id, login, name, role, area_id as "areaId", province_id as "provinceId",
  commune_id as "communeId", phone, password_hash is not null as "hasPassword", created_at as "createdAt",
  disabled_at as "disabledAt"`;

/** Raw rows carry timestamps as the driver gives them; the GraphQL Date scalar wants Date objects. */
export function asAccount(row: AccountRow): AccountRow {
  return {
    ...row,
    id: Number(row.id),
    createdAt: new Date(row.createdAt),
    disabledAt: row.disabledAt ? new Date(row.disabledAt) : null,
  };
}

export async function selectAccounts(em: EntityManager, where: string, params: unknown[]): Promise<AccountRow[]> {
  const rows = await em.execute<AccountRow[]>(`select ${ACCOUNT_COLUMNS} from registry.account ${where}`, params);
  return rows.map(asAccount);
}

export interface NewAccount {
  login: string;
  name: string;
  role: string;
  areaId: string;
  password?: string | null;
  phone?: string | null;
}

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

function requireSignedIn(viewer: Viewer): void {
  if (!isTokenRole(viewer.role) || !viewer.area)
    throw new UnauthenticatedError(bilingual('Cần đăng nhập để quản lý tài khoản', 'sign in to manage accounts'));
}

/** Refuses (FORBIDDEN) a role/area the viewer may not create or manage. */
function authorizeAccount(viewer: Viewer, role: TokenRole, area: AccountArea): void {
  const problem = accountCreationProblem(viewer, role, area.path);
  if (problem) throw new ForbiddenError(problem);
}

function audited(account: AccountRow) {
  const { id, login, name, role, areaId, phone, hasPassword, disabledAt } = account;
  return { id, login, name, role, areaId, phone, hasPassword, disabled: disabledAt !== null };
}

async function audit(
  em: EntityManager,
  viewer: Viewer,
  operation: string,
  account: AccountRow,
  before: unknown,
  after: unknown,
): Promise<void> {
  const entry = await recordAudit(em, 'registry', {
    viewer,
    operation,
    areaId: account.areaId,
    provinceId: account.provinceId,
    communeId: account.communeId,
    targetType: 'Account',
    targetId: account.id,
    before,
    after,
  });
  await projectAudit(em, entry);
}

/** Creates an account inside the viewer's area: BAD_USER_INPUT, NOT_FOUND, FORBIDDEN or CONFLICT (login taken). */
export async function createAccount(em: EntityManager, viewer: Viewer, input: NewAccount): Promise<AccountRow> {
  requireSignedIn(viewer);
  const login = normalLogin(input.login);
  if (!login)
    throw new BadInputError(
      bilingual(
        'Tên đăng nhập gồm 3–60 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
        'the login is 3–60 letters, digits, dots, dashes or underscores',
      ),
      'login',
    );
  const name = cleanText(input.name);
  if (!name || name.length > 200)
    throw new BadInputError(
      bilingual('Họ và tên không được để trống (tối đa 200 ký tự)', 'a name is required'),
      'name',
    );
  if (!isTokenRole(input.role))
    throw new BadInputError(bilingual('Loại tài khoản không hợp lệ', `unknown role ${input.role}`), 'role');
  const role = input.role;
  if (levelOf(input.areaId) !== ROLE_LEVEL[role])
    throw new BadInputError(
      bilingual(
        `Tài khoản ${ROLE_VI[role]} phải gắn với đúng cấp địa bàn`,
        `${role} must be over a ${ROLE_LEVEL[role]}`,
      ),
      'areaId',
    );
  const password = input.password ?? null;
  const problem = password === null ? null : passwordProblem(password);
  if (problem) throw new BadInputError(problem, 'password');
  const phone = input.phone?.trim() || null;
  if (phone && !/^\+?[0-9 .]{8,20}$/.test(phone))
    throw new BadInputError(bilingual('Số điện thoại không hợp lệ', 'invalid phone number'), 'phone');
  const area = await findAccountArea(em, input.areaId);
  authorizeAccount(viewer, role, area);
  const hash = password === null ? null : await bcrypt.hash(password, BCRYPT_ROUNDS);
  return em.transactional(async (tx) => {
    const t = tx;
    const taken = await t.execute(`select 1 from registry.account where lower(login) = ?`, [login]);
    if (taken.length)
      throw new ConflictError(bilingual(`Tên đăng nhập "${login}" đã có người dùng`, `login ${login} is taken`));
    const [account] = (
      await t.execute<AccountRow[]>(
        `insert into registry.account (login, name, role, area_id, province_id, commune_id, phone, password_hash, created_by)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${ACCOUNT_COLUMNS}`,
        [login, name, role, area.id, area.provinceId, area.communeId, phone, hash, viewer.id],
      )
    ).map(asAccount);
    await audit(t, viewer, 'createAccount', account, null, audited(account));
    return account;
  });
}

/** An account the viewer manages (same rule as creating it), or NOT_FOUND / FORBIDDEN. */
async function managedAccount(em: EntityManager, viewer: Viewer, accountId: number): Promise<AccountRow> {
  requireSignedIn(viewer);
  const [account] = await selectAccounts(em, 'where id = ? for update', [accountId]);
  if (!account) throw new NotFoundError(bilingual('Không tìm thấy tài khoản', `no account ${accountId}`));
  authorizeAccount(viewer, account.role, await findAccountArea(em, account.areaId));
  return account;
}

export interface Invite {
  code: string;
  path: string;
  expiresAt: Date;
  account: AccountRow;
}

/** A single-use invite link for an account the viewer manages, valid INVITE_DAYS days; earlier unused ones end. */
export async function createInvite(em: EntityManager, viewer: Viewer, accountId: number): Promise<Invite> {
  return em.transactional(async (tx) => {
    const t = tx;
    const account = await managedAccount(t, viewer, accountId);
    if (account.disabledAt)
      throw new BadInputError(bilingual('Tài khoản này đã bị khoá', 'the account is disabled'), 'accountId');
    const code = randomBytes(18).toString('base64url');
    await t.execute(
      `update registry.account_invite set expires_at = now() where account_id = ? and used_at is null and expires_at > now()`,
      [account.id],
    );
    const [row] = await t.execute<Array<{ expiresAt: Date }>>(
      `insert into registry.account_invite (account_id, code_hash, created_by, expires_at)
       values (?, ?, ?, now() + make_interval(days => ?)) returning expires_at as "expiresAt"`,
      [account.id, sha256(code), viewer.id, INVITE_DAYS],
    );
    await audit(t, viewer, 'createInvite', account, null, { expiresAt: new Date(row.expiresAt).toISOString() });
    return { code, path: `/invite#${code}`, expiresAt: new Date(row.expiresAt), account };
  });
}

/** Disables an account the viewer manages and ends its sessions and invites. */
export async function disableAccount(em: EntityManager, viewer: Viewer, accountId: number): Promise<AccountRow> {
  return em.transactional(async (tx) => {
    const t = tx;
    const account = await managedAccount(t, viewer, accountId);
    if (account.disabledAt) return account;
    const [after] = (
      await t.execute<AccountRow[]>(
        `update registry.account set disabled_at = now() where id = ? returning ${ACCOUNT_COLUMNS}`,
        [account.id],
      )
    ).map(asAccount);
    await t.execute(`update registry.account_session set ended_at = now() where account_id = ? and ended_at is null`, [
      account.id,
    ]);
    await t.execute(`update registry.account_invite set expires_at = now() where account_id = ? and used_at is null`, [
      account.id,
    ]);
    await audit(t, viewer, 'disableAccount', account, audited(account), audited(after));
    return after;
  });
}

/** The accounts in an area the viewer manages (its own area when none is given), newest first. */
export async function listAccounts(em: EntityManager, viewer: Viewer, areaId?: string | null): Promise<AccountRow[]> {
  requireSignedIn(viewer);
  const area = await findAccountArea(em, areaId ?? viewer.area!);
  if (!CREATABLE_ROLES[viewer.role as TokenRole].length || !covers(viewer, area.path))
    throw new ForbiddenError(
      bilingual('Bạn không quản lý tài khoản của địa bàn này', `you do not manage accounts of ${area.id}`),
    );
  const column = area.path.villageId || area.path.unitId ? 'area_id' : area.communeId ? 'commune_id' : 'province_id';
  return selectAccounts(em, `where ${column} = ? order by created_at desc, id desc limit 500`, [area.id]);
}

export { audit as auditAccount };
