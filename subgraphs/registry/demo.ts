/**
 * Demo data for Quảng Ngãi. No public list names villages, units or population figures, so these are GENERATED
 * (every row is marked demo = true), deterministically from each commune's code so that every run gives the same
 * figures. What the seed letters state is kept: Ba Tô's 14 villages by former commune (7 Ba Tô, 3 Ba Nam with
 * Xà Râu, 4 Ba Lế with Vả Lế) and its ~9,412 adults (the portal's denominator), and Ngọk Bay's 16 villages.
 * Plain data in, plain data out: no ORM here.
 */
import { unitId, villageId } from '../../shared/pure/ids';
import { seededRandom } from '../common/random';
import { COMMUNE_KIND_VI, type CommuneKindName } from '../../shared/pure/values';

export type DemoCommuneKind = CommuneKindName;

export interface DemoCommune {
  id: string;
  code: string;
  name: string;
  kind: DemoCommuneKind;
}

export interface DemoVillage {
  id: string;
  communeId: string;
  name: string;
  kind: 'VILLAGE' | 'RESIDENTIAL_GROUP';
  formerCommune: string | null;
}

export interface DemoUnit {
  id: string;
  communeId: string;
  villageId: string | null;
  name: string;
  type: string;
  staff: number;
}

export interface DemoPopulation {
  areaId: string;
  areaLevel: 'VILLAGE';
  asOf: string;
  adults: number;
  workingAge: number;
  households: number;
  students: number;
}

export interface DemoData {
  villages: DemoVillage[];
  units: DemoUnit[];
  populations: DemoPopulation[];
}

/** The date of the generated population figures: the day the merged communes started. */
export const DEMO_POPULATION_DATE = '2025-07-01';
export const DEMO_REASON = 'Số liệu mẫu do hệ thống sinh ra (generated demo data, not an official figure)';

const random = seededRandom;

const between = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

/** Named villages where the seed letters say how the commune is made up. */
const KNOWN_VILLAGES: Record<string, { adults?: number; villages: Array<{ name: string; former: string | null }> }> = {
  'Ba Tô': {
    adults: 9412,
    villages: [
      ...['Làng Teng', 'Làng Mâm', 'Gò Khôn', 'Đồng Vào', 'Nước Lang', 'Huy Ba', 'Hy Long'].map((name) => ({
        name,
        former: 'Ba Tô',
      })),
      ...['Xà Râu', 'Gò Ghèm', 'Nước Nẻ'].map((name) => ({ name, former: 'Ba Nam' })),
      ...['Vả Lế', 'Làng Rêu', 'Con Dốc', 'Nước Lầy'].map((name) => ({ name, former: 'Ba Lế' })),
    ],
  },
  'Ngọk Bay': {
    villages: Array.from({ length: 16 }, (_, i) => ({ name: `Thôn ${i + 1}`, former: null })),
  },
};

const UNIT_TEMPLATES: Array<{
  name: (level: string, commune: string) => string;
  type: string;
  staff: [number, number];
}> = [
  { name: (l, c) => `Ủy ban nhân dân ${l} ${c}`, type: 'AGENCY', staff: [28, 45] },
  { name: (l, c) => `Đảng ủy ${l} ${c}`, type: 'PARTY', staff: [8, 14] },
  { name: (l, c) => `Công an ${l} ${c}`, type: 'POLICE', staff: [10, 22] },
  { name: (l, c) => `Ban Chỉ huy quân sự ${l} ${c}`, type: 'MILITARY', staff: [4, 8] },
  { name: (l, c) => `Ủy ban MTTQ Việt Nam ${l} ${c}`, type: 'FATHERLAND_FRONT', staff: [5, 9] },
  { name: (l, c) => `Đoàn Thanh niên ${l} ${c}`, type: 'MASS_ORGANISATION', staff: [2, 4] },
  { name: (l, c) => `Hội Liên hiệp Phụ nữ ${l} ${c}`, type: 'MASS_ORGANISATION', staff: [2, 4] },
  { name: (l, c) => `Hội Nông dân ${l} ${c}`, type: 'MASS_ORGANISATION', staff: [2, 4] },
  { name: (l, c) => `Hội Cựu chiến binh ${l} ${c}`, type: 'MASS_ORGANISATION', staff: [2, 3] },
  { name: (l, c) => `Trạm Y tế ${l} ${c}`, type: 'HEALTH', staff: [7, 15] },
  { name: (_l, c) => `Trường Mầm non ${c}`, type: 'SCHOOL', staff: [12, 25] },
  { name: (_l, c) => `Trường Tiểu học ${c}`, type: 'SCHOOL', staff: [18, 36] },
  { name: (_l, c) => `Trường THCS ${c}`, type: 'SCHOOL', staff: [20, 40] },
  { name: (_l, c) => `Hợp tác xã nông nghiệp ${c}`, type: 'COOPERATIVE', staff: [6, 18] },
];

function codeSeed(code: string): number {
  let h = 2166136261;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Splits a total into `n` positive parts around equal, deterministically. */
function split(rnd: () => number, total: number, n: number): number[] {
  const weights = Array.from({ length: n }, () => 0.6 + rnd() * 0.8);
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  parts[0] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export function generateDemoData(communes: DemoCommune[]): DemoData {
  const data: DemoData = { villages: [], units: [], populations: [] };
  for (const commune of communes) {
    const rnd = random(codeSeed(commune.code));
    const known = KNOWN_VILLAGES[commune.name];
    const ward = commune.kind === 'WARD';
    const count = known ? known.villages.length : ward ? between(rnd, 8, 18) : between(rnd, 6, 16);
    const villageNames = known
      ? known.villages
      : Array.from({ length: count }, (_, i) => ({
          name: ward ? `Tổ dân phố ${i + 1}` : `Thôn ${i + 1}`,
          former: null,
        }));
    const adults = known?.adults ?? (ward ? between(rnd, 14000, 32000) : between(rnd, 6000, 24000));
    const perVillage = split(rnd, adults, count);

    villageNames.forEach((v, i) => {
      const id = villageId(commune.code, i + 1);
      data.villages.push({
        id,
        communeId: commune.id,
        name: v.name,
        kind: ward ? 'RESIDENTIAL_GROUP' : 'VILLAGE',
        formerCommune: v.former,
      });
      const a = perVillage[i];
      data.populations.push({
        areaId: id,
        areaLevel: 'VILLAGE',
        asOf: DEMO_POPULATION_DATE,
        adults: a,
        workingAge: Math.round(a * (0.78 + rnd() * 0.08)),
        households: Math.round(a / (2.2 + rnd() * 0.6)),
        students: Math.round(a * (0.12 + rnd() * 0.06)),
      });
    });

    let n = 0;
    for (const t of UNIT_TEMPLATES) {
      n += 1;
      data.units.push({
        id: unitId(commune.code, n),
        communeId: commune.id,
        villageId: null,
        name: t.name(COMMUNE_KIND_VI[commune.kind].toLocaleLowerCase('vi'), commune.name),
        type: t.type,
        staff: between(rnd, t.staff[0], t.staff[1]),
      });
    }
    villageNames.forEach((v, i) => {
      n += 1;
      data.units.push({
        id: unitId(commune.code, n),
        communeId: commune.id,
        villageId: villageId(commune.code, i + 1),
        name: `Tổ công nghệ số cộng đồng ${v.name.startsWith('Thôn') || v.name.startsWith('Tổ') ? v.name.toLowerCase() : `thôn ${v.name}`}`,
        type: 'DIGITAL_TEAM',
        staff: between(rnd, 3, 6),
      });
    });
    // The commune's Phòng Văn hóa – Xã hội: the letters give it the compilation of the units' reports and the reward
    // proposal the People's Committee decides on (002 §4, 004 §4.1). Numbered last, so the other units keep their ids.
    n += 1;
    data.units.push({
      id: unitId(commune.code, n),
      communeId: commune.id,
      villageId: null,
      name: `Phòng Văn hóa – Xã hội ${COMMUNE_KIND_VI[commune.kind].toLocaleLowerCase('vi')} ${commune.name}`,
      type: 'AGENCY',
      staff: between(rnd, 3, 6),
    });
  }
  return data;
}
