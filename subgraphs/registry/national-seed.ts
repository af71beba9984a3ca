import type { EntityManager } from '@mikro-orm/postgresql';
import { generateNationalData } from './national';
import { DEMO_PROVINCE_CODE, demoCommunesOf, insertDemoData } from './seed';

/**
 * `SEED=national`: generated villages, units and population for every province that has none yet (Quảng Ngãi keeps
 * the letters' demo data; a province seeded before is left as it is, so a second start reuses the data). One
 * transaction per province, a progress line after each.
 */
export async function seedNational(
  em: EntityManager,
  log: (line: string) => void = () => undefined,
  provinceCodes?: string[],
): Promise<void> {
  const started = Date.now();
  const provinces = await em.execute<Array<{ code: string; name: string; villages: number }>>(
    `select p.code, p.name, (select count(*)::int from registry.village v join registry.commune c on c.id = v.commune_id
        where c.province_id = p.id) as villages
       from registry.province p order by p.code`,
  );
  const todo = provinces.filter(
    (p) => p.code !== DEMO_PROVINCE_CODE && p.villages === 0 && (!provinceCodes || provinceCodes.includes(p.code)),
  );
  if (todo.length === 0) return;
  let villages = 0;
  for (const [i, p] of todo.entries()) {
    const communes = await demoCommunesOf(em, p.code);
    const n = await insertDemoData(em, p.code, communes, generateNationalData(communes));
    villages += n.villages;
    log(
      `national registry ${i + 1}/${todo.length}: ${p.code} ${p.name}, ${communes.length} communes, ` +
        `${n.villages} villages, ${n.units} units (${villages} villages, ${Math.round((Date.now() - started) / 1000)} s)`,
    );
  }
}
