/**
 * Many rows into one table in few statements: `insert … values (…), (…) on conflict …`, a chunk of rows per
 * statement (PostgreSQL takes at most 65,535 parameters in one). One place builds the statement, so no caller
 * numbers placeholders or lists `excluded.` columns by hand.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export interface UpsertOptions<C extends string> {
  /** The conflict target: the columns of a unique index. Omitted: any conflict (with `update` empty only). */
  conflict?: readonly C[];
  /** Columns taken from the new row on a conflict. Empty or omitted: the row already there is kept (do nothing). */
  update?: readonly C[];
  /** `set` expressions beside the updated columns, e.g. `updated_at = now()`. */
  also?: string;
  /** Keeps the row already there unless this holds, e.g. `t.revision < excluded.revision` (`t`: the table). */
  where?: string;
  /** Rows per statement (default 1000). */
  chunk?: number;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The statement for `rows` rows: `?` placeholders, row after row, columns in the order given. */
export function bulkUpsertSql<C extends string>(
  table: string,
  columns: readonly C[],
  rows: number,
  options: UpsertOptions<C> = {},
): string {
  if (columns.length === 0 || rows < 1) throw new Error('bulkUpsert needs columns and at least one row');
  const row = `(${columns.map(() => '?').join(', ')})`;
  const target = table
    .split('.')
    .map((part) => quote(part))
    .join('.');
  const head = `insert into ${target} as t (${columns.map(quote).join(', ')}) values ${Array(rows).fill(row).join(', ')}`;
  const update = options.update ?? [];
  const conflict = options.conflict?.length ? ` (${options.conflict.map(quote).join(', ')})` : '';
  if (update.length === 0 && !options.also) return `${head} on conflict${conflict} do nothing`;
  if (!conflict) throw new Error('bulkUpsert: an update on conflict needs the conflict columns');
  const sets = [...update.map((c) => `${quote(c)} = excluded.${quote(c)}`), ...(options.also ? [options.also] : [])];
  return `${head} on conflict${conflict} do update set ${sets.join(', ')}${options.where ? ` where ${options.where}` : ''}`;
}

/** Inserts or updates `rows` (objects keyed by column), chunk by chunk in `em`'s transaction; the rows written. */
export async function bulkUpsert<C extends string>(
  em: Pick<EntityManager, 'execute'>,
  table: string,
  columns: readonly C[],
  rows: ReadonlyArray<Readonly<Record<C, unknown>>>,
  options: UpsertOptions<C> = {},
): Promise<number> {
  const size = options.chunk ?? 1000;
  let written = 0;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const result = await em.execute(
      bulkUpsertSql(table, columns, chunk.length, options),
      chunk.flatMap((r) => columns.map((c) => r[c])),
      'run',
    );
    written += (result as { affectedRows?: number }).affectedRows ?? 0;
  }
  return written;
}
