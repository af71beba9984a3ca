/** Where an account's area sits and where its holder lands after signing in: one lookup in the registry's tables. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { areaPath, type AreaPath } from '../../shared/pure/auth-rules';
import { bilingual, NotFoundError } from '../../shared/pure/errors';
import { levelOf } from '../../shared/pure/ids';

export interface AccountArea {
  id: string;
  name: string;
  provinceId: string;
  provinceCode: string;
  communeId: string | null;
  path: AreaPath;
}

/** The area an id names (province, commune, village or unit), or NOT_FOUND. */
export async function findAccountArea(em: EntityManager, areaId: string): Promise<AccountArea> {
  const level = levelOf(areaId);
  const sql =
    level === 'PROVINCE'
      ? `select p.id, p.name, p.id as "provinceId", p.code as "provinceCode", null as "communeId"
           from registry.province p where p.id = ?`
      : level === 'COMMUNE'
        ? `select c.id, c.name, p.id as "provinceId", p.code as "provinceCode", c.id as "communeId"
             from registry.commune c join registry.province p on p.id = c.province_id where c.id = ?`
        : level === 'VILLAGE' || level === 'UNIT'
          ? `select a.id, a.name, p.id as "provinceId", p.code as "provinceCode", c.id as "communeId"
               from registry.${level === 'VILLAGE' ? 'village' : 'unit'} a
               join registry.commune c on c.id = a.commune_id join registry.province p on p.id = c.province_id
              where a.id = ?`
          : null;
  const rows = sql
    ? await em.execute<Array<Omit<AccountArea, 'path'>>>(sql, [areaId])
    : ([] as Array<Omit<AccountArea, 'path'>>);
  if (!rows.length)
    throw new NotFoundError(
      bilingual(`Không tìm thấy địa bàn có mã "${areaId}"`, `no province, commune, village or unit has id ${areaId}`),
    );
  const row = rows[0];
  return { ...row, path: areaPath(row.id, row.provinceId)! };
}

/** The page an account opens after signing in: the form for a village head or a unit's reporter, else its area's. */
export function homePath(role: string, area: { id: string; provinceCode: string; communeId: string | null }): string {
  if (role === 'VILLAGE_REPORTER') return `/village/${area.id}/report`;
  if (role === 'UNIT_REPORTER') return `/unit/${area.id}/report`;
  if (area.communeId) return `/commune/${area.communeId}`;
  return `/province/${area.provinceCode}`;
}
