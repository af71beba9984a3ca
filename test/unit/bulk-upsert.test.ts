import { bulkUpsert, bulkUpsertSql } from '../../subgraphs/common/bulk-upsert';

/** What bulkUpsert asks of the EntityManager. */
type Executor = Parameters<typeof bulkUpsert>[0];

/** The statement's shape, whitespace as written. */
describe('bulkUpsertSql: the statement one helper builds for every bulk upsert', () => {
  it('inserts rows of placeholders, one row per value, and keeps what is there without an update', () => {
    expect(bulkUpsertSql('registry.area', ['id', 'name'], 2)).toBe(
      'insert into "registry"."area" as t ("id", "name") values (?, ?), (?, ?) on conflict do nothing',
    );
    expect(bulkUpsertSql('reports.population_fact', ['revision_id'], 1, { conflict: ['revision_id'] })).toBe(
      'insert into "reports"."population_fact" as t ("revision_id") values (?) on conflict ("revision_id") do nothing',
    );
  });

  it('updates the listed columns from the new row, with extra set expressions and a guard', () => {
    expect(
      bulkUpsertSql('reports.rank_state', ['province_id', 'commune_id', 'position'], 1, {
        conflict: ['province_id', 'commune_id'],
        update: ['position'],
        also: 'updated_at = now()',
        where: 't.position is distinct from excluded.position',
      }),
    ).toBe(
      'insert into "reports"."rank_state" as t ("province_id", "commune_id", "position") values (?, ?, ?) ' +
        'on conflict ("province_id", "commune_id") do update set "position" = excluded."position", updated_at = now() ' +
        'where t.position is distinct from excluded.position',
    );
  });

  it('refuses what it cannot write: no columns, no rows, an update without a conflict target', () => {
    expect(() => bulkUpsertSql('x', [], 1)).toThrow();
    expect(() => bulkUpsertSql('x', ['a'], 0)).toThrow();
    expect(() => bulkUpsertSql('x', ['a'], 1, { update: ['a'] })).toThrow(/conflict/);
  });
});

describe('bulkUpsert: chunks and parameters', () => {
  it('sends a statement per chunk with the values in column order, and adds up the rows written', async () => {
    const calls: Array<{ sql: string; params: unknown[] }> = [];
    const em = {
      execute: (sql: string, params: unknown[]) => {
        calls.push({ sql, params });
        return Promise.resolve({ affectedRows: params.length / 2 });
      },
    };
    const rows = Array.from({ length: 2500 }, (_, i) => ({ name: `n${i}`, id: i }));
    // A stand-in for the EntityManager's execute: all the helper uses.
    const written = await bulkUpsert(em as unknown as Executor, 'plans.area_projection', ['id', 'name'], rows, {
      conflict: ['id'],
      update: ['name'],
    });
    expect(written).toBe(2500);
    expect(calls.map((c) => c.params.length / 2)).toEqual([1000, 1000, 500]);
    expect(calls[2].params.slice(0, 4)).toEqual([2000, 'n2000', 2001, 'n2001']);
    expect(calls[2].sql).toBe(
      bulkUpsertSql('plans.area_projection', ['id', 'name'], 500, { conflict: ['id'], update: ['name'] }),
    );
  });

  it('sends nothing for no rows', async () => {
    const execute = jest.fn();
    expect(await bulkUpsert({ execute }, 't', ['a'], [])).toBe(0);
    expect(execute).not.toHaveBeenCalled();
  });
});
