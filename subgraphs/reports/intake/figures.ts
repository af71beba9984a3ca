/**
 * The one mapping between the 12 figure columns of a unit report (registered, completed and certified for each of
 * the four groups) and the `Figures` value the rules work with. Plain functions: no GraphQL, no ORM.
 */
import { emptyFigures, GROUPS, type Figures, type Group } from '../progress/rules';

const MEASURES = ['registered', 'completed', 'certified'] as const;
type Measure = (typeof MEASURES)[number];
/** A group as the columns and the audit log spell it (officials, residents, students, workers). */
export type GroupKey = Lowercase<Group>;
/** A figure property of the UnitReport entity (officialsRegistered …). */
export type FigureProperty = `${GroupKey}${Capitalize<Measure>}`;
export type FigureColumns = Record<FigureProperty, number>;
/** Per group as [registered, completed, certified]: the audit log's and the demo data's shape. */
export type FigureTriples = Record<GroupKey, [number, number, number]>;

export interface FigureField {
  group: Group;
  measure: Measure;
  /** The entity's property, e.g. officialsRegistered. */
  property: FigureProperty;
  /** The table's column, e.g. officials_registered. */
  column: string;
}

const keyOf = (g: Group) => g.toLowerCase() as GroupKey;

/** The 12 figures in column order: officials registered, completed, certified, then residents … workers. */
export const FIGURE_FIELDS: readonly FigureField[] = GROUPS.flatMap((group) =>
  MEASURES.map((measure) => ({
    group,
    measure,
    property: `${keyOf(group)}${measure[0].toUpperCase()}${measure.slice(1)}` as FigureProperty,
    column: `${keyOf(group)}_${measure}`,
  })),
);

/** A report's figures from its 12 properties (an entity, or a row selected with the property names). */
export function figuresOf(row: Readonly<Record<FigureProperty, number | string>>): Figures {
  const f = emptyFigures();
  for (const { group, measure, property } of FIGURE_FIELDS) f[group][measure] = Number(row[property]);
  return f;
}

/** The 12 properties of a report holding these figures. */
export function figureColumns(f: Figures): FigureColumns {
  return Object.fromEntries(
    FIGURE_FIELDS.map(({ group, measure, property }) => [property, f[group][measure]]),
  ) as FigureColumns;
}

/** The 12 values in column order (FIGURE_FIELDS). */
export const figureValues = (f: Figures): number[] => FIGURE_FIELDS.map(({ group, measure }) => f[group][measure]);

export function figureTriples(f: Figures): FigureTriples {
  const triple = (g: Group): [number, number, number] => [f[g].registered, f[g].completed, f[g].certified];
  return {
    officials: triple('OFFICIALS'),
    residents: triple('RESIDENTS'),
    students: triple('STUDENTS'),
    workers: triple('WORKERS'),
  };
}

export function figuresOfTriples(t: Readonly<Record<GroupKey, readonly [number, number, number]>>): Figures {
  const f = emptyFigures();
  for (const g of GROUPS) {
    const [registered, completed, certified] = t[keyOf(g)];
    f[g] = { registered, completed, certified };
  }
  return f;
}
