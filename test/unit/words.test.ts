import { ApiError } from '../../gateway/web/src/api';
import { FORM_ACCESS_REFUSED, forOfficials, problemFor, withoutEnglish } from '../../gateway/web/src/words';

describe('API messages as officials read them', () => {
  it('drops the English tail and keeps Vietnamese or id parentheses', () => {
    expect(withoutEnglish('Mã truy cập đã hết hạn; hãy lấy mã mới (token expired; get a new one)')).toBe(
      'Mã truy cập đã hết hạn; hãy lấy mã mới',
    );
    expect(withoutEnglish('Số quá lớn (tối đa 30 ngày)')).toBe('Số quá lớn (tối đa 30 ngày)');
    expect(withoutEnglish('Không tìm thấy thôn (V02949-08)')).toBe('Không tìm thấy thôn (V02949-08)');
  });

  it.each([
    // Parentheses in the Vietnamese part stay (the account pages used to cut at the first one).
    ['Mật khẩu quá dài (tối đa 72 byte) (the password is longer than 72 bytes)', 'Mật khẩu quá dài (tối đa 72 byte)'],
    [
      'Họ và tên không được để trống (tối đa 200 ký tự) (a name is required)',
      'Họ và tên không được để trống (tối đa 200 ký tự)',
    ],
    // An en dash or nested parentheses in the English part (the old rule allowed ASCII only, and kept these).
    [
      'Tên đăng nhập gồm 3–60 chữ cái không dấu (the login is 3–60 letters, digits, dots, dashes or underscores)',
      'Tên đăng nhập gồm 3–60 chữ cái không dấu',
    ],
    [
      'Xà Râu (V02949-08) không thuộc xã Ba Vì (V02949-08 belongs to another commune (C02949), not C02950)',
      'Xà Râu (V02949-08) không thuộc xã Ba Vì',
    ],
    // Vietnamese words in plain ASCII ("tin", "cho") do not make a Vietnamese group English.
    ['Hãy gửi lại (thông tin cho xã)', 'Hãy gửi lại (thông tin cho xã)'],
    ['Không có tail', 'Không có tail'],
  ])('%s → %s', (message, shown) => expect(withoutEnglish(message)).toBe(shown));

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

  it('gives the words of the code when the API’s message has no Vietnamese (graphql-js, the HTTP layer)', () => {
    const parse = { message: 'Syntax Error: Unexpected Name "quer".', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(forOfficials(parse, 'A')).toBe('Yêu cầu không hợp lệ (lỗi cú pháp).');
    // An unknown code keeps the message: the table does not guess.
    expect(forOfficials({ message: 'Odd failure', extensions: { code: 'ODD' } }, 'A')).toBe('Odd failure');
  });
});

describe('a refused action as a page says it', () => {
  it('keeps each message’s Vietnamese and drops its English tail, or says what to do when the API was not reached', () => {
    const refused = new ApiError([
      {
        message: 'Báo cáo đã được tiếp nhận, không trả lại được (a ACCEPTED report cannot be returned)',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(problemFor(refused, 'Không gửi được')).toBe('Báo cáo đã được tiếp nhận, không trả lại được');
    expect(problemFor(new TypeError('Failed to fetch'), 'Không gửi được: kiểm tra mạng.')).toBe(
      'Không gửi được: kiểm tra mạng.',
    );
  });
});
