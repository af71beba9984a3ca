import type { EntityManager } from '@mikro-orm/postgresql';
import { bulkUpsert } from '../../common/bulk-upsert';
import { drainOutbox, isEvent, type OutboxEvent } from '../../common/events';
import { POPULATION_RECORDED, type PopulationRecorded } from '../../../shared/vocabulary/events';
import { weeklyReports, type DemoCommune, type DemoReportRow } from './data';
import { applyRegistryEvent, REGISTRY_CONSUMER } from '../events';
import { FIGURE_FIELDS, figuresOfTriples, figureValues } from '../intake/figures';
import { initRankState } from '../live/store';
import { nationalCurves } from './national';
import { DEMO_PROVINCE } from './seed';

const ROW_VALUES = `(?, ?, ?, ?, ?, 1, ${FIGURE_FIELDS.map(() => '?').join(', ')}, ?, '[]', ?, true)`;
const CHUNK = 1000;

/** A province's communes with their reporters and adults, as the demo report generator takes them. */
export async function reportingCommunesOf(em: EntityManager, provinceId: string): Promise<DemoCommune[]> {
  const areas = await em.execute<
    Array<{ id: string; level: string; name: string; communeId: string; unitType: string | null; staff: number | null }>
  >(
    `select id, level, name, commune_id as "communeId", unit_type as "unitType", staff
       from reports.area where province_id = ? and level <> 'PROVINCE' order by id`,
    [provinceId],
  );
  const adults = new Map(
    (
      await em.execute<Array<{ areaId: string; adults: number }>>(
        `select distinct on (pf.area_id) pf.area_id as "areaId", pf.adults from reports.population_fact pf
           join reports.area a on a.id = pf.area_id where a.province_id = ?
          order by pf.area_id, pf.as_of desc, pf.revision_id desc`,
        [provinceId],
      )
    ).map((r) => [r.areaId, r.adults]),
  );
  const byCommune = new Map<string, DemoCommune['reporters']>();
  for (const a of areas) {
    if (a.level === 'COMMUNE') continue;
    const list = byCommune.get(a.communeId) ?? [];
    list.push({
      id: a.id,
      level: a.level as 'VILLAGE' | 'UNIT',
      unitType: a.unitType,
      staff: a.staff,
      adults: adults.get(a.id) ?? null,
    });
    byCommune.set(a.communeId, list);
  }
  return areas
    .filter((a) => a.level === 'COMMUNE')
    .map((c) => {
      const reporters = byCommune.get(c.id) ?? [];
      const sum = reporters.reduce((s, r) => s + (r.level === 'VILLAGE' ? (r.adults ?? 0) : 0), 0);
      return { id: c.id, name: c.name, adults: adults.get(c.id) ?? sum, reporters };
    })
    .filter((c) => c.adults > 0 && c.reporters.length > 0);
}

async function insertReports(em: EntityManager, provinceId: string, rows: DemoReportRow[]): Promise<void> {
  await em.transactional(async (tx) => {
    const t = tx;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await t.execute(
        `insert into reports.unit_report (reporter_id, reporter_level, commune_id, province_id, report_date, version,
           ${FIGURE_FIELDS.map((f) => f.column).join(', ')}, guided_residents, anomalies, submitted_at, demo)
         values ${chunk.map(() => ROW_VALUES).join(', ')}`,
        chunk.flatMap((r) => [
          r.reporterId,
          r.reporterLevel,
          r.communeId,
          provinceId,
          r.reportDate,
          ...figureValues(figuresOfTriples(r)),
          r.guidedResidents,
          r.submittedAt,
        ]),
      );
    }
  });
}

/**
 * `SEED=national`: weekly reports (the Quảng Ngãi demo's Fridays) for every province that has villages but no
 * reports yet, after applying the registry's pending events; then each province's rank state, so live rank events
 * start from the seeded ranking. A progress line per province.
 */
export async function seedNational(em: EntityManager, log: (line: string) => void = () => undefined): Promise<void> {
  const started = Date.now();
  const applied = await drainRegistryInBulk(em);
  if (applied > 0) log(`national reports: ${applied} registry events applied (${secondsSince(started)} s)`);
  const provinces = await em.execute<Array<{ id: string; name: string }>>(
    `select p.id, p.name from reports.area p where p.level = 'PROVINCE' and p.id <> ?
        and exists (select 1 from reports.area v where v.province_id = p.id and v.level = 'VILLAGE')
        and not exists (select 1 from reports.unit_report r where r.province_id = p.id)
      order by p.id`,
    [DEMO_PROVINCE],
  );
  let total = 0;
  for (const [i, p] of provinces.entries()) {
    const communes = await reportingCommunesOf(em, p.id);
    const rows = weeklyReports(communes, nationalCurves(communes));
    await insertReports(em, p.id, rows);
    await initRankState(em, p.id);
    total += rows.length;
    log(
      `national reports ${i + 1}/${provinces.length}: ${p.id} ${p.name}, ${rows.length} weekly reports ` +
        `(${total} in all, ${secondsSince(started)} s)`,
    );
  }
}

/**
 * The registry's pending events as the running consumer applies them (same consumer position, same transactions of
 * 500), but each batch's population figures in one multi-row insert: 100,000 village figures one by one take minutes.
 */
async function drainRegistryInBulk(em: EntityManager): Promise<number> {
  let figures: PopulationRecorded[] = [];
  return drainOutbox(em, {
    ...REGISTRY_CONSUMER,
    async handle(t: EntityManager, event: OutboxEvent) {
      if (isEvent(event, POPULATION_RECORDED)) figures.push(event.payload);
      else await applyRegistryEvent(t, event);
    },
    async afterBatch(t: EntityManager) {
      const rows = figures;
      figures = [];
      if (rows.length === 0) return;
      await bulkUpsert(
        t,
        'reports.population_fact',
        [
          'revision_id',
          'area_id',
          'area_level',
          'as_of',
          'adults',
          'working_age',
          'households',
          'officials',
          'students',
        ],
        rows.map((p) => ({
          revision_id: p.revisionId,
          area_id: p.areaId,
          area_level: p.areaLevel,
          as_of: p.asOf,
          adults: p.adults,
          working_age: p.workingAge,
          households: p.households,
          officials: p.officials,
          students: p.students,
        })),
        { conflict: ['revision_id'] },
      );
    },
  });
}

const secondsSince = (t: number) => Math.round((Date.now() - t) / 1000);
