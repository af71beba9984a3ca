import { vietnameseFirst } from '../../shared/coercion-messages';

describe('graphql-js type errors get a Vietnamese sentence first', () => {
  it.each([
    [
      'Variable "$input" got invalid value 1.5 at "input.groups[0].registered"; Int cannot represent non-integer value: 1.5',
      'Giá trị 1.5 của "input.groups[0].registered" không hợp lệ: phải là số nguyên (',
    ],
    [
      'Variable "$input" got invalid value 1099511627776 at "input.groups[0].registered"; Int cannot represent non 32-bit signed integer value: 1099511627776',
      'Giá trị 1099511627776 của "input.groups[0].registered" không hợp lệ: phải là số nguyên không quá 2.147.483.647 (',
    ],
    [
      'Variable "$input" got invalid value "FOO" at "input.groups[0].group"; Value "FOO" does not exist in "PopulationGroup" enum.',
      'Giá trị "FOO" của "input.groups[0].group" không hợp lệ: "FOO" không phải là giá trị được phép của PopulationGroup (',
    ],
    [
      'Variable "$input" got invalid value { reporterId: "V1" }; Field "reportDate" of required type "Date!" was not provided.',
      'Giá trị { reporterId: "V1" } của "input" không hợp lệ: thiếu trường bắt buộc "reportDate" (Date!) (',
    ],
    [
      'Variable "$input" got invalid value { foo: 1 }; Field "foo" is not defined by type "UnitReportInput".',
      'Giá trị { foo: 1 } của "input" không hợp lệ: không có trường "foo" trong UnitReportInput (',
    ],
    [
      'Variable "$input" got invalid value "2025-13-01" at "input.reportDate"; Ngày không hợp lệ: "2025-13-01"; hãy nhập theo dạng YYYY-MM-DD (invalid date)',
      'Giá trị "2025-13-01" của "input.reportDate" không hợp lệ: Ngày không hợp lệ: "2025-13-01"; hãy nhập theo dạng YYYY-MM-DD (',
    ],
    ['Variable "$area" of required type "ID!" was not provided.', 'Thiếu giá trị bắt buộc "area" (ID!) ('],
    ['Variable "$area" of non-null type "ID!" must not be null.', '"area" không được để trống (ID!) ('],
    [
      'Expected value of type "Int", found 1.5; Int cannot represent non-integer value: 1.5',
      'Giá trị 1.5 không hợp lệ: phải là số nguyên (',
    ],
    ['Int cannot represent non-integer value: 1.5', 'Giá trị không hợp lệ: phải là số nguyên ('],
    [
      'Field "commune" argument "id" of type "ID!" is required, but it was not provided.',
      'Thiếu tham số bắt buộc "id" của "commune" (ID!) (',
    ],
  ])('%s', (english, vietnamese) => {
    const out = vietnameseFirst(english);
    expect(out.startsWith(vietnamese)).toBe(true);
    expect(out.endsWith(`(${english})`)).toBe(true);
  });

  it.each([
    'Không tìm thấy xã có mã "C9" (no commune has id C9)',
    'Cannot query field "foo" on type "Query".',
    'Lỗi hệ thống; vui lòng thử lại sau (internal error)',
  ])('leaves other messages alone: %s', (message) => expect(vietnameseFirst(message)).toBe(message));
});
