/**
 * What the plans subgraph keeps up with from other subgraphs' outboxes: the areas the registry publishes and the
 * directives the province issues, amends or withdraws. Each handler upserts in bulk, in the consumer's transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AREA_UPSERTED, COMMUNE_REPORT_SUBMITTED, DIRECTIVE_CHANGED } from '../../shared/vocabulary/events';
import { planPart } from './report-part';
import { effectiveTargetViews } from './effective-targets';
import { CommunePlan } from './entities/CommunePlan';
import { DirectiveProjection } from './entities/DirectiveProjection';
import type { Target } from '../../shared/vocabulary/values';
import { keyPeoplePart } from './key-people-certification';
import { keyPeopleWhere } from './loaders';
import { bulkUpsert } from '../common/bulk-upsert';
import { isEvent, type OutboxEvent } from '../common/events';
import type { SubgraphDefinition } from '../common/subgraph';

export async function applyAreas(em: EntityManager, event: OutboxEvent): Promise<void> {
  if (!isEvent(event, AREA_UPSERTED)) return;
  const { areas } = event.payload;
  await bulkUpsert(
    em,
    'plans.area_projection',
    ['id', 'level', 'name', 'parent_id', 'province_id', 'commune_id'],
    areas.map((a) => ({
      id: a.id,
      level: a.level,
      name: a.name,
      parent_id: a.parentId,
      province_id: a.provinceId,
      commune_id: a.communeId,
    })),
    { conflict: ['id'], update: ['level', 'name', 'parent_id', 'province_id', 'commune_id'] },
  );
}

export async function applyDirective(em: EntityManager, event: OutboxEvent): Promise<void> {
  if (!isEvent(event, DIRECTIVE_CHANGED)) return;
  const d = event.payload;
  await em.execute(
    `insert into plans.directive_projection (id, province_id, number, title, issued_on, status, revision, targets)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (id) do update set province_id = excluded.province_id, number = excluded.number, title = excluded.title,
       issued_on = excluded.issued_on, status = excluded.status, revision = excluded.revision, targets = excluded.targets
     where plans.directive_projection.revision < excluded.revision`,
    [d.directiveId, d.provinceId, d.number, d.title, d.issuedOn, d.status, d.revision, JSON.stringify(d.targets)],
  );
}

/**
 * A commune report was submitted: its plan part is frozen as the plans stand now, with the certification of the key
 * people they name (a resubmission after a return freezes it again; an older revision arriving late changes nothing).
 */
/** The commune's effective targets as they stand at the submission: the report is judged against these. */
async function targetsInForce(em: EntityManager, communeId: string, provinceId: string): Promise<Target[]> {
  const [plans, directives] = await Promise.all([
    em.find(CommunePlan, { communeId }),
    em.find(DirectiveProjection, { provinceId, status: 'IN_FORCE' }),
  ]);
  return effectiveTargetViews(directives, plans);
}

export async function freezeReportPlan(em: EntityManager, event: OutboxEvent): Promise<void> {
  if (!isEvent(event, COMMUNE_REPORT_SUBMITTED)) return;
  const r = event.payload;
  const plans = await em.execute<Array<{ id: string; number: string; title: string }>>(
    `select id, number, title from plans.commune_plan where commune_id = ? order by issued_on, id`,
    [r.communeId],
  );
  const ids = plans.map((p) => p.id);
  // The key people in force and the commune's villages, as the plans stand now (certified by the report's date).
  const [villages, people] = await Promise.all([
    em.execute<Array<{ id: string; name: string }>>(
      `select id, name from plans.area_projection where commune_id = ? and level = 'VILLAGE' order by id`,
      [r.communeId],
    ),
    keyPeopleWhere(em, 'commune_id', [r.communeId]),
  ]);
  const [tasks, sessions] = ids.length
    ? await Promise.all([
        em.execute<Array<{ planId: string; status: string }>>(
          `select plan_id as "planId", status from plans.plan_task where plan_id in (${ids.map(() => '?').join(', ')})`,
          ids,
        ),
        em.execute<Array<{ planId: string; heldOn: string }>>(
          `select plan_id as "planId", to_char(held_on, 'YYYY-MM-DD') as "heldOn" from plans.training_session where plan_id in (${ids.map(() => '?').join(', ')})`,
          ids,
        ),
      ])
    : [[], []];
  await em.execute(
    `insert into plans.commune_report_plan (report_id, revision, commune_id, as_of, frozen_at, plans, key_people, targets)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (report_id) do update set revision = excluded.revision, as_of = excluded.as_of,
       frozen_at = excluded.frozen_at, plans = excluded.plans, key_people = excluded.key_people,
       targets = excluded.targets
     where plans.commune_report_plan.revision < excluded.revision`,
    [
      r.reportId,
      r.revision,
      r.communeId,
      r.asOf,
      r.submittedAt,
      JSON.stringify(planPart(plans, tasks, sessions, r.asOf)),
      JSON.stringify(keyPeoplePart(villages, people, r.asOf)),
      JSON.stringify(await targetsInForce(em, r.communeId, r.provinceId)),
    ],
  );
}

export const PLANS_CONSUMERS: NonNullable<SubgraphDefinition<unknown>['consumers']> = [
  { producer: 'registry', name: 'plans.areas', topics: [AREA_UPSERTED], handle: applyAreas },
  { producer: 'directives', name: 'plans.directives', topics: [DIRECTIVE_CHANGED], handle: applyDirective },
  { producer: 'reports', name: 'plans.commune-reports', topics: [COMMUNE_REPORT_SUBMITTED], handle: freezeReportPlan },
];
