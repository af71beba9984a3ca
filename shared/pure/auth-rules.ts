/**
 * Who may do what: the access rules as plain functions (no GraphQL, no ORM), tested with a table of cases in
 * test/unit/access-rules.test.ts. Resolvers and domain code call `authorize(viewer, action, path)` before writing.
 * docs/access.md explains the rules for people.
 */
import { bilingual, ForbiddenError, UnauthenticatedError } from './errors';
import type { Role, Viewer } from './viewer';
import { levelOf, type AreaLevel } from './ids';

export type { AreaLevel };

/** Where a target sits in the hierarchy. The commune of a village or unit is in its id; the province is not. */
export interface AreaPath {
  provinceId: string;
  communeId?: string;
  villageId?: string;
  unitId?: string;
}

export const ACTIONS = [
  'RECORD_POPULATION',
  'SUBMIT_REPORT',
  'APPROVE_PERIOD',
  'ISSUE_DIRECTIVE',
  'EDIT_PLAN',
  'IMPORT_STATISTICS',
  'READ_PERSONAL',
  'READ_AUDIT',
  'KEEP_REGISTRY',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The roles a token can carry (ANONYMOUS is the absence of one). */
export const TOKEN_ROLES = [
  'PROVINCE_ADMIN',
  'PROVINCE_VIEWER',
  'COMMUNE_OFFICER',
  'VILLAGE_REPORTER',
  'UNIT_REPORTER',
] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** The level of area each role is over: a COMMUNE_OFFICER's `area` must be a commune id, and so on. */
export const ROLE_LEVEL: Record<TokenRole, AreaLevel> = {
  PROVINCE_ADMIN: 'PROVINCE',
  PROVINCE_VIEWER: 'PROVINCE',
  COMMUNE_OFFICER: 'COMMUNE',
  VILLAGE_REPORTER: 'VILLAGE',
  UNIT_REPORTER: 'UNIT',
};

/**
 * Which roles may take each action (always only inside their own area). Province roles see everything in the
 * province; PROVINCE_VIEWER writes nothing; only PROVINCE_ADMIN issues directives. A village reporter may record its
 * village's population: its area covers the target, and the village head is who counts the households.
 */
export const ALLOWED_ROLES: Record<Action, readonly TokenRole[]> = {
  RECORD_POPULATION: ['PROVINCE_ADMIN', 'COMMUNE_OFFICER', 'VILLAGE_REPORTER'],
  SUBMIT_REPORT: ['PROVINCE_ADMIN', 'COMMUNE_OFFICER', 'VILLAGE_REPORTER', 'UNIT_REPORTER'],
  APPROVE_PERIOD: ['PROVINCE_ADMIN', 'COMMUNE_OFFICER'],
  ISSUE_DIRECTIVE: ['PROVINCE_ADMIN'],
  EDIT_PLAN: ['PROVINCE_ADMIN', 'COMMUNE_OFFICER'],
  IMPORT_STATISTICS: ['PROVINCE_ADMIN', 'COMMUNE_OFFICER'],
  READ_PERSONAL: ['PROVINCE_ADMIN', 'PROVINCE_VIEWER', 'COMMUNE_OFFICER', 'VILLAGE_REPORTER', 'UNIT_REPORTER'],
  READ_AUDIT: ['PROVINCE_ADMIN', 'PROVINCE_VIEWER', 'COMMUNE_OFFICER'],
  KEEP_REGISTRY: ['PROVINCE_ADMIN', 'COMMUNE_OFFICER'],
};

/** The level an area id names, or null when it is not a well-formed area id. */
export const areaLevelOf = levelOf;

export function isTokenRole(role: unknown): role is TokenRole {
  return typeof role === 'string' && (TOKEN_ROLES as readonly string[]).includes(role);
}

/** Why a role/area pair cannot be a caller's identity, or null when it can. */
export function identityProblem(role: unknown, area: unknown): string | null {
  if (!isTokenRole(role)) return `unknown role ${JSON.stringify(role)}`;
  if (typeof area !== 'string' || areaLevelOf(area) === null) return `malformed area ${JSON.stringify(area)}`;
  if (areaLevelOf(area) !== ROLE_LEVEL[role])
    return `role ${role} must be over a ${ROLE_LEVEL[role].toLowerCase()}, not ${area}`;
  return null;
}

/**
 * The path of an area from its id, given its province (which only the registry, or its `area.upserted` events,
 * knows). Null for an id that is not an area id.
 */
export function areaPath(areaId: string, provinceId: string): AreaPath | null {
  const level = areaLevelOf(areaId);
  if (level === null) return null;
  if (level === 'PROVINCE') return { provinceId: areaId };
  if (level === 'COMMUNE') return { provinceId, communeId: areaId };
  const communeId = `C${areaId.slice(1, 6)}`;
  return level === 'VILLAGE' ? { provinceId, communeId, villageId: areaId } : { provinceId, communeId, unitId: areaId };
}

/** The area of the path that a role at `level` would have to be over to cover it, if the path reaches that level. */
function areaAt(path: AreaPath, level: AreaLevel): string | undefined {
  switch (level) {
    case 'PROVINCE':
      return path.provinceId;
    case 'COMMUNE':
      return path.communeId;
    case 'VILLAGE':
      return path.villageId;
    case 'UNIT':
      return path.unitId;
  }
}

/** True when the viewer's area contains the target: a commune covers its villages and units, a province all. */
export function covers(viewer: Viewer, path: AreaPath): boolean {
  if (!isTokenRole(viewer.role) || !viewer.area) return false;
  return areaAt(path, ROLE_LEVEL[viewer.role]) === viewer.area;
}

/** May this viewer take this action on this target? */
export function can(viewer: Viewer, action: Action, path: AreaPath): boolean {
  return isTokenRole(viewer.role) && ALLOWED_ROLES[action].includes(viewer.role) && covers(viewer, path);
}

/** Public aggregates are readable by anyone; per-person data only within the caller's area. */
export function canRead(viewer: Viewer, path: AreaPath, personal: boolean): boolean {
  return !personal || can(viewer, 'READ_PERSONAL', path);
}

const ACTION_WORDS: Record<Action, [vi: string, en: string]> = {
  RECORD_POPULATION: ['cập nhật dân số', 'record population'],
  SUBMIT_REPORT: ['gửi báo cáo', 'submit a report'],
  APPROVE_PERIOD: ['duyệt và khóa kỳ báo cáo', 'approve and lock a reporting period'],
  ISSUE_DIRECTIVE: ['ban hành chỉ đạo', 'issue a directive'],
  EDIT_PLAN: ['sửa kế hoạch', 'edit a plan'],
  IMPORT_STATISTICS: ['nhập số liệu thống kê', 'import statistics'],
  READ_PERSONAL: ['xem dữ liệu cá nhân', 'read personal data'],
  READ_AUDIT: ['xem nhật ký thay đổi', 'read the audit log'],
  KEEP_REGISTRY: ['cập nhật danh sách thôn, đơn vị', 'keep the registry of villages and units'],
};

/** The role/area pairs that would be allowed, e.g. "PROVINCE_ADMIN P23, COMMUNE_OFFICER C02949" (the English part). */
export function neededRoles(action: Action, path: AreaPath): string {
  const pairs = neededPairs(action, path);
  return pairs.length ? pairs.map(([role, area]) => `${role} ${area}`).join(', ') : ALLOWED_ROLES[action].join(', ');
}

function neededPairs(action: Action, path: AreaPath): Array<[TokenRole, string]> {
  return ALLOWED_ROLES[action].flatMap((role): Array<[TokenRole, string]> => {
    const area = areaAt(path, ROLE_LEVEL[role]);
    return area ? [[role, area]] : [];
  });
}

/** The roles as officials name them: no role codes in the Vietnamese part of a message. */
export const ROLE_VI: Record<TokenRole, string> = {
  PROVINCE_ADMIN: 'quản trị cấp tỉnh',
  PROVINCE_VIEWER: 'cán bộ theo dõi cấp tỉnh',
  COMMUNE_OFFICER: 'cán bộ xã',
  VILLAGE_REPORTER: 'người báo cáo của thôn',
  UNIT_REPORTER: 'người báo cáo của đơn vị',
};

/** A role as a heading or a list names it: "Quản trị cấp tỉnh" (ROLE_VI with a capital). */
export function roleTitle(role: string): string {
  const words = isTokenRole(role) ? ROLE_VI[role] : role;
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}

const LEVEL_VI: Record<AreaLevel, string> = { PROVINCE: 'tỉnh', COMMUNE: 'xã', VILLAGE: 'thôn', UNIT: 'đơn vị' };

/** "a, b hoặc c". */
function orList(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} hoặc ${items.at(-1)}`;
}

/** Who may, in words: "quản trị cấp tỉnh (P23) hoặc cán bộ xã (C02949)". */
function neededVi(action: Action, path: AreaPath): string {
  const pairs = neededPairs(action, path);
  return pairs.length
    ? orList(pairs.map(([role, area]) => `${ROLE_VI[role]} (${area})`))
    : orList(ALLOWED_ROLES[action].map((role) => ROLE_VI[role]));
}

function targetOf(path: AreaPath): string {
  return path.unitId ?? path.villageId ?? path.communeId ?? path.provinceId;
}

/** "thôn V02949-08", "xã C02949". */
function targetVi(path: AreaPath): string {
  const id = targetOf(path);
  const level = areaLevelOf(id);
  return level ? `${LEVEL_VI[level]} ${id}` : id;
}

/** Throws UnauthenticatedError for a caller with no identity, before any lookup (anonymous callers never write). */
export function requireIdentity(viewer: Viewer, action: Action): void {
  if (isTokenRole(viewer.role) && viewer.area) return;
  const [vi, en] = ACTION_WORDS[action];
  throw new UnauthenticatedError(
    bilingual(
      `Cần đăng nhập để ${vi}: việc này dành cho ${orList(ALLOWED_ROLES[action].map((role) => ROLE_VI[role]))}`,
      `sign in to ${en}: send a bearer token for one of the roles ${ALLOWED_ROLES[action].join(', ')}`,
    ),
  );
}

/**
 * The one check resolvers call before a write (or a read of per-person data): throws UnauthenticatedError for an
 * anonymous caller and ForbiddenError for a role or area that does not cover the target, each saying what is needed.
 */
export function authorize(viewer: Viewer, action: Action, path: AreaPath): void {
  if (can(viewer, action, path)) return;
  const [vi, en] = ACTION_WORDS[action];
  const needed = neededRoles(action, path);
  const target = targetOf(path);
  if (!isTokenRole(viewer.role) || !viewer.area) {
    throw new UnauthenticatedError(
      bilingual(
        `Cần đăng nhập để ${vi} cho ${targetVi(path)}: việc này dành cho ${neededVi(action, path)}`,
        `sign in to ${en} for ${target}: send a bearer token for one of ${needed}`,
      ),
    );
  }
  const you: Role = viewer.role;
  throw new ForbiddenError(
    bilingual(
      `Không có quyền ${vi} cho ${targetVi(path)}: việc này dành cho ${neededVi(action, path)}; ` +
        `tài khoản này là ${ROLE_VI[you]} (${viewer.area})`,
      `not allowed to ${en} for ${target}: needs ${needed}; you are ${you} ${viewer.area}`,
    ),
  );
}
