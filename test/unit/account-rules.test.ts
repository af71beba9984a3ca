import {
  accountCreationProblem,
  afterFailure,
  FAILED_WINDOW_SECONDS,
  lockedForSeconds,
  normalLogin,
  passwordProblem,
} from '../../subgraphs/registry/account-rules';
import { areaPath, type TokenRole } from '../../shared/pure/auth-rules';

const viewer = (role: TokenRole, area: string) => ({ id: 'x', name: 'x', role, area });
const BA_TO = areaPath('C02949', 'P23')!;
const XA_RAU = areaPath('V02949-08', 'P23')!;
const OTHER_VILLAGE = areaPath('V02762-01', 'P23')!;
const P23 = areaPath('P23', 'P23')!;
const P01 = areaPath('P01', 'P01')!;

describe('who may create which account', () => {
  it.each([
    ['PROVINCE_ADMIN', 'P23', 'PROVINCE_ADMIN', P23, true],
    ['PROVINCE_ADMIN', 'P23', 'COMMUNE_OFFICER', BA_TO, true],
    ['PROVINCE_ADMIN', 'P23', 'VILLAGE_REPORTER', XA_RAU, true],
    ['PROVINCE_ADMIN', 'P23', 'PROVINCE_ADMIN', P01, false],
    ['PROVINCE_VIEWER', 'P23', 'COMMUNE_OFFICER', BA_TO, false],
    ['COMMUNE_OFFICER', 'C02949', 'VILLAGE_REPORTER', XA_RAU, true],
    ['COMMUNE_OFFICER', 'C02949', 'UNIT_REPORTER', areaPath('U02949-01', 'P23')!, true],
    ['COMMUNE_OFFICER', 'C02949', 'VILLAGE_REPORTER', OTHER_VILLAGE, false],
    ['COMMUNE_OFFICER', 'C02949', 'COMMUNE_OFFICER', BA_TO, false],
    ['COMMUNE_OFFICER', 'C02949', 'PROVINCE_ADMIN', P23, false],
    ['VILLAGE_REPORTER', 'V02949-08', 'VILLAGE_REPORTER', XA_RAU, false],
  ] as const)('%s %s creates %s: %s', (role, area, target, path, allowed) => {
    const problem = accountCreationProblem(viewer(role, area), target, path);
    expect(problem === null).toBe(allowed);
    if (problem) expect(problem).not.toMatch(/^[A-Z_]+ /); // Vietnamese first, no role codes in front
  });
});

describe('logins, passwords and lockout', () => {
  it('normalises logins and refuses odd ones', () => {
    expect(normalLogin('  CB.BaTo ')).toBe('cb.bato');
    expect(normalLogin('ab')).toBeNull();
    expect(normalLogin('có dấu')).toBeNull();
  });
  it.each([
    ['', /^Mật khẩu không được để trống/],
    ['        ', /^Mật khẩu không được để trống/], // 8 spaces (accepted before issue 21)
    ['\t\n \u3000  \t  ', /^Mật khẩu không được để trống/],
    ['1234567', /^Mật khẩu phải có ít nhất 8 ký tự/],
    ['ngắn', /^Mật khẩu phải có ít nhất 8 ký tự/],
    ['ệ'.repeat(30), /quá dài/],
    ['12345678', /^Mật khẩu quá phổ biến/],
    ['password', /^Mật khẩu quá phổ biến/],
    ['PassWord1', /^Mật khẩu quá phổ biến/],
    ['Matkhau123', /^Mật khẩu quá phổ biến/],
    ['matkhau 123', /^Mật khẩu quá phổ biến/],
    ['qwertyuiop', /^Mật khẩu quá phổ biến/],
    ['aaaaaaaaaaaa', /^Mật khẩu quá phổ biến/],
    ['ba-to-2025!', null],
    ['mat-khau-du-dai', null],
    ['Xà Râu có 12 hộ', null],
  ])('password %j: %s', (password, problem) => {
    const answer = passwordProblem(password);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toMatch(problem);
  });
  it('locks after five failures within the window, and a stale window starts again', () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    let state = { failed: 0, since: null as Date | null };
    for (let i = 0; i < 5; i += 1) {
      const next = afterFailure(state.failed, state.since, new Date(t0.getTime() + i * 1000));
      state = { failed: next.failed, since: next.since };
    }
    expect(state.failed).toBe(5);
    expect(lockedForSeconds(state.failed, state.since, new Date(t0.getTime() + 60_000))).toBe(
      FAILED_WINDOW_SECONDS - 60,
    );
    expect(lockedForSeconds(state.failed, state.since, new Date(t0.getTime() + FAILED_WINDOW_SECONDS * 1000))).toBe(0);
    expect(afterFailure(5, t0, new Date(t0.getTime() + FAILED_WINDOW_SECONDS * 1000)).failed).toBe(1);
    expect(lockedForSeconds(4, t0, t0)).toBe(0);
  });
});
