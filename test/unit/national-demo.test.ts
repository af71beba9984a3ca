import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsvRecords } from '../../shared/csv';
import { communeId } from '../../shared/pure/ids';
import { generateNationalData, NATIONAL_VILLAGES } from '../../subgraphs/registry/national';
import type { DemoCommune, DemoCommuneKind } from '../../subgraphs/registry/demo';
import { nationalCurves } from '../../subgraphs/reports/demo/national';

const KIND: Record<string, DemoCommuneKind> = { commune: 'COMMUNE', ward: 'WARD', special_zone: 'SPECIAL_ZONE' };
const records = readCsvRecords(readFileSync(path.join(__dirname, '..', '..', 'data', 'communes-2025.csv'), 'utf8'));
const commune = (r: Record<string, string>): DemoCommune => ({
  id: communeId(r.code),
  code: r.code,
  name: r.name,
  kind: KIND[r.kind],
});
const all = records.map(commune);

describe('national demo generator', () => {
  // A slice: Hà Nội (01) and Hồ Chí Minh (30), the two largest provinces.
  const slice = records.filter((r) => ['01', '30'].includes(r.province_code)).map(commune);

  it('gives the same rows on every run, and one commune the same rows whatever else is generated', () => {
    expect(generateNationalData(slice)).toEqual(generateNationalData(slice));
    const one = generateNationalData([slice[5]]);
    const inSlice = generateNationalData(slice);
    expect(inSlice.villages.filter((v) => v.communeId === slice[5].id)).toEqual(one.villages);
    const reporting = slice.map((c) => ({ id: c.id, name: c.name, adults: 10_000, reporters: [] }));
    expect(nationalCurves(reporting)).toEqual(nationalCurves([...reporting].reverse()).reverse());
  });

  it('gives every commune 20–60 villages by its kind, a population each, and a few units', () => {
    const data = generateNationalData(slice);
    for (const c of slice) {
      const n = data.villages.filter((v) => v.communeId === c.id).length;
      const [lo, hi] = NATIONAL_VILLAGES[c.kind];
      expect(n).toBeGreaterThanOrEqual(lo);
      expect(n).toBeLessThanOrEqual(hi);
    }
    expect(data.populations.map((p) => p.areaId)).toEqual(data.villages.map((v) => v.id));
    expect(data.populations.every((p) => p.adults > 0)).toBe(true);
    expect(data.units.length).toBe(slice.length * 5);
    expect(new Set(data.villages.map((v) => v.id)).size).toBe(data.villages.length);
  });

  it('reaches at least 90,000 villages for the 3,320 communes', () => {
    expect(all).toHaveLength(3320);
    expect(generateNationalData(all).villages.length).toBeGreaterThanOrEqual(90_000);
  });
});
