import type { EntityManager } from '@mikro-orm/postgresql';
import { drainOutbox } from '../../common/events';
import { FIGURE_FIELDS, figuresOfTriples, figureValues } from '../intake/figures';
import { communeCurves, portalRows, weeklyReports, type DemoCommune } from './data';
import { platformRows } from './platform';
import { DIRECTIVES_CONSUMER, REGISTRY_CONSUMER } from '../events';
import { initRankState } from '../live/store';
import { importPortalStatistics } from '../intake/portal-store';

export const DEMO_PROVINCE = 'P23';
const ROW_VALUES = `(?, ?, ?, ?, ?, 1, ${FIGURE_FIELDS.map(() => '?').join(', ')}, ?, ?, ?, ?, ?::jsonb, '[]', ?, true)`;

/**
 * Several weeks of generated reports, two portal statistics pages and a national-platform row for Quảng Ngãi (see
 * data.ts, platform.ts). Runs on the
 * first `npm start`, after the registry's seed: it first applies the registry's pending events so the hierarchy
 * and the population figures are here.
 */
export async function seedDemo(em: EntityManager, log: (line: string) => void): Promise<void> {
  const applied = await drainOutbox(em, REGISTRY_CONSUMER);
  await drainOutbox(em, DIRECTIVES_CONSUMER);
  const existing = await em.execute<Array<{ n: number }>>(
    `select count(*)::int as n from reports.unit_report where province_id = ?`,
    [DEMO_PROVINCE],
  );
  if (existing[0].n > 0) return;
  const areas = await em.execute<
    Array<{
      id: string;
      level: 'COMMUNE' | 'VILLAGE' | 'UNIT';
      name: string;
      communeId: string;
      unitType: string | null;
      staff: number | null;
    }>
  >(
    `select id, level, name, commune_id as "communeId", unit_type as "unitType", staff
       from reports.area where province_id = ? and level <> 'PROVINCE' order by id`,
    [DEMO_PROVINCE],
  );
  const adults = new Map(
    (
      await em.execute<Array<{ areaId: string; adults: number }>>(
        `select distinct on (pf.area_id) pf.area_id as "areaId", pf.adults from reports.population_fact pf
           join reports.area a on a.id = pf.area_id where a.province_id = ?
          order by pf.area_id, pf.as_of desc, pf.revision_id desc`,
        [DEMO_PROVINCE],
      )
    ).map((r) => [r.areaId, r.adults]),
  );
  const communes: DemoCommune[] = areas
    .filter((a) => a.level === 'COMMUNE')
    .map((c) => {
      const reporters = areas
        .filter((a) => a.communeId === c.id && a.level !== 'COMMUNE')
        .map((a) => ({
          id: a.id,
          level: a.level as 'VILLAGE' | 'UNIT',
          unitType: a.unitType,
          staff: a.staff,
          adults: adults.get(a.id) ?? null,
        }));
      const sum = reporters.reduce((s, r) => s + (r.level === 'VILLAGE' ? (r.adults ?? 0) : 0), 0);
      return { id: c.id, name: c.name, adults: adults.get(c.id) ?? sum, reporters };
    })
    .filter((c) => c.adults > 0 && c.reporters.length > 0);
  if (communes.length === 0) {
    log('reports: no demo communes found (registry demo data missing); no demo reports');
    return;
  }
  const curves = communeCurves(communes);
  const reports = weeklyReports(communes, curves);
  await em.transactional(async (tx) => {
    const t = tx;
    for (let i = 0; i < reports.length; i += 500) {
      const chunk = reports.slice(i, i + 500);
      await t.execute(
        `insert into reports.unit_report (reporter_id, reporter_level, commune_id, province_id, report_date, version,
           ${FIGURE_FIELDS.map((f) => f.column).join(', ')},
           guided_residents, digital_signatures, vneid_confirmed, vneid_skills, student_levels, anomalies, submitted_at, demo)
         values ${chunk.map(() => ROW_VALUES).join(', ')}`,
        chunk.flatMap((r) => [
          r.reporterId,
          r.reporterLevel,
          r.communeId,
          DEMO_PROVINCE,
          r.reportDate,
          ...figureValues(figuresOfTriples(r)),
          r.guidedResidents,
          r.digitalSignatures ?? null,
          r.vneidConfirmed ?? null,
          r.vneidSkills ?? null,
          r.studentLevels ? JSON.stringify(r.studentLevels) : null,
          r.submittedAt,
        ]),
      );
    }
  });
  const imported = await importPortalStatistics(em, 'SEED', portalRows(communes, curves));
  const platform = await importPortalStatistics(em, 'SEED', platformRows(communes, curves));
  await initRankState(em, DEMO_PROVINCE);
  log(
    `demo reports for Quảng Ngãi: ${applied} registry events applied, ${reports.length} weekly reports, ` +
      `${imported.rows} portal rows, ${platform.rows} national-platform row (generated)`,
  );
}
