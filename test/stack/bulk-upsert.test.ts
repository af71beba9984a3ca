import type { EntityManager } from '@mikro-orm/postgresql';
import { bulkUpsert, type UpsertOptions } from '../../subgraphs/common/bulk-upsert';
import { startTestStack, type TestStack } from '../support/stack';

/** The bulk upsert helper against PostgreSQL: what it writes is read back, across chunks, updates and guards. */
let stack: TestStack;
let em: EntityManager;
beforeAll(async () => {
  stack = await startTestStack();
  em = stack.subgraphs.reports.orm.orm.em.fork();
  await stack.sql(`create table reports.bulk_probe (id int, part text, value int, revision int not null,
    touched boolean not null default false, primary key (id, part))`);
});
afterAll(() => stack?.stop());

const COLUMNS = ['id', 'part', 'value', 'revision'] as const;
const rowsOf = (n: number, value: (i: number) => number, revision: number) =>
  Array.from({ length: n }, (_, i) => ({ id: i, part: i % 2 ? 'odd' : 'even', value: value(i), revision }));

it('inserts 2,500 rows in chunks of 1,000 and reads every one back', async () => {
  const written = await bulkUpsert(
    em,
    'reports.bulk_probe',
    COLUMNS,
    rowsOf(2500, (i) => i * 3, 1),
  );
  expect(written).toBe(2500);
  const [read] = await stack.sql<{ n: number; total: number }>(
    'select count(*)::int as n, sum(value)::int as total from reports.bulk_probe',
  );
  expect(read).toEqual({ n: 2500, total: (3 * 2499 * 2500) / 2 });
});

it('updates the listed columns on a conflict, sets the extra expression, and keeps rows a guard refuses', async () => {
  const options: UpsertOptions<(typeof COLUMNS)[number]> = {
    conflict: ['id', 'part'],
    update: ['value', 'revision'],
    also: 'touched = true',
    where: 't.revision < excluded.revision',
  };
  // A newer revision of the first 1,200 rows (the guard lets it in), then an older one of all 2,500 (refused).
  expect(
    await bulkUpsert(
      em,
      'reports.bulk_probe',
      COLUMNS,
      rowsOf(1200, () => -1, 2),
      options,
    ),
  ).toBe(1200);
  expect(
    await bulkUpsert(
      em,
      'reports.bulk_probe',
      COLUMNS,
      rowsOf(2500, () => 99, 0),
      options,
    ),
  ).toBe(0);
  expect(
    await stack.sql(
      `select revision, touched, count(*)::int as n, (count(*) filter (where value = -1))::int as updated
         from reports.bulk_probe group by revision, touched order by revision`,
    ),
  ).toEqual([
    { revision: 1, touched: false, n: 1300, updated: 0 },
    { revision: 2, touched: true, n: 1200, updated: 1200 },
  ]);
});

it('keeps the rows already there without an update (seed steps run twice)', async () => {
  const written = await bulkUpsert(
    em,
    'reports.bulk_probe',
    COLUMNS,
    rowsOf(10, () => 7, 5),
    {
      conflict: ['id', 'part'],
    },
  );
  expect(written).toBe(0);
  const [{ n }] = await stack.sql<{ n: number }>('select count(*)::int as n from reports.bulk_probe where value = 7');
  expect(n).toBe(0);
});
