import { FORM_ACCESS_REFUSED, forOfficials, withoutEnglish } from '../../gateway/web/src/words';

describe('API messages as officials read them', () => {
  it('drops the English tail and keeps Vietnamese or id parentheses', () => {
    expect(withoutEnglish('Mã truy cập đã hết hạn; hãy lấy mã mới (token expired; get a new one)')).toBe(
      'Mã truy cập đã hết hạn; hãy lấy mã mới',
    );
    expect(withoutEnglish('Số quá lớn (tối đa 30 ngày)')).toBe('Số quá lớn (tối đa 30 ngày)');
    expect(withoutEnglish('Không tìm thấy thôn (V02949-08)')).toBe('Không tìm thấy thôn (V02949-08)');
  });

  it('turns refused access into advice, with no role names or headers', () => {
    const forbidden = {
      message:
        'Không có quyền gửi báo cáo cho thôn V02949-08: việc này dành cho người báo cáo của thôn (V02949-08); ' +
        'tài khoản này là người báo cáo của thôn (V02949-01) (not allowed)',
      extensions: { code: 'FORBIDDEN' },
    };
    expect(forOfficials(forbidden, FORM_ACCESS_REFUSED)).toBe(FORM_ACCESS_REFUSED);
    expect(forOfficials({ message: 'x (token expired)', extensions: { code: 'UNAUTHENTICATED' } }, 'A')).toBe('A');
    // A refusal that is not about access keeps its own (Vietnamese) reason.
    const locked = {
      message: 'Kỳ báo cáo ngày 05/12/2025 đã được duyệt (the period is approved)',
      extensions: { code: 'FORBIDDEN' },
    };
    expect(forOfficials(locked, 'A')).toBe('Kỳ báo cáo ngày 05/12/2025 đã được duyệt');
  });
});
