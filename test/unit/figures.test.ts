import {
  FIGURE_FIELDS,
  figureColumns,
  figuresOf,
  figuresOfTriples,
  figureTriples,
  figureValues,
  type FigureProperty,
} from '../../subgraphs/reports/intake/figures';
import type { Figures } from '../../subgraphs/reports/progress/rules';

const FIGURES: Figures = {
  OFFICIALS: { registered: 1, completed: 2, certified: 3 },
  RESIDENTS: { registered: 4, completed: 5, certified: 6 },
  STUDENTS: { registered: 7, completed: 8, certified: 9 },
  WORKERS: { registered: 10, completed: 11, certified: 12 },
};

describe('the 12 figure columns of a unit report', () => {
  it.each([
    [0, 'officials_registered', 'officialsRegistered'],
    [2, 'officials_certified', 'officialsCertified'],
    [4, 'residents_completed', 'residentsCompleted'],
    [6, 'students_registered', 'studentsRegistered'],
    [11, 'workers_certified', 'workersCertified'],
  ])('field %i is column %s, property %s', (index, column, property) => {
    expect(FIGURE_FIELDS).toHaveLength(12);
    expect(FIGURE_FIELDS[index]).toMatchObject({ column, property });
  });

  it('map to Figures and back, in column order', () => {
    const columns = figureColumns(FIGURES);
    expect(columns).toMatchObject({ officialsRegistered: 1, residentsCertified: 6, workersCompleted: 11 });
    expect(figuresOf(columns)).toEqual(FIGURES);
    expect(figureValues(FIGURES)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('read numbers the database returns as text (bigint sums)', () => {
    const text = Object.fromEntries(Object.entries(figureColumns(FIGURES)).map(([k, v]) => [k, String(v)]));
    expect(figuresOf(text as Record<FigureProperty, string>)).toEqual(FIGURES);
  });

  it('are kept per group as [registered, completed, certified] for the audit log and the demo', () => {
    const triples = figureTriples(FIGURES);
    expect(triples).toEqual({ officials: [1, 2, 3], residents: [4, 5, 6], students: [7, 8, 9], workers: [10, 11, 12] });
    expect(figuresOfTriples(triples)).toEqual(FIGURES);
  });
});
