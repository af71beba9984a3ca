import { BadInputError } from '../../shared/pure/errors';
import type { TargetData } from '../../shared/vocabulary/model';
import { DEMO_DIRECTIVES } from '../../subgraphs/directives/demo';
import { checkDirectiveNumber, validateDirectiveContent } from '../../subgraphs/directives/validation';

/** Directive numbers of the letters' form, issue dates not in the future, deadlines not decades away (issue 21). */
const TODAY = '2025-12-07';

function refusal(fn: () => unknown): { field: string | undefined; message: string } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof BadInputError)) throw e;
    return { field: e.field, message: e.message };
  }
}

describe('checkDirectiveNumber', () => {
  it.each([
    ['125/KH-UBND', '125/KH-UBND'],
    ['2027/SKHCN-BCVT&CĐS', '2027/SKHCN-BCVT&CĐS'],
    ['959/SKHCN-BCVT&CNTT', '959/SKHCN-BCVT&CNTT'],
    ['489/UBND', '489/UBND'],
    ['91/PC-VHXH', '91/PC-VHXH'],
    ['12/2025/QĐ-UBND', '12/2025/QĐ-UBND'],
    ['368-KH/TU', '368-KH/TU'],
    [' 34 / kh-ubnd ', '34/KH-UBND'],
  ])('takes %j as %j', (raw, number) => expect(checkDirectiveNumber(raw)).toBe(number));

  it.each([
    ['!!!'],
    ['KH-UBND'],
    ['125/'],
    ['/KH-UBND'],
    ['125/KH--UBND'],
    ['125/KH UBND'],
    ['1234567/KH'],
    ['125/KH-UBND!'],
    [''],
  ])('refuses %j with a message showing the form', (raw) => {
    const r = refusal(() => checkDirectiveNumber(raw));
    expect(r?.field).toBe('number');
    expect(r?.message).toMatch(/^Số văn bản .*(không đúng dạng|không được để trống)/);
  });
});

describe('validateDirectiveContent dates', () => {
  const base = DEMO_DIRECTIVES.find((d) => d.targets.length > 0 && d.reportingDeadlines.length === 0)!;
  /** A target as an API caller may send it, values outside the types included. */
  const target = (over: object): TargetData => Object.assign({}, base.targets[0], over);
  it.each([
    ['an issue date in 2030', { issuedOn: '2030-01-01' }, 'issuedOn', /^Ngày ban hành \(01\/01\/2030\) ở tương lai/],
    ['an issue date tomorrow', { issuedOn: '2025-12-08' }, 'issuedOn', /ở tương lai/],
    ['a target due in 2099', { targets: [{ ...base.targets[0], dueOn: '2099-12-31' }] }, 'targets[0].dueOn', /quá xa/],
    [
      'a campaign period ending in 2080',
      { campaignPeriods: [{ name: 'Đợt 1', startsOn: '2025-07-01', endsOn: '2080-01-01' }] },
      'campaignPeriods[0].endsOn',
      /quá xa/,
    ],
    ['the number !!!', { number: '!!!' }, 'number', /không đúng dạng/],
    [
      'school levels on a target about residents',
      { targets: [target({ group: 'RESIDENTS', studentLevels: ['PRIMARY'] })] },
      'targets[0].studentLevels',
      /^Chỉ chọn cấp học cho chỉ tiêu về học sinh/,
    ],
    [
      'an unknown school level',
      { targets: [target({ group: 'STUDENTS', studentLevels: ['COLLEGE'] })] },
      'targets[0].studentLevels',
      /^Cấp học không hợp lệ/,
    ],
    [
      'a citation of 201 characters',
      { targets: [target({ citation: 'x'.repeat(201) })] },
      'targets[0].citation',
      /^Trích dẫn văn bản dài quá 200 ký tự/,
    ],
  ])('refuses %s', (_label, over, field, message) => {
    const r = refusal(() => validateDirectiveContent({ ...base, ...over }, TODAY));
    expect(r?.field).toBe(field);
    expect(r?.message).toMatch(message);
  });

  it('takes today, a target due ten years on, and every demo directive', () => {
    expect(validateDirectiveContent({ ...base, issuedOn: TODAY, targets: [] }, TODAY).issuedOn).toBe(TODAY);
    expect(() =>
      validateDirectiveContent({ ...base, targets: [{ ...base.targets[0], dueOn: '2035-12-31' }] }, TODAY),
    ).not.toThrow();
    for (const d of DEMO_DIRECTIVES) expect(() => validateDirectiveContent(d, TODAY)).not.toThrow();
  });
});
