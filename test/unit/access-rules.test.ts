import {
  ACTIONS,
  areaPath,
  authorize,
  can,
  canRead,
  identityProblem,
  requireIdentity,
  type Action,
  type AreaPath,
  type TokenRole,
} from '../../shared/pure/auth-rules';
import { ForbiddenError, UnauthenticatedError } from '../../shared/pure/errors';
import { ANONYMOUS, type Viewer } from '../../shared/pure/viewer';

const viewer = (role: TokenRole, area: string): Viewer => ({ id: `u:${area}`, name: null, role, area });

// Ba Tô (C02949) is in Quảng Ngãi (P23); Xà Râu village V02949-08 and unit U02949-01 are in Ba Tô.
const VILLAGE: AreaPath = { provinceId: 'P23', communeId: 'C02949', villageId: 'V02949-08' };
const UNIT: AreaPath = { provinceId: 'P23', communeId: 'C02949', unitId: 'U02949-01' };

/** Each role with a target inside its area and one outside it (a neighbour at the same level, or above it). */
const ROLES: Array<{ role: TokenRole; area: string; own: AreaPath; others: AreaPath[] }> = [
  { role: 'PROVINCE_ADMIN', area: 'P23', own: VILLAGE, others: [{ provinceId: 'P04', communeId: 'C00001' }] },
  { role: 'PROVINCE_VIEWER', area: 'P23', own: VILLAGE, others: [{ provinceId: 'P04', communeId: 'C00001' }] },
  {
    role: 'COMMUNE_OFFICER',
    area: 'C02949',
    own: VILLAGE,
    others: [{ provinceId: 'P23', communeId: 'C02762', villageId: 'V02762-01' }, { provinceId: 'P23' }],
  },
  {
    role: 'VILLAGE_REPORTER',
    area: 'V02949-08',
    own: VILLAGE,
    others: [
      { ...VILLAGE, villageId: 'V02949-01' },
      { provinceId: 'P23', communeId: 'C02949' },
    ],
  },
  {
    role: 'UNIT_REPORTER',
    area: 'U02949-01',
    own: UNIT,
    others: [
      { ...UNIT, unitId: 'U02949-02' },
      { provinceId: 'P23', communeId: 'C02949' },
    ],
  },
];

/** The rules table: which actions each role may take inside its own area. Everything else is refused. */
const ALLOWED: Record<TokenRole, Action[]> = {
  PROVINCE_ADMIN: [
    'RECORD_POPULATION',
    'SUBMIT_REPORT',
    'APPROVE_PERIOD',
    'ISSUE_DIRECTIVE',
    'EDIT_PLAN',
    'IMPORT_STATISTICS',
    'READ_PERSONAL',
    'READ_AUDIT',
    'KEEP_REGISTRY',
  ],
  PROVINCE_VIEWER: ['READ_PERSONAL', 'READ_AUDIT'],
  COMMUNE_OFFICER: [
    'RECORD_POPULATION',
    'SUBMIT_REPORT',
    'APPROVE_PERIOD',
    'EDIT_PLAN',
    'IMPORT_STATISTICS',
    'READ_PERSONAL',
    'READ_AUDIT',
    'KEEP_REGISTRY',
  ],
  VILLAGE_REPORTER: ['RECORD_POPULATION', 'SUBMIT_REPORT', 'READ_PERSONAL'],
  UNIT_REPORTER: ['SUBMIT_REPORT', 'READ_PERSONAL'],
};

const cases = ROLES.flatMap(({ role, area, own, others }) =>
  ACTIONS.flatMap((action) => [
    { role, area, action, where: 'own area', path: own, allowed: ALLOWED[role].includes(action) },
    ...others.map((path, i) => ({ role, area, action, where: `outside (${i + 1})`, path, allowed: false })),
  ]),
);

describe('who may do what', () => {
  it.each(cases)('$role $area, $action in $where → allowed: $allowed', ({ role, area, action, path, allowed }) => {
    const v = viewer(role, area);
    expect(can(v, action, path)).toBe(allowed);
    if (allowed) expect(() => authorize(v, action, path)).not.toThrow();
    else expect(() => authorize(v, action, path)).toThrow(ForbiddenError);
  });

  it.each(ACTIONS)('refuses an anonymous caller %s with UNAUTHENTICATED', (action) => {
    expect(can(ANONYMOUS, action, VILLAGE)).toBe(false);
    expect(() => authorize(ANONYMOUS, action, VILLAGE)).toThrow(UnauthenticatedError);
    expect(() => requireIdentity(ANONYMOUS, action)).toThrow(UnauthenticatedError);
    expect(() => requireIdentity(viewer('PROVINCE_VIEWER', 'P23'), action)).not.toThrow();
  });

  it('says which role and area were needed, Vietnamese first', () => {
    expect(() => authorize(viewer('VILLAGE_REPORTER', 'V02949-01'), 'RECORD_POPULATION', VILLAGE)).toThrow(
      /^Không có quyền cập nhật dân số cho thôn V02949-08: việc này dành cho quản trị cấp tỉnh \(P23\), cán bộ xã \(C02949\) hoặc người báo cáo của thôn \(V02949-08\); tài khoản này là người báo cáo của thôn \(V02949-01\) \(not allowed.*needs PROVINCE_ADMIN P23, COMMUNE_OFFICER C02949, VILLAGE_REPORTER V02949-08; you are VILLAGE_REPORTER V02949-01/,
    );
    expect(() => authorize(viewer('PROVINCE_VIEWER', 'P23'), 'ISSUE_DIRECTIVE', { provinceId: 'P23' })).toThrow(
      /việc này dành cho quản trị cấp tỉnh \(P23\)/,
    );
  });

  it('keeps public aggregates readable by anyone and per-person data within the area', () => {
    expect(canRead(ANONYMOUS, VILLAGE, false)).toBe(true);
    expect(canRead(ANONYMOUS, VILLAGE, true)).toBe(false);
    expect(canRead(viewer('COMMUNE_OFFICER', 'C02949'), VILLAGE, true)).toBe(true);
    expect(canRead(viewer('COMMUNE_OFFICER', 'C02762'), VILLAGE, true)).toBe(false);
  });

  it('never lets a viewer with an unknown role or no area act', () => {
    const forged = { id: 'x', name: null, role: 'SUPERUSER', area: 'P23' } as unknown as Viewer;
    expect(ACTIONS.some((a) => can(forged, a, VILLAGE))).toBe(false);
    expect(ACTIONS.some((a) => can({ ...viewer('PROVINCE_ADMIN', 'P23'), area: null }, a, VILLAGE))).toBe(false);
  });
});

describe('identities and paths', () => {
  it.each([
    ['PROVINCE_ADMIN', 'P23', null],
    ['COMMUNE_OFFICER', 'C02949', null],
    ['VILLAGE_REPORTER', 'V02949-08', null],
    ['UNIT_REPORTER', 'U02949-01', null],
    ['ADMIN', 'P23', /unknown role/],
    [undefined, 'P23', /unknown role/],
    ['COMMUNE_OFFICER', 'Ba Tô', /malformed area/],
    ['COMMUNE_OFFICER', 42, /malformed area/],
    ['COMMUNE_OFFICER', 'P23', /must be over a commune/],
    ['VILLAGE_REPORTER', 'C02949', /must be over a village/],
  ])('role %p over %p', (role, area, problem) => {
    const found = identityProblem(role, area);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('derives the commune of a village or unit from its id', () => {
    expect(areaPath('V02949-08', 'P23')).toEqual(VILLAGE);
    expect(areaPath('U02949-01', 'P23')).toEqual(UNIT);
    expect(areaPath('C02949', 'P23')).toEqual({ provinceId: 'P23', communeId: 'C02949' });
    expect(areaPath('P23', 'ignored')).toEqual({ provinceId: 'P23' });
    expect(areaPath('nope', 'P23')).toBeNull();
  });
});
