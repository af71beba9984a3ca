/**
 * `reports.rank_state`: the ranking of each province as live subscribers last saw it, so a rank move is measured
 * against what was published, whichever process published it (live/store.ts holds the province's lock meanwhile).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { bulkUpsert } from '../../common/bulk-upsert';
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
  await bulkUpsert(
    em,
    'reports.rank_state',
    ['province_id', 'commune_id', 'position', 'out_of', 'as_of'],
    ranked.map((r) => ({
      province_id: provinceId,
      commune_id: r.communeId,
      position: r.position,
      out_of: r.outOf,
      as_of: asOf,
    })),
    { conflict: ['province_id', 'commune_id'], update: ['position', 'out_of', 'as_of'], also: 'updated_at = now()' },
  );
}
