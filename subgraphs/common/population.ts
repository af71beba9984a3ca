import type { IsoDate } from '../../shared/pure/dates';

/**
 * The population rule every subgraph applies the same way: an area's own latest figure as of a date when it has
 * one, otherwise the sum of its parts. Plain functions, no GraphQL or ORM.
 */
export interface PopulationFigures {
  adults: number;
  workingAge: number | null;
  households: number | null;
  officials: number | null;
  students: number | null;
}

export interface Population extends PopulationFigures {
  asOf: IsoDate;
}

/** One optional figure of a sum: known only when every part knows it. */
function sumOptional(parts: Population[], key: 'workingAge' | 'households' | 'officials' | 'students'): number | null {
  let total = 0;
  for (const p of parts) {
    const v = p[key];
    if (v === null) return null;
    total += v;
  }
  return total;
}

/**
 * The population of an area that has no figure of its own: the sum of its parts. `asOf` is the latest date among
 * the parts; an optional figure is summed only when every part has it (else unknown, null); no parts, no
 * population.
 */
export function sumPopulations(parts: Population[]): Population | null {
  if (parts.length === 0) return null;
  return {
    asOf: parts.reduce((max, p) => (p.asOf > max ? p.asOf : max), parts[0].asOf),
    adults: parts.reduce((sum, p) => sum + p.adults, 0),
    workingAge: sumOptional(parts, 'workingAge'),
    households: sumOptional(parts, 'households'),
    officials: sumOptional(parts, 'officials'),
    students: sumOptional(parts, 'students'),
  };
}

/**
 * The rule for every level: an area's own latest figure as of the date when it has one; otherwise the sum of its
 * parts' populations (each by the same rule).
 */
export function resolvePopulation(own: Population | null, parts: Array<Population | null>): Population | null {
  if (own) return own;
  return sumPopulations(parts.filter((p): p is Population => p !== null));
}
