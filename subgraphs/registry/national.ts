/**
 * National demo data: villages, a few units and population figures for every commune of the country outside the
 * demo province. GENERATED (every row is marked demo = true), deterministically from each commune's code, so two
 * runs give the same rows. 20–60 villages a commune, scaled by its kind (rural communes have more hamlets than wards,
 * special zones the fewest). Plain data in, plain data out: no ORM here.
 */
import { unitId, villageId } from '../../shared/pure/ids';
import { seededRandom } from '../common/random';
import { DEMO_POPULATION_DATE, type DemoCommune, type DemoCommuneKind, type DemoData } from './demo';
import { COMMUNE_KIND_VI } from '../../shared/pure/values';

/** Villages per commune by kind: [fewest, most]. */
export const NATIONAL_VILLAGES: Record<DemoCommuneKind, [number, number]> = {
  COMMUNE: [24, 60],
  WARD: [20, 40],
  SPECIAL_ZONE: [20, 30],
};

/** Adults per village by kind: [fewest, most]. */
const ADULTS_PER_VILLAGE: Record<DemoCommuneKind, [number, number]> = {
  COMMUNE: [250, 700],
  WARD: [500, 1400],
  SPECIAL_ZONE: [200, 600],
};

/** The units every generated commune has; the school is last (its students are reported by the last SCHOOL). */
const UNITS: Array<{ name: (level: string, commune: string) => string; type: string; staff: [number, number] }> = [
  { name: (l, c) => `Ủy ban nhân dân ${l} ${c}`, type: 'AGENCY', staff: [28, 45] },
  { name: (l, c) => `Công an ${l} ${c}`, type: 'POLICE', staff: [10, 22] },
  { name: (l, c) => `Trạm Y tế ${l} ${c}`, type: 'HEALTH', staff: [7, 15] },
  { name: (_l, c) => `Hợp tác xã ${c}`, type: 'COOPERATIVE', staff: [6, 18] },
  { name: (_l, c) => `Trường THCS ${c}`, type: 'SCHOOL', staff: [20, 40] },
];

function codeSeed(code: string): number {
  let h = 2166136261;
  for (const ch of `national:${code}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

const between = (rnd: () => number, [lo, hi]: [number, number]) => lo + Math.floor(rnd() * (hi - lo + 1));

/** Villages, units and population for the given communes (one commune's rows depend on its code alone). */
export function generateNationalData(communes: DemoCommune[]): DemoData {
  const data: DemoData = { villages: [], units: [], populations: [] };
  for (const commune of communes) {
    const rnd = seededRandom(codeSeed(commune.code));
    const ward = commune.kind === 'WARD';
    const count = between(rnd, NATIONAL_VILLAGES[commune.kind]);
    for (let i = 1; i <= count; i++) {
      const id = villageId(commune.code, i);
      data.villages.push({
        id,
        communeId: commune.id,
        name: ward ? `Tổ dân phố ${i}` : `Thôn ${i}`,
        kind: ward ? 'RESIDENTIAL_GROUP' : 'VILLAGE',
        formerCommune: null,
      });
      const adults = between(rnd, ADULTS_PER_VILLAGE[commune.kind]);
      data.populations.push({
        areaId: id,
        areaLevel: 'VILLAGE',
        asOf: DEMO_POPULATION_DATE,
        adults,
        workingAge: Math.round(adults * (0.78 + rnd() * 0.08)),
        households: Math.round(adults / (2.2 + rnd() * 0.6)),
        students: Math.round(adults * (0.12 + rnd() * 0.06)),
      });
    }
    UNITS.forEach((t, i) =>
      data.units.push({
        id: unitId(commune.code, i + 1),
        communeId: commune.id,
        villageId: null,
        name: t.name(COMMUNE_KIND_VI[commune.kind].toLocaleLowerCase('vi'), commune.name),
        type: t.type,
        staff: between(rnd, t.staff),
      }),
    );
  }
  return data;
}
