/**
 * Area ids are readable and say their level: P23 (province), C02949 (commune), V02949-07 (village),
 * U02949-03 (unit). The code part is the reference data's code, so ids are stable across reseeding. Directive ids
 * are readable too (directiveIdOf).
 */
import type { IsoDate } from './dates';
import type { AreaLevelName as AreaLevel } from './values';

export type { AreaLevel };

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

/** A readable, stable id from a directive's number and year: "2761/SKHCN-BCVT&CĐS" of 2025 → "2761-skhcn-bcvt-cds-2025". */
export function directiveIdOf(number: string, issuedOn: IsoDate): string {
  const slug = number
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug.slice(0, 32)}-${issuedOn.slice(0, 4)}`;
}

/** The reference code a province or commune id carries: P23 → "23", C02949 → "02949" (the ids above). */
export const codeOfArea = (id: string): string => id.slice(1);
