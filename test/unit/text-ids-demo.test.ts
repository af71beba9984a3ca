import { foldVietnamese } from '../../shared/pure/text';
import { isIsoDate, todayInVietnam, viDate } from '../../shared/pure/dates';
import { generateDemoData } from '../../subgraphs/registry/demo';
import { levelOf } from '../../shared/pure/ids';

describe('foldVietnamese', () => {
  it.each([
    ['Ba Tô', 'ba to'],
    ['Ba Tơ', 'ba to'],
    ['Đăk Tờ Kan', 'dak to kan'],
    ['  Ngọk   Bay ', 'ngok bay'],
    ['TRƯƠNG QUANG TRỌNG', 'truong quang trong'],
  ])('%s → %s', (input, folded) => expect(foldVietnamese(input)).toBe(folded));
});

describe('dates', () => {
  it.each([
    ['2025-10-26', true],
    ['2025-02-29', false],
    ['2024-02-29', true],
    ['26/10/2025', false],
    ['2025-1-1', false],
  ])('%s valid: %s', (d, valid) => expect(isIsoDate(d)).toBe(valid));
  it('uses the Vietnamese day (UTC+7) and writes dates as dd/mm/yyyy', () => {
    expect(todayInVietnam(new Date('2025-10-25T18:00:00Z'))).toBe('2025-10-26');
    expect(viDate('2025-10-26')).toBe('26/10/2025');
  });
});

describe('area ids', () => {
  it.each([
    ['P23', 'PROVINCE'],
    ['C02949', 'COMMUNE'],
    ['V02949-07', 'VILLAGE'],
    ['U02949-12', 'UNIT'],
    ['C2949', null],
    ['x', null],
  ])('%s is %s', (id, level) => expect(levelOf(id)).toBe(level));
});

describe('generated demo data', () => {
  const communes = [
    { id: 'C02949', code: '02949', name: 'Ba Tô', kind: 'COMMUNE' as const },
    { id: 'C02032', code: '02032', name: 'Ngọk Bay', kind: 'COMMUNE' as const },
    { id: 'C00241', code: '00241', name: 'Nghĩa Lộ', kind: 'WARD' as const },
  ];
  const data = generateDemoData(communes);

  it('gives Ba Tô its 14 villages by former commune and the portal’s 9,412 adults', () => {
    const villages = data.villages.filter((v) => v.communeId === 'C02949');
    const byFormer = villages.reduce<Record<string, string[]>>(
      (acc, v) => ({ ...acc, [v.formerCommune!]: [...(acc[v.formerCommune!] ?? []), v.name] }),
      {},
    );
    expect(Object.fromEntries(Object.entries(byFormer).map(([k, v]) => [k, v.length]))).toEqual({
      'Ba Tô': 7,
      'Ba Nam': 3,
      'Ba Lế': 4,
    });
    expect(byFormer['Ba Nam']).toContain('Xà Râu');
    expect(byFormer['Ba Lế']).toContain('Vả Lế');
    const adults = data.populations
      .filter((p) => villages.some((v) => v.id === p.areaId))
      .reduce((s, p) => s + p.adults, 0);
    expect(adults).toBe(9412);
  });

  it('gives Ngọk Bay 16 villages, wards residential groups, and every village a digital team', () => {
    expect(data.villages.filter((v) => v.communeId === 'C02032')).toHaveLength(16);
    expect(data.villages.filter((v) => v.communeId === 'C00241').every((v) => v.kind === 'RESIDENTIAL_GROUP')).toBe(
      true,
    );
    const teams = data.units.filter((u) => u.type === 'DIGITAL_TEAM');
    expect(teams.map((t) => t.villageId).sort()).toEqual(data.villages.map((v) => v.id).sort());
  });

  it('keeps working age and officials within adults, and is the same on every run', () => {
    for (const p of data.populations) expect(p.workingAge).toBeLessThanOrEqual(p.adults);
    expect(generateDemoData(communes)).toEqual(data);
  });
});
