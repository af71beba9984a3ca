import { BadInputError, NotFoundError } from '../../shared/pure/errors';
import type { Viewer } from '../../shared/pure/viewer';
import { demoKeyPeople } from '../../subgraphs/plans/demo-key-people';
import {
  certificationSummary,
  effectiveKeyPeople,
  keyPeopleLine,
  keyPeoplePart,
  missingCertifications,
} from '../../subgraphs/plans/key-people-certification';
import {
  certificationDate,
  checkCertification,
  checkKeyPerson,
  nextKeyPerson,
  normalizePhone,
  villageOfCommune,
  visibleKeyPeople,
  type KeyPersonFacts,
} from '../../subgraphs/plans/key-people';
import { formatPhone } from '../../shared/pure/key-people';

const TODAY = '2025-11-28';

const person = (over: Partial<KeyPersonFacts>): KeyPersonFacts => ({
  planId: 'c02949-76',
  planIssuedOn: '2025-10-13',
  villageId: 'V02949-01',
  role: 'VILLAGE_HEAD',
  fullName: 'Đinh Văn Hùng',
  phone: null,
  certifiedOn: null,
  ...over,
});

const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('normalizePhone', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(0255) 3822 123', '02553822123'],
    ['0389-123-456', '0389123456'],
    ['  ', null],
    [null, null],
  ])('%s → %s', (raw, stored) => expect(normalizePhone(raw)).toBe(stored));

  it.each(['12345', '0123456789', '091234567', '09123456789', '0412345678', 'không có', '+1 212 555 0100'])(
    'refuses %s in Vietnamese',
    (raw) => {
      expect(() => normalizePhone(raw)).toThrow(BadInputError);
      expect(message(() => normalizePhone(raw))).toMatch(/^Số điện thoại .* không hợp lệ; hãy nhập số di động/);
    },
  );

  it('prints numbers as people read them', () => {
    expect(formatPhone('0912345678')).toBe('0912 345 678');
    expect(formatPhone('02553822123')).toBe('0255 3822 123');
  });
});

describe('checks of a key person', () => {
  it('cleans the name and refuses an empty or too long one', () => {
    expect(checkKeyPerson({ fullName: '  Đinh   Văn Hùng\u200b ' }, TODAY).fullName).toBe('Đinh Văn Hùng');
    expect(message(() => checkKeyPerson({ fullName: ' \u200b ' }, TODAY))).toMatch(/^Họ và tên không được để trống/);
    expect(() => checkKeyPerson({ fullName: 'a'.repeat(201) }, TODAY)).toThrow(BadInputError);
  });

  it('takes a certification date from the campaign’s start to today', () => {
    expect(certificationDate('2025-11-28', TODAY)).toBe('2025-11-28');
    expect(message(() => certificationDate('2025-11-29', TODAY))).toMatch(/không thể sau hôm nay \(28\/11\/2025\)/);
    expect(message(() => certificationDate('2024-12-31', TODAY))).toMatch(/trước khi bắt đầu phong trào/);
    expect(message(() => certificationDate('2025-02-30', TODAY))).toMatch(/YYYY-MM-DD/);
  });

  it('knows the village (NOT_FOUND) and its commune (BAD_USER_INPUT)', () => {
    const area = { id: 'V02950-01', level: 'VILLAGE' as const, name: 'Thôn 1', provinceId: 'P23', communeId: 'C02950' };
    const baTo = { id: 'C02949', name: 'Ba Tô' };
    expect(() => villageOfCommune(null, 'V02949-99', baTo)).toThrow(NotFoundError);
    expect(message(() => villageOfCommune(area, area.id, baTo))).toMatch(/không thuộc xã Ba Tô/);
    expect(villageOfCommune({ ...area, communeId: 'C02949' }, area.id, baTo).id).toBe(area.id);
  });
});

describe('revisions', () => {
  const checked = (fullName: string, over: Partial<ReturnType<typeof checkKeyPerson>> = {}) => ({
    fullName,
    phone: null,
    certifiedOn: null,
    reason: null,
    ...over,
  });

  it('names, replaces, updates; the same again changes nothing', () => {
    expect(nextKeyPerson(null, checked('A'))).toEqual({ change: 'NAMED', certifiedOn: null });
    const current = person({ fullName: 'A', certifiedOn: '2025-10-20' });
    expect(nextKeyPerson(current, checked('B'))).toEqual({ change: 'REPLACED', certifiedOn: null });
    // the same person keeps the recorded date when another phone is given
    expect(nextKeyPerson(current, checked('A', { phone: '0912345678' }))).toEqual({
      change: 'UPDATED',
      certifiedOn: '2025-10-20',
    });
    expect(nextKeyPerson(current, checked('A'))).toBeNull();
    expect(() => nextKeyPerson(current, checked('A', { certifiedOn: '2025-10-21' }))).toThrow(/phải ghi lý do/);
    expect(nextKeyPerson(current, checked('A', { certifiedOn: '2025-10-21', reason: 'nhầm ngày' }))).toEqual({
      change: 'CORRECTED',
      certifiedOn: '2025-10-21',
    });
  });

  it('records a first date, needs a reason to correct it, ignores the same date', () => {
    const none = person({});
    expect(checkCertification(none, '2025-11-01', null, TODAY, 'x')).toEqual({
      certifiedOn: '2025-11-01',
      reason: null,
      change: 'CERTIFIED',
    });
    const done = person({ certifiedOn: '2025-11-01' });
    expect(checkCertification(done, '2025-11-01', null, TODAY, 'x')).toBeNull();
    expect(message(() => checkCertification(done, '2025-11-02', ' ', TODAY, 'x'))).toMatch(/muốn sửa phải ghi lý do/);
    expect(checkCertification(done, null, 'ghi nhầm người', TODAY, 'x')).toEqual({
      certifiedOn: null,
      reason: 'ghi nhầm người',
      change: 'CORRECTED',
    });
    expect(message(() => checkCertification(null, '2025-11-01', null, TODAY, 'Trưởng thôn Xà Râu'))).toMatch(
      /^Chưa có ai được nhập cho Trưởng thôn Xà Râu/,
    );
    expect(() => checkCertification(none, null, 'x', TODAY, 'x')).toThrow(BadInputError);
  });
});

describe('certification per role', () => {
  const villages = [
    { id: 'V02949-01', name: 'Làng Teng' },
    { id: 'V02949-02', name: 'Làng Mâm' },
  ];
  const people = [
    person({ villageId: 'V02949-01', certifiedOn: '2025-10-20' }),
    person({ villageId: 'V02949-02', fullName: 'Phạm Văn Lâm', certifiedOn: '2025-11-20' }),
    person({ villageId: 'V02949-01', role: 'PARTY_CELL_SECRETARY', certifiedOn: '2025-10-01' }),
    // an older plan's person for the same seat does not count
    person({ villageId: 'V02949-02', planId: 'old', planIssuedOn: '2025-01-01', fullName: 'Cũ', certifiedOn: null }),
    // a village of another commune does not count
    person({ villageId: 'V02950-01', certifiedOn: '2025-10-01' }),
  ];

  it('the newest plan’s person holds the seat', () => {
    expect(effectiveKeyPeople(people).filter((p) => p.villageId === 'V02949-02')).toHaveLength(1);
    expect(effectiveKeyPeople(people).find((p) => p.villageId === 'V02949-02')!.fullName).toBe('Phạm Văn Lâm');
  });

  it('counts required, named and certified (by a date when given)', () => {
    const ids = villages.map((v) => v.id);
    expect(certificationSummary(ids, people)).toEqual([
      { role: 'VILLAGE_HEAD', required: 2, named: 2, certified: 2 },
      { role: 'PARTY_CELL_SECRETARY', required: 2, named: 1, certified: 1 },
      { role: 'FRONT_HEAD', required: 2, named: 0, certified: 0 },
    ]);
    expect(certificationSummary(ids, people, '2025-11-07')[0]).toEqual({
      role: 'VILLAGE_HEAD',
      required: 2,
      named: 2,
      certified: 1,
    });
  });

  it('lists who is missing and says it in one sentence', () => {
    expect(missingCertifications(villages, people, '2025-11-07')).toEqual([
      { villageId: 'V02949-01', villageName: 'Làng Teng', role: 'FRONT_HEAD', fullName: null },
      { villageId: 'V02949-02', villageName: 'Làng Mâm', role: 'VILLAGE_HEAD', fullName: 'Phạm Văn Lâm' },
      { villageId: 'V02949-02', villageName: 'Làng Mâm', role: 'PARTY_CELL_SECRETARY', fullName: null },
      { villageId: 'V02949-02', villageName: 'Làng Mâm', role: 'FRONT_HEAD', fullName: null },
    ]);
    const part = keyPeoplePart(villages, people, '2025-11-07');
    expect(keyPeopleLine(part, false)).toBe(
      'Cán bộ chủ chốt thôn hoàn thành và có giấy chứng nhận: Trưởng thôn 1/2, Bí thư Chi bộ 1/2, Trưởng ban CTMT 0/2.',
    );
    expect(keyPeopleLine(part, true)).toContain(
      '; chưa có: Trưởng ban CTMT Làng Teng (chưa có người đảm nhiệm), Trưởng thôn Làng Mâm (Phạm Văn Lâm),',
    );
  });
});

describe('who sees names and phones', () => {
  const rows = [person({ villageId: 'V02949-01' }), person({ villageId: 'V02949-08' })];
  const area = { provinceId: 'P23', communeId: 'C02949' };
  const as = (role: Viewer['role'], where: string | null): Viewer => ({ id: 'x', name: 'x', role, area: where });
  it.each([
    [as('COMMUNE_OFFICER', 'C02949'), 2],
    [as('PROVINCE_ADMIN', 'P23'), 2],
    [as('PROVINCE_VIEWER', 'P23'), 2],
    [as('VILLAGE_REPORTER', 'V02949-08'), 1],
    [as('COMMUNE_OFFICER', 'C02950'), null],
    [as('PROVINCE_ADMIN', 'P04'), null],
    [as('VILLAGE_REPORTER', 'V02950-08'), null],
    [as('ANONYMOUS', null), null],
  ])('%j sees %s', (viewer, n) => {
    const seen = visibleKeyPeople(viewer, area, rows);
    expect(seen === null ? null : seen.length).toBe(n);
  });
});

describe('the demo', () => {
  it('gives each of Ba Tô’s 14 villages its three key people, most certified, deterministically', () => {
    const demo = demoKeyPeople();
    expect(demoKeyPeople()).toEqual(demo);
    const baTo = demo.filter((k) => k.communeId === 'C02949');
    expect(baTo).toHaveLength(42);
    const current = baTo.map((k) => k.revisions[k.revisions.length - 1]);
    for (const r of current) if (r.phone) expect(normalizePhone(r.phone)).toBe(r.phone);
    for (const r of current)
      if (r.certifiedOn) expect(r.certifiedOn >= '2025-10-10' && r.certifiedOn <= '2025-11-15').toBe(true);
    const certified = current.filter((r) => r.certifiedOn).length;
    expect(certified).toBe(37);
    expect(baTo.some((k) => k.revisions.length > 1)).toBe(true);
  });
});
