/**
 * `reports.rank_state`: the ranking of each province as live subscribers last saw it, so a rank move is measured
 * against what was published, whichever process published it (live/store.ts holds the province's lock meanwhile).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ranked } from './rules';

/** The positions last published in a province (empty: never published). */
export async function loadRankState(
  em: EntityManager,
  provinceId: string,
): Promise<Array<{ communeId: string; position: number }>> {
  return em.execute<Array<{ communeId: string; position: number }>>(
    `select commune_id as "communeId", position from reports.rank_state where province_id = ?`,
    [provinceId],
  );
}

/** Records the positions of `ranked` (the communes whose place moved, or a whole ranking) as of `asOf`. */
export async function saveRankState(
  em: EntityManager,
  provinceId: string,
  asOf: string,
  ranked: readonly Ranked[],
): Promise<void> {
  for (let i = 0; i < ranked.length; i += 500) {
    const chunk = ranked.slice(i, i + 500);
    await em.execute(
      `insert into reports.rank_state (province_id, commune_id, position, out_of, as_of)
       values ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       on conflict (province_id, commune_id) do update set position = excluded.position,
          out_of = excluded.out_of, as_of = excluded.as_of, updated_at = now()`,
      chunk.flatMap((r) => [provinceId, r.communeId, r.position, r.outOf, asOf]),
    );
  }
}
