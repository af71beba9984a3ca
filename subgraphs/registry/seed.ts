import type { EntityManager } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsvRecords } from '../../shared/csv';
import { projectRoot } from '../../shared/paths';
import {
  AREA_UPSERTED,
  POPULATION_RECORDED,
  type AreaRecord,
  type PopulationRecorded,
} from '../../shared/vocabulary/events';
import { bulkUpsert } from '../common/bulk-upsert';
import { appendEvents } from '../common/outbox';
import { foldVietnamese } from '../../shared/pure/text';
import { DEMO_REASON, generateDemoData, type DemoCommune, type DemoCommuneKind, type DemoData } from './demo';
import { communeId, provinceId } from '../../shared/pure/ids';

const KIND: Record<string, DemoCommuneKind> = { commune: 'COMMUNE', ward: 'WARD', special_zone: 'SPECIAL_ZONE' };
export const DEMO_PROVINCE_CODE = '23';

/** Inserts rows in chunks; `on conflict do nothing` makes every seed step safe to run twice. */
async function insertAll(em: EntityManager, table: string, rows: Array<Record<string, unknown>>): Promise<number> {
  if (rows.length === 0) return 0;
  return bulkUpsert(em, `registry.${table}`, Object.keys(rows[0]), rows);
}

async function publishAreas(em: EntityManager, areas: AreaRecord[]): Promise<void> {
  const batches = [];
  for (let i = 0; i < areas.length; i += 500) batches.push({ areas: areas.slice(i, i + 500) });
  await appendEvents(em, 'registry', AREA_UPSERTED, batches);
}

/** The 34 provinces and 3,320 communes of the 2025 reorganisation, from data/. */
export async function seedReference(em: EntityManager, log: (line: string) => void = () => undefined): Promise<void> {
  const dir = path.join(projectRoot(), 'data');
  const provinces = readCsvRecords(readFileSync(path.join(dir, 'provinces-2025.csv'), 'utf8'));
  const communes = readCsvRecords(readFileSync(path.join(dir, 'communes-2025.csv'), 'utf8'));
  await em.transactional(async (tx) => {
    const p = await insertAll(
      tx,
      'province',
      provinces.map((r) => ({
        id: provinceId(r.code),
        code: r.code,
        name: r.name,
        full_name: r.full_name,
        kind: r.kind,
      })),
    );
    const c = await insertAll(
      tx,
      'commune',
      communes.map((r) => {
        const kind = KIND[r.kind];
        if (!kind) throw new Error(`unknown commune kind "${r.kind}" for ${r.code} ${r.name}`);
        return {
          id: communeId(r.code),
          code: r.code,
          name: r.name,
          search_name: foldVietnamese(r.name),
          kind,
          province_id: provinceId(r.province_code),
        };
      }),
    );
    // Other subgraphs learn the hierarchy from these events (they never read the registry's tables).
    const areas: AreaRecord[] = [
      ...provinces.map((r) => ({
        id: provinceId(r.code),
        level: 'PROVINCE' as const,
        name: r.name,
        parentId: null,
        provinceId: provinceId(r.code),
        communeId: null,
      })),
      ...communes.map((r) => ({
        id: communeId(r.code),
        level: 'COMMUNE' as const,
        name: r.name,
        parentId: provinceId(r.province_code),
        provinceId: provinceId(r.province_code),
        communeId: communeId(r.code),
      })),
    ];
    await publishAreas(tx, areas);
    log(`reference data: ${provinces.length} provinces (${p} new), ${communes.length} communes (${c} new)`);
  });
}

/** Generated villages, units and population for every commune of a province (default the demo province, Quảng Ngãi). */
export async function seedDemo(
  em: EntityManager,
  log: (line: string) => void = () => undefined,
  provinceCode = DEMO_PROVINCE_CODE,
): Promise<void> {
  const communes = await demoCommunesOf(em, provinceCode);
  const n = await insertDemoData(em, provinceCode, communes, generateDemoData(communes));
  log(
    `demo data for province ${provinceCode}: ${communes.length} communes, ${n.villages} villages, ${n.units} units, ${n.populations} population figures (generated)`,
  );
}

/** A province's communes, as the demo generators take them. */
export async function demoCommunesOf(em: EntityManager, provinceCode: string): Promise<DemoCommune[]> {
  return em.execute<Array<DemoCommune>>(
    `select id, code, name, kind from registry.commune where province_id = ? order by code`,
    [provinceId(provinceCode)],
  );
}

/**
 * Writes generated villages, units and population figures of one province in one transaction, with their events
 * (the other subgraphs learn them from the outbox); rows already there are kept.
 */
export async function insertDemoData(
  em: EntityManager,
  provinceCode: string,
  communes: DemoCommune[],
  demo: DemoData,
): Promise<{ villages: number; units: number; populations: number }> {
  return em.transactional(async (tx) => {
    const t = tx;
    const v = await insertAll(
      t,
      'village',
      demo.villages.map((x) => ({
        id: x.id,
        commune_id: x.communeId,
        name: x.name,
        kind: x.kind,
        former_commune: x.formerCommune,
        demo: true,
      })),
    );
    const u = await insertAll(
      t,
      'unit',
      demo.units.map((x) => ({
        id: x.id,
        commune_id: x.communeId,
        village_id: x.villageId,
        name: x.name,
        type: x.type,
        staff: x.staff,
        demo: true,
      })),
    );
    // Population revisions have no natural key: add the demo ones only once.
    const provinceOf = new Map(communes.map((c) => [c.id, provinceId(provinceCode)]));
    await publishAreas(t, [
      ...demo.villages.map((x) => ({
        id: x.id,
        level: 'VILLAGE' as const,
        name: x.name,
        parentId: x.communeId,
        provinceId: provinceOf.get(x.communeId)!,
        communeId: x.communeId,
        formerCommune: x.formerCommune,
      })),
      ...demo.units.map((x) => ({
        id: x.id,
        level: 'UNIT' as const,
        name: x.name,
        parentId: x.communeId,
        provinceId: provinceOf.get(x.communeId)!,
        communeId: x.communeId,
        unitType: x.type,
        staff: x.staff,
        villageId: x.villageId,
      })),
    ]);
    const existing = await t.execute<Array<{ n: number }>>(
      `select count(*)::int as n from registry.population_revision where demo and area_id in (?)`,
      [demo.populations.map((x) => x.areaId).concat([''])],
    );
    const p =
      existing[0].n > 0
        ? 0
        : await insertAll(
            t,
            'population_revision',
            demo.populations.map((x) => ({
              area_id: x.areaId,
              area_level: x.areaLevel,
              as_of: x.asOf,
              adults: x.adults,
              working_age: x.workingAge,
              households: x.households,
              students: x.students,
              reason: DEMO_REASON,
              demo: true,
            })),
          );
    if (p > 0) {
      const rows = await t.execute<Array<PopulationRecorded & { recordedAt: Date }>>(
        `select id as "revisionId", area_id as "areaId", area_level as "areaLevel", as_of as "asOf", adults, working_age as "workingAge",
                households, officials, students, reason, recorded_at as "recordedAt"
           from registry.population_revision where demo and area_id in (?) order by id`,
        [demo.populations.map((x) => x.areaId)],
      );
      await appendEvents(
        t,
        'registry',
        POPULATION_RECORDED,
        rows.map((r) => ({ ...r, recordedAt: new Date(r.recordedAt).toISOString() })),
      );
    }
    return { villages: v, units: u, populations: p };
  });
}

/** True when the registry holds no province yet: the first run, which seeds. */
export async function isEmpty(em: EntityManager): Promise<boolean> {
  const rows = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from registry.province`);
  return rows[0].n === 0;
}
