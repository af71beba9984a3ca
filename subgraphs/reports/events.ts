/**
 * The reports subgraph's events: the copy it keeps of the registry's hierarchy and population figures and of the
 * directives' targets (its consumers), and the payloads of the topics it writes for itself (its live hub reads them).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AREA_UPSERTED, DIRECTIVE_CHANGED, POPULATION_RECORDED } from '../../shared/vocabulary/events';
import { bulkUpsert } from '../common/bulk-upsert';
import { isEvent, type OutboxEvent } from '../common/events';
import type { SubgraphDefinition } from '../common/subgraph';
import { publishLiveEvents, type ProgressUpdatedPayload, type RankChangedPayload } from './live/store';
import { LIVE_PUBLISHER } from './live/publisher';

/** What this subgraph writes to its own outbox for its live subscriptions. */
declare module '../common/outbox' {
  interface OutboxTopics {
    'report.submitted': ReportSubmitted;
    'portal.imported': PortalImported;
    'progress.updated': ProgressUpdatedPayload;
    'rank.changed': RankChangedPayload;
  }
}
export interface ReportSubmitted {
  reportId: number;
  reporterId: string;
  communeId: string;
  provinceId: string;
  reportDate: string;
  version: number;
  /** Its live events were published in its own transaction (else by the coalescing consumer, live/publisher.ts). */
  live?: boolean;
}
export interface PortalImported {
  importId: string;
  dates: string[];
  communes: string[];
}

const AREA_COLUMNS = [
  'id',
  'level',
  'name',
  'parent_id',
  'province_id',
  'commune_id',
  'former_commune',
  'unit_type',
  'staff',
  'village_id',
  'closed_on',
] as const;

export async function applyRegistryEvent(em: EntityManager, event: OutboxEvent): Promise<void> {
  if (isEvent(event, AREA_UPSERTED)) {
    const { areas } = event.payload;
    await bulkUpsert(
      em,
      'reports.area',
      AREA_COLUMNS,
      areas.map((a) => ({
        id: a.id,
        level: a.level,
        name: a.name,
        parent_id: a.parentId,
        province_id: a.provinceId,
        commune_id: a.communeId,
        former_commune: a.formerCommune ?? null,
        unit_type: a.unitType ?? null,
        staff: a.staff ?? null,
        village_id: a.villageId ?? null,
        closed_on: a.closedOn ?? null,
      })),
      { conflict: ['id'], update: AREA_COLUMNS.filter((c) => c !== 'id'), chunk: 500 },
    );
  } else if (isEvent(event, POPULATION_RECORDED)) {
    const p = event.payload;
    await em.execute(
      `insert into reports.population_fact (revision_id, area_id, area_level, as_of, adults, working_age, households, officials, students)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (revision_id) do nothing`,
      [p.revisionId, p.areaId, p.areaLevel, p.asOf, p.adults, p.workingAge, p.households, p.officials, p.students],
    );
  }
}

/** Keeps the latest revision of each directive's targets (an older revision arriving late never wins). */
export async function applyDirectiveEvent(em: EntityManager, event: OutboxEvent): Promise<void> {
  if (!isEvent(event, DIRECTIVE_CHANGED)) return;
  const d = event.payload;
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

/**
 * After a batch of registry events: the live events of the areas whose population figures were recorded, and of
 * the villages and units an official added, renamed, closed or whose staff was corrected (`live`; never the seed's).
 */
export async function publishPopulationLiveEvents(em: EntityManager, events: OutboxEvent[]): Promise<void> {
  const areas = events.flatMap((e) => (isEvent(e, POPULATION_RECORDED) ? [e.payload.areaId] : []));
  if (areas.length > 0) await publishLiveEvents(em, [...new Set(areas)], 'POPULATION');
  const kept = events.flatMap((e) => (isEvent(e, AREA_UPSERTED) && e.payload.live ? e.payload.areas : []));
  if (kept.length > 0) await publishLiveEvents(em, [...new Set(kept.map((a) => a.id))], 'REGISTRY');
}

export const REGISTRY_CONSUMER = {
  producer: 'registry' as const,
  consumer: 'reports' as const,
  name: 'registry-to-reports',
  topics: [AREA_UPSERTED, POPULATION_RECORDED],
  handle: applyRegistryEvent,
};
export const DIRECTIVES_CONSUMER = {
  producer: 'directives' as const,
  consumer: 'reports' as const,
  name: 'directives-to-reports',
  topics: [DIRECTIVE_CHANGED],
  handle: applyDirectiveEvent,
};

/** While the subgraph runs: both, the coalescing live publisher, and the live events of the areas whose population was recorded (the demo seed does not). */
export const REPORTS_CONSUMERS: NonNullable<SubgraphDefinition<unknown>['consumers']> = [
  { ...REGISTRY_CONSUMER, afterBatch: publishPopulationLiveEvents },
  DIRECTIVES_CONSUMER,
  LIVE_PUBLISHER,
];
