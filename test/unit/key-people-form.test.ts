import { checkCertificate, checkPerson, checkRemoval } from '../../gateway/web/src/pages/commune/keyPeopleForm';
import { countLine, formatPhone, phoneDigits, telHref } from '../../shared/pure/key-people';
import { checkCertification, checkKeyPerson, normalizePhone } from '../../subgraphs/plans/key-people';

/**
 * The key people page checks what the API checks, so a clerk reads the problem next to the field before sending:
 * the same phones accepted (as the same digits) and refused, the same names, dates and reasons.
 */
const refusedBy = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as Error).message.replace(/\s*\([^()]*\)$/, '');
  }
};

describe('the key people page checks as the API does', () => {
  it.each([
    '0912345678',
    '0912 345 678',
    '0912.345.678',
    '+84 912 345 678',
    '84912345678',
    '(0255) 3822 123',
    '0255-3822-123',
    '',
    '   ',
    '091234567',
    '09123456789',
    '0112345678',
    '+84 255 3822 123',
    'không có',
    '0612345678',
  ])('phone %j: same digits or same refusal', (raw) => {
    const api = refusedBy(() => normalizePhone(raw));
    const page = checkPerson({ fullName: 'Đinh Văn Thắng', phone: raw, reason: '' }).phone ?? null;
    expect(page).toBe(api);
    if (api === null) expect(phoneDigits(raw) || null).toBe(normalizePhone(raw));
  });

  it.each(['', '   ', '\u200B', 'Đinh Văn Thắng', 'x'.repeat(200), 'x'.repeat(201)])('name %j', (fullName) => {
    const api = refusedBy(() => checkKeyPerson({ fullName }, '2025-11-28'));
    expect(checkPerson({ fullName, phone: '', reason: '' }).fullName ?? null).toBe(api);
  });

  const today = '2025-11-28';
  it.each([
    // date, recorded date, reason
    ['2025-11-20', null, ''],
    ['2025-11-29', null, ''],
    ['2024-12-31', null, ''],
    ['2025-01-01', null, ''],
    ['2025-02-30', null, ''],
    ['2025-11-20', '2025-11-18', ''],
    ['2025-11-20', '2025-11-18', 'Ghi nhầm ngày'],
    ['2025-11-18', '2025-11-18', ''],
  ])('certificate %s (recorded %s, reason %j)', (date, recorded, reason) => {
    const current = { fullName: 'Đinh Văn Thắng', certifiedOn: recorded };
    const api = refusedBy(() => checkCertification(current, date, reason, today, 'trưởng thôn Xà Râu'));
    const page = checkCertificate({ certifiedOn: date, reason }, current, today);
    const first = page.certifiedOn ?? page.reason ?? null;
    // The API says "YYYY-MM-DD" for a date it cannot read; the page's calendar gives no such date, it says to pick one.
    if (date === '2025-02-30') expect([first, api !== null]).toEqual([expect.stringContaining('không hợp lệ'), true]);
    else expect(first).toBe(api);
  });

  it.each(['', 'Ghi nhầm người'])(
    'removing a recorded date, reason %j: a reason is required as the API requires',
    (reason) => {
      const current = { fullName: 'Đinh Văn Thắng', certifiedOn: '2025-11-18' };
      const api = refusedBy(() => checkCertification(current, null, reason, today, 'trưởng thôn Xà Râu'));
      expect(checkRemoval(reason).reason === undefined).toBe(api === null);
      if (api) expect(checkRemoval(reason).reason).toMatch(/phải ghi lý do$/);
    },
  );

  it('an empty date is asked for (the API would read it as removing the date)', () => {
    expect(checkCertificate({ certifiedOn: '', reason: '' }, { fullName: 'A', certifiedOn: null }, today)).toEqual({
      certifiedOn: 'Hãy chọn ngày cấp giấy chứng nhận',
    });
  });

  it('shows phones as people read them, dials them as +84, and counts as the letter does', () => {
    expect(['0912345678', '02553822123'].map(formatPhone)).toEqual(['0912 345 678', '0255 3822 123']);
    expect(telHref('0912345678')).toBe('tel:+84912345678');
    expect(countLine({ certified: 12, required: 14 })).toBe('12/14 có giấy chứng nhận');
  });
});
