/**
 * The rules of shared/pure, which the server and the pages both import: no database, no browser. (Dates and weeks:
 * week.test.ts; the key people checks side by side with the API's: key-people-form.test.ts.)
 */
import { roleTitle, ROLE_VI, TOKEN_ROLES } from '../../shared/pure/auth-rules';
import { backoff } from '../../shared/pure/backoff';
import { daysBetween, isoWeekday, todayInVietnam } from '../../shared/pure/dates';
import { ERROR_CODES, httpStatusOf, isErrorCode } from '../../shared/pure/error-codes';
import { DomainError } from '../../shared/pure/errors';
import {
  certificationDateProblem,
  countLine,
  formatPhone,
  nameProblem,
  phoneDigits,
  reasonProblem,
  telHref,
} from '../../shared/pure/key-people';
import { levelWord, meetsTarget, targetTableRow } from '../../shared/pure/targets';
import { foldVietnamese, hasVietnamese } from '../../shared/pure/text';
import {
  COMMUNE_KIND_VI,
  GROUP_VI,
  groupInSentence,
  INDICATOR_VI,
  INDICATORS,
  POPULATION_GROUPS,
  REPORTING_STATE_VI,
  wordsFor,
} from '../../shared/pure/values';

describe('backoff', () => {
  it.each([
    [1, 500],
    [2, 1000],
    [3, 2000],
    [4, 4000],
    [5, 5000],
    [60, 5000],
    [1e6, 5000],
    [0, 500],
  ])('attempt %d waits %d ms (500 ms doubling, at most 5 s)', (attempt, ms) => {
    expect(backoff(attempt, { firstMs: 500, maxMs: 5000 })).toBe(ms);
  });

  it('keeps the waits the hub had: the pages’ live connection, the outbox, the launcher', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => backoff(a + 1, { firstMs: 1000, maxMs: 15_000 }))).toEqual([
      1000, 2000, 4000, 8000, 15_000, 15_000,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((a) => backoff(a, { firstMs: 15_000, maxMs: 300_000 }))).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000, 300_000,
    ]);
    expect(backoff(3, { firstMs: 250, maxMs: 8000, factor: 3 })).toBe(2250);
  });
});

describe('one calendar', () => {
  it('today in Vietnam is UTC+7 whatever the device’s zone', () => {
    expect(todayInVietnam(new Date('2025-11-27T16:59:59Z'))).toBe('2025-11-27');
    expect(todayInVietnam(new Date('2025-11-27T17:00:00Z'))).toBe('2025-11-28');
  });

  it('numbers weekdays as the API does (1 = Monday … 7 = Sunday) and counts whole days', () => {
    expect(['2025-12-01', '2025-12-05', '2025-12-07'].map(isoWeekday)).toEqual([1, 5, 7]);
    expect(daysBetween('2025-12-29', '2026-01-02')).toBe(4);
  });
});

describe('one table of error codes', () => {
  it('has every code a domain error throws, with its HTTP status and Vietnamese words', () => {
    for (const code of ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'RATE_LIMITED'])
      expect(isErrorCode(new DomainError(code as never, 'x').code)).toBe(true);
    expect(Object.keys(ERROR_CODES)).toHaveLength(15);
    for (const facts of Object.values(ERROR_CODES)) expect(hasVietnamese(facts.vi)).toBe(true);
  });

  it.each([
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['BAD_USER_INPUT', 400],
    ['RATE_LIMITED', 429],
    ['SERVICE_UNAVAILABLE', 503],
    ['SOMETHING_NEW', 500],
    [undefined, 500],
  ])('%s answers HTTP %d', (code, status) => expect(httpStatusOf(code)).toBe(status));
});

describe('value words', () => {
  it('names every value of a set', () => {
    for (const g of POPULATION_GROUPS) expect(GROUP_VI[g]).toBeTruthy();
    for (const i of INDICATORS) expect(INDICATOR_VI[i]).toBeTruthy();
  });

  it('writes a group inside a sentence in lower case, and an unknown value as itself', () => {
    expect(groupInSentence('OFFICIALS')).toBe('cán bộ, công chức, viên chức');
    expect(wordsFor(REPORTING_STATE_VI, 'LATE')).toBe('Gửi số liệu trễ hạn');
    expect(wordsFor(COMMUNE_KIND_VI, 'TOWNSHIP')).toBe('TOWNSHIP');
    expect(wordsFor(COMMUNE_KIND_VI, null)).toBe('');
    expect(wordsFor(COMMUNE_KIND_VI, 'toString')).toBe('toString');
  });

  it('names roles in sentences and, capitalised, in lists', () => {
    for (const role of TOKEN_ROLES) expect(roleTitle(role).toLocaleLowerCase('vi')).toBe(ROLE_VI[role]);
    expect(roleTitle('PROVINCE_ADMIN')).toBe('Quản trị cấp tỉnh');
  });
});

describe('the target rule', () => {
  it.each([
    [0.8, { threshold: 0.8 }, true],
    [0.79, { threshold: 0.8 }, false],
    [0.5, { threshold: 0.5, strict: true }, false],
    [0.51, { threshold: 0.5, strict: true }, true],
  ])('%d against %j meets it: %s', (value, target, met) => expect(meetsTarget(value, target)).toBe(met));

  it('says "trên" for "over" and "≥" for "at least"', () => {
    expect([levelWord({ threshold: 0.5, strict: true }), levelWord({ threshold: 0.8 })]).toEqual(['trên', '≥']);
  });
});

describe('a targets table row, as the .docx and the printable page both write it', () => {
  it.each([
    [
      {
        indicator: 'JOINED',
        group: 'RESIDENTS',
        threshold: 0.7,
        dueOn: '2025-12-31',
        document: '76/KH-UBND',
        value: 0.1752,
        status: 'AT_RISK',
      },
      ['Người dân tham gia khóa học', '≥ 70,00%', '31/12/2025', '76/KH-UBND', '17,52%', 'Có nguy cơ không đạt'],
    ],
    [
      {
        indicator: 'CERTIFIED',
        group: 'OFFICIALS',
        threshold: 0.9,
        dueOn: '2025-12-31',
        document: 'UBND-VHXH 10/2025',
        demo: true,
        value: 1,
        status: 'MET',
      },
      [
        'Cán bộ, công chức, viên chức được cấp chứng nhận',
        '≥ 90,00%',
        '31/12/2025',
        'UBND-VHXH 10/2025 (dữ liệu minh họa)',
        '100,00%',
        'Đã đạt',
      ],
    ],
    [
      {
        indicator: 'DIGITAL_SIGNATURE',
        group: 'RESIDENTS',
        threshold: 0.5,
        strict: true,
        dueOn: '2025-12-31',
        document: null,
        value: null,
        status: 'NOT_MEASURED',
      },
      [
        'Người dân có chữ ký số / chữ ký điện tử',
        'trên 50,00%',
        '31/12/2025',
        'chưa rõ số văn bản',
        '—',
        'Chưa đo được',
      ],
    ],
  ] as const)('%j', (t, cells) => expect(targetTableRow(t)).toEqual(cells));
});

describe('the key people checks', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['(0255) 3822 123', '02553822123'],
    ['  ', ''],
    ['091234567', null],
  ])('phone %j → %j', (raw, digits) => expect(phoneDigits(raw)).toBe(digits));

  it('formats and dials phones, counts certificates', () => {
    expect(formatPhone('02553822123')).toBe('0255 3822 123');
    expect(telHref('0912345678')).toBe('tel:+84912345678');
    expect(countLine({ certified: 12, required: 14 })).toBe('12/14 có giấy chứng nhận');
  });

  it('refuses blank or long names and reasons, and certificate dates outside the campaign', () => {
    expect(nameProblem('\u200B')?.vi).toBe('Họ và tên không được để trống');
    expect(nameProblem('Đinh Văn Thắng')).toBeNull();
    expect(reasonProblem('x'.repeat(501))?.vi).toBe('Lý do dài quá 500 ký tự');
    expect(certificationDateProblem('2025-11-29', '2025-11-28')?.vi).toMatch(/không thể sau hôm nay \(28\/11\/2025\)/);
    expect(certificationDateProblem('2024-12-31', '2025-11-28')?.vi).toMatch(/trước khi bắt đầu phong trào/);
    expect(certificationDateProblem('2025-11-28', '2025-11-28')).toBeNull();
  });
});

describe('text', () => {
  it('folds Vietnamese for search and knows Vietnamese letters', () => {
    expect(foldVietnamese('  Ba  Tơ ')).toBe('ba to');
    expect(foldVietnamese('Đặc khu Lý Sơn')).toBe('dac khu ly son');
    expect([hasVietnamese('Không tìm thấy'), hasVietnamese('not found (V02949-08)')]).toEqual([true, false]);
  });
});
