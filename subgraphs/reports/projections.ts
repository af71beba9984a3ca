/** Keeps the reports subgraph's copy of the hierarchy and of the population figures, from the registry's events. */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AREA_UPSERTED,
  DIRECTIVE_CHANGED,
  POPULATION_RECORDED,
  type AreaUpserted,
  type DirectiveChanged,
  type PopulationRecorded,
} from '../../shared/vocabulary/events';
import type { OutboxEvent } from '../common/events';
import { publishChanges } from './live';

export const REGISTRY_TOPICS = [AREA_UPSERTED, POPULATION_RECORDED];

export async function applyRegistryEvent(em: EntityManager, event: OutboxEvent): Promise<void> {
  if (event.topic === AREA_UPSERTED) {
    const { areas } = event.payload as unknown as AreaUpserted;
    for (let i = 0; i < areas.length; i += 500) {
      const chunk = areas.slice(i, i + 500);
      await em.execute(
        `insert into reports.area (id, level, name, parent_id, province_id, commune_id, former_commune, unit_type, staff, village_id)
         values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         on conflict (id) do update set level = excluded.level, name = excluded.name, parent_id = excluded.parent_id,
           province_id = excluded.province_id, commune_id = excluded.commune_id, former_commune = excluded.former_commune,
           unit_type = excluded.unit_type, staff = excluded.staff, village_id = excluded.village_id`,
        chunk.flatMap((a) => [
          a.id,
          a.level,
          a.name,
          a.parentId,
          a.provinceId,
          a.communeId,
          a.formerCommune ?? null,
          a.unitType ?? null,
          a.staff ?? null,
          a.villageId ?? null,
        ]),
      );
    }
  } else if (event.topic === POPULATION_RECORDED) {
    const p = event.payload as unknown as PopulationRecorded;
    await em.execute(
      `insert into reports.population_fact (revision_id, area_id, area_level, as_of, adults, working_age, households, officials, students)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (revision_id) do nothing`,
      [p.revisionId, p.areaId, p.areaLevel, p.asOf, p.adults, p.workingAge, p.households, p.officials, p.students],
    );
  }
}

export const DIRECTIVE_TOPICS = [DIRECTIVE_CHANGED];

/** Keeps the latest revision of each directive's targets (an older revision arriving late never wins). */
export async function applyDirectiveEvent(em: EntityManager, event: OutboxEvent): Promise<void> {
  if (event.topic !== DIRECTIVE_CHANGED) return;
  const d = event.payload as unknown as DirectiveChanged;
  await em.execute(
    `insert into reports.directive_target (directive_id, province_id, number, revision, status, targets, deadlines) values (?, ?, ?, ?, ?, ?, ?)
     on conflict (directive_id) do update set province_id = excluded.province_id, number = excluded.number, revision = excluded.revision,
       status = excluded.status, targets = excluded.targets, deadlines = excluded.deadlines
     where reports.directive_target.revision <= excluded.revision`,
    [
      d.directiveId,
      d.provinceId,
      d.number,
      d.revision,
      d.status,
      JSON.stringify(d.targets),
      JSON.stringify(d.reportingDeadlines ?? []),
    ],
  );
}

/** After a batch of registry events: live progress and rank changes for the areas whose population changed. */
export async function publishPopulationChanges(em: EntityManager, events: OutboxEvent[]): Promise<void> {
  const areas = events
    .filter((e) => e.topic === POPULATION_RECORDED)
    .map((e) => (e.payload as unknown as PopulationRecorded).areaId);
  if (areas.length > 0) await publishChanges(em, [...new Set(areas)], 'POPULATION');
}
