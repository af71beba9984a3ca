import { BadInputError } from '../../shared/pure/errors';
import {
  checkClose,
  checkEffectiveOn,
  checkName,
  checkNameFree,
  checkOpen,
  checkReason,
  checkStaff,
  nextAreaNumber,
  staffInForce,
} from '../../subgraphs/registry/keeping-rules';
import { parseUnitList } from '../../subgraphs/registry/unit-list';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BadInputError);
    return (e as Error).message;
  }
  throw new Error('not refused');
};

describe('keeping the registry: the rules', () => {
  it('trims a name and refuses an empty or over-long one', () => {
    expect(checkName('  Thôn   Mới ', 'VILLAGE')).toBe('Thôn Mới');
    expect(refusal(() => checkName('  ', 'UNIT'))).toContain('Hãy nhập tên cơ quan, đơn vị');
    expect(refusal(() => checkName('x'.repeat(101), 'VILLAGE'))).toContain('tối đa 100 ký tự');
    expect(checkName('x'.repeat(200), 'UNIT')).toHaveLength(200);
  });

  it('refuses a name an open area of the commune has, exactly (case and accents count), but not its own or a closed one', () => {
    const others = [
      { id: 'U02949-01', name: 'Trường Mầm non Ba Tô', closedOn: null },
      { id: 'U02949-02', name: 'Trạm Y tế', closedOn: '2026-01-01' },
    ];
    expect(refusal(() => checkNameFree('Trường Mầm non Ba Tô', 'UNIT', others))).toContain('(mã U02949-01)');
    expect(() => checkNameFree('trường mầm non Ba Tô', 'UNIT', others)).not.toThrow();
    expect(() => checkNameFree('Trường Mầm non Ba To', 'UNIT', others)).not.toThrow();
    expect(() => checkNameFree('Trạm Y tế', 'UNIT', others)).not.toThrow();
    expect(() => checkNameFree('Trường Mầm non Ba Tô', 'UNIT', others, 'U02949-01')).not.toThrow();
  });

  it('takes a date up to today in Vietnam, never in the future or malformed', () => {
    expect(checkEffectiveOn('2026-12-08', '2026-12-08')).toBe('2026-12-08');
    expect(refusal(() => checkEffectiveOn('2026-12-09', '2026-12-08'))).toContain('09/12/2026 ở tương lai');
    expect(refusal(() => checkEffectiveOn('2026-02-30', '2026-12-08'))).toContain('không hợp lệ');
  });

  it('refuses staff below the certified count of the latest report, negative or fractional', () => {
    expect(checkStaff(4, { count: 4, reportDate: '2026-12-04' })).toBe(4);
    expect(refusal(() => checkStaff(3, { count: 4, reportDate: '2026-12-04' }))).toContain(
      'Biên chế 3 thấp hơn số người đã được chứng nhận (4) theo báo cáo ngày 04/12/2026',
    );
    expect(refusal(() => checkStaff(-1, null))).toContain('số nguyên không âm');
    expect(refusal(() => checkStaff(2.5, null))).toContain('số nguyên không âm');
    expect(checkStaff(0, null)).toBe(0);
  });

  it('asks for a reason of 3 to 500 characters', () => {
    expect(checkReason('  Rà soát ')).toBe('Rà soát');
    expect(refusal(() => checkReason(' a '))).toContain('Hãy ghi lý do');
    expect(refusal(() => checkReason('x'.repeat(501)))).toContain('tối đa 500');
  });

  it('closes not before the last report (on its day is fine) and not twice; a closed area is not changed', () => {
    expect(() => checkClose('UNIT', '2026-12-04', null, '2026-12-04')).not.toThrow();
    expect(() => checkClose('UNIT', '2026-12-04', null, null)).not.toThrow();
    expect(refusal(() => checkClose('UNIT', '2026-12-03', null, '2026-12-04'))).toContain(
      'đã có báo cáo ngày 04/12/2026',
    );
    expect(refusal(() => checkClose('VILLAGE', '2026-12-05', '2026-12-01', null))).toContain('đã giải thể');
    expect(refusal(() => checkOpen('UNIT', '2026-12-01'))).toContain('không sửa được nữa');
  });

  it('numbers a new area one past the highest of the commune, closed ones included', () => {
    expect(nextAreaNumber(['U02949-01', 'U02949-07', 'U02949-03'])).toBe(8);
    expect(nextAreaNumber([])).toBe(1);
  });

  it('takes the staff in force: the latest effective date on or before the day, the latest recorded among equals', () => {
    const revisions = [
      { id: 1, staff: 20, effectiveOn: '2026-01-01' },
      { id: 3, staff: 30, effectiveOn: '2026-06-01' },
      { id: 2, staff: 25, effectiveOn: '2026-06-01' },
      { id: 4, staff: 50, effectiveOn: '2026-12-01' },
    ];
    expect(staffInForce(revisions, '2026-07-01', 0)).toBe(30);
    expect(staffInForce(revisions, '2026-12-08', 0)).toBe(50);
    expect(staffInForce(revisions, '2025-12-31', 17)).toBe(17);
  });
});

describe('a unit list from a CSV file', () => {
  const today = '2026-12-08';
  it('reads Vietnamese headers and types in any case or accents, semicolons, dd/mm/yyyy, a missing date as today', () => {
    const csv =
      '\uFEFFTên đơn vị;Loại;Biên chế;Ngày có hiệu lực\nTrường THCS Thử;truong hoc;1.024;01/12/2026\nCông an xã;POLICE;12;\n';
    expect(parseUnitList(csv, today)).toEqual([
      { line: 2, unit: { name: 'Trường THCS Thử', type: 'SCHOOL', staff: 1024, effectiveOn: '2026-12-01' } },
      { line: 3, unit: { name: 'Công an xã', type: 'POLICE', staff: 12, effectiveOn: today } },
    ]);
  });

  it('refuses with the row number: an unknown type, a staff that is not a whole number, a bad date, a repeated name', () => {
    const head = 'name,type,staff,date\n';
    expect(refusal(() => parseUnitList(`${head}A,Trường,5,\n`, today))).toContain('Dòng 2: loại đơn vị "Trường"');
    expect(refusal(() => parseUnitList(`${head}A,SCHOOL,5,\nB,SCHOOL,-3,\n`, today))).toContain(
      'Dòng 3: biên chế "-3" phải là số nguyên không âm',
    );
    expect(refusal(() => parseUnitList(`${head}A,SCHOOL,5,31/02/2026\n`, today))).toContain(
      'Dòng 2: ngày "31/02/2026"',
    );
    expect(refusal(() => parseUnitList(`${head}A,SCHOOL,5,\nA,HEALTH,3,\n`, today))).toContain(
      'Dòng 3: tên "A" trùng với dòng 2',
    );
    expect(refusal(() => parseUnitList('Tên,Số người\nA,5\n', today))).toContain('phải có các cột');
    expect(refusal(() => parseUnitList('name,type,staff\n', today))).toContain('không có đơn vị nào');
  });
});
