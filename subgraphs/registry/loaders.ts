import type { EntityManager } from '@mikro-orm/postgresql';
import { authSecretOf } from './state';
import { argLoader, listLoader, SharedCache, sharedListLoader, sharedRowLoader } from '../common/loaders';
import { todayInVietnam, type IsoDate } from '../../shared/pure/dates';
import { Commune } from './entities/Commune';
import { PopulationRevision } from './entities/PopulationRevision';
import { Province } from './entities/Province';
import { StaffRevision } from './entities/StaffRevision';
import { Unit } from './entities/Unit';
import { Village } from './entities/Village';
import { levelOf } from '../../shared/pure/ids';
import { resolvePopulation, type Population } from '../common/population';

const byVietnameseName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'vi');

interface PopulationRow extends Population {
  area_id: string;
  parent_id?: string;
  commune_id?: string;
}

const POPULATION_COLUMNS = `pr.area_id, pr.as_of as "asOf", pr.adults, pr.working_age as "workingAge", pr.households, pr.officials, pr.students`;

/** Latest revision as of a date for each of the given areas: one statement. */
async function latestOwn(em: EntityManager, ids: readonly string[], asOf: IsoDate): Promise<Map<string, Population>> {
  if (ids.length === 0) return new Map();
  const rows: PopulationRow[] = await em.execute(
    `select distinct on (pr.area_id) ${POPULATION_COLUMNS}
       from registry.population_revision pr
      where pr.area_id in (?) and pr.as_of <= ?
      order by pr.area_id, pr.as_of desc, pr.id desc`,
    [ids, asOf],
  );
  return new Map(rows.map((r) => [r.area_id, strip(r)]));
}

/** Latest village revisions as of a date, for all villages of the given communes or provinces: one statement. */
async function latestOfVillages(
  em: EntityManager,
  parentColumn: 'c.id' | 'c.province_id',
  parentIds: readonly string[],
  asOf: IsoDate,
) {
  if (parentIds.length === 0) return [] as PopulationRow[];
  return em.execute<PopulationRow[]>(
    `select distinct on (pr.area_id) ${POPULATION_COLUMNS}, ${parentColumn} as parent_id, v.commune_id
       from registry.population_revision pr
       join registry.village v on v.id = pr.area_id
       join registry.commune c on c.id = v.commune_id
      where ${parentColumn} in (?) and pr.as_of <= ?
      order by pr.area_id, pr.as_of desc, pr.id desc`,
    [parentIds, asOf],
  );
}

/** Latest commune revisions as of a date, for all communes of the given provinces: one statement. */
async function latestOfCommunes(em: EntityManager, provinceIds: readonly string[], asOf: IsoDate) {
  if (provinceIds.length === 0) return [] as PopulationRow[];
  return em.execute<PopulationRow[]>(
    `select distinct on (pr.area_id) ${POPULATION_COLUMNS}, c.province_id as parent_id
       from registry.population_revision pr
       join registry.commune c on c.id = pr.area_id
      where c.province_id in (?) and pr.as_of <= ?
      order by pr.area_id, pr.as_of desc, pr.id desc`,
    [provinceIds, asOf],
  );
}

function strip(r: PopulationRow): Population {
  return {
    asOf: r.asOf,
    adults: r.adults,
    workingAge: r.workingAge,
    households: r.households,
    officials: r.officials,
    students: r.students,
  };
}

function group<T>(rows: T[], keyOf: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(keyOf(r), [...(out.get(keyOf(r)) ?? []), r]);
  return out;
}

/**
 * Population of any mix of provinces, communes and villages as of one date, by the rule of population.ts
 * (own figure, else the sum of parts), in at most five statements whatever the number of areas.
 */
export async function loadPopulations(
  em: EntityManager,
  ids: readonly string[],
  asOf: IsoDate,
): Promise<Map<string, Population | null>> {
  const own = await latestOwn(em, ids, asOf);
  const result = new Map<string, Population | null>(ids.map((id) => [id, own.get(id) ?? null]));
  const communesWithout = ids.filter((id) => levelOf(id) === 'COMMUNE' && !own.has(id));
  const provincesWithout = ids.filter((id) => levelOf(id) === 'PROVINCE' && !own.has(id));

  if (communesWithout.length > 0) {
    const villages = group(await latestOfVillages(em, 'c.id', communesWithout, asOf), (r) => r.parent_id!);
    for (const id of communesWithout) result.set(id, resolvePopulation(null, (villages.get(id) ?? []).map(strip)));
  }
  if (provincesWithout.length > 0) {
    const [communeRows, villageRows] = await Promise.all([
      latestOfCommunes(em, provincesWithout, asOf),
      latestOfVillages(em, 'c.province_id', provincesWithout, asOf),
    ]);
    const communeOwn = new Map(communeRows.map((r) => [r.area_id, strip(r)]));
    const villagesOf = group(villageRows, (r) => r.commune_id!);
    // Each province's communes that have any figure, their own or their villages'.
    const communesOf = new Map<string, Set<string>>();
    const add = (province: string, commune: string) =>
      communesOf.set(province, (communesOf.get(province) ?? new Set<string>()).add(commune));
    for (const r of communeRows) add(r.parent_id!, r.area_id);
    for (const r of villageRows) add(r.parent_id!, r.commune_id!);
    for (const id of provincesWithout) {
      const parts = [...(communesOf.get(id) ?? [])].map((c) =>
        resolvePopulation(communeOwn.get(c) ?? null, (villagesOf.get(c) ?? []).map(strip)),
      );
      result.set(id, resolvePopulation(null, parts));
    }
  }
  return result;
}

/**
 * Loaders for one request. `cache` is the process's SharedCache (main.ts retires it on every registry write): the
 * hierarchy and population answers are shared between requests, the history is always read fresh.
 */
export function createLoaders(em: EntityManager, cache: SharedCache = new SharedCache()) {
  return {
    /** The key session tokens are signed with (docs/access.md). */
    authSecret: () => authSecretOf(cache),
    province: sharedRowLoader<Province>(
      cache,
      'province',
      (ids) => em.find(Province, { id: { $in: [...ids] } }),
      (p) => p.id,
    ),
    provinceByCode: sharedRowLoader<Province>(
      cache,
      'provinceByCode',
      (codes) => em.find(Province, { code: { $in: [...codes] } }),
      (p) => p.code,
    ),
    commune: sharedRowLoader<Commune>(
      cache,
      'commune',
      (ids) => em.find(Commune, { id: { $in: [...ids] } }),
      (c) => c.id,
    ),
    village: sharedRowLoader<Village>(
      cache,
      'village',
      (ids) => em.find(Village, { id: { $in: [...ids] } }),
      (v) => v.id,
    ),
    unit: sharedRowLoader<Unit>(
      cache,
      'unit',
      (ids) => em.find(Unit, { id: { $in: [...ids] } }),
      (u) => u.id,
    ),
    communesOfProvince: sharedListLoader<Commune>(
      cache,
      'communesOfProvince',
      async (ids) => (await em.find(Commune, { province: { $in: [...ids] } })).sort(byVietnameseName),
      (c) => c.province.id,
    ),
    villagesOfCommune: sharedListLoader<Village>(
      cache,
      'villagesOfCommune',
      // Village ids carry their order within the commune (V02949-01, -02 ...), the order the commune lists them.
      (ids) => em.find(Village, { commune: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (v) => v.commune.id,
    ),
    unitsOfCommune: sharedListLoader<Unit>(
      cache,
      'unitsOfCommune',
      (ids) => em.find(Unit, { commune: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (u) => u.commune.id,
    ),
    populationHistory: listLoader<string, PopulationRevision>(
      (ids) => em.find(PopulationRevision, { areaId: { $in: [...ids] } }, { orderBy: { asOf: 'asc', id: 'asc' } }),
      (r) => r.areaId,
    ),
    staffRevisions: listLoader<string, StaffRevision>(
      (ids) => em.find(StaffRevision, { unitId: { $in: [...ids] } }, { orderBy: { effectiveOn: 'asc', id: 'asc' } }),
      (r) => r.unitId,
    ),
    population: argLoader<IsoDate, string, Population | null>(async (ids, asOf) => {
      const values = await cache.many<Population | null>(
        `population:${asOf}`,
        ids,
        (missing) => loadPopulations(em, missing, asOf),
        null,
      );
      return new Map(ids.map((id, i) => [id, values[i]]));
    }, null),
    /** Call after a registry write commits: shared answers no longer describe the data. */
    populationChanged: () => cache.bump(),
  };
}

export type RegistryLoaders = ReturnType<typeof createLoaders>;

/** The date a population question is asked for: the one given, else today in Vietnam. */
export const asOfOrToday = (asOf?: IsoDate | null): IsoDate => asOf ?? todayInVietnam();
