/**
 * Area ids are readable and say their level: P23 (province), C02949 (commune), V02949-07 (village),
 * U02949-03 (unit). The code part is the reference data's code, so ids are stable across reseeding.
 */
export type AreaLevel = 'PROVINCE' | 'COMMUNE' | 'VILLAGE' | 'UNIT';

export const provinceId = (code: string): string => `P${code}`;
export const communeId = (code: string): string => `C${code}`;
export const villageId = (communeCode: string, n: number): string => `V${communeCode}-${String(n).padStart(2, '0')}`;
export const unitId = (communeCode: string, n: number): string => `U${communeCode}-${String(n).padStart(2, '0')}`;

const PATTERNS: Array<[AreaLevel, RegExp]> = [
  ['PROVINCE', /^P\d{2}$/],
  ['COMMUNE', /^C\d{5}$/],
  ['VILLAGE', /^V\d{5}-\d{2,3}$/],
  ['UNIT', /^U\d{5}-\d{2,3}$/],
];

/** The level an id names, or null when it is not an area id at all. */
export function levelOf(id: string): AreaLevel | null {
  for (const [level, pattern] of PATTERNS) if (pattern.test(id)) return level;
  return null;
}
