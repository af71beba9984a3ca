/**
 * What the plans subgraph keeps up with from other subgraphs' outboxes: the areas the registry publishes and the
 * directives the province issues, amends or withdraws. Each handler upserts in bulk, in the consumer's transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AREA_UPSERTED, DIRECTIVE_CHANGED } from '../../shared/vocabulary/events';
import { isEvent, type OutboxEvent } from '../common/events';
import type { SubgraphDefinition } from '../common/subgraph';

export async function applyAreas(em: EntityManager, event: OutboxEvent): Promise<void> {
  if (!isEvent(event, AREA_UPSERTED)) return;
  const { areas } = event.payload;
  for (let i = 0; i < areas.length; i += 1000) {
    const chunk = areas.slice(i, i + 1000);
    await em.execute(
      `insert into plans.area_projection (id, level, name, parent_id, province_id, commune_id)
       values ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
       on conflict (id) do update set level = excluded.level, name = excluded.name, parent_id = excluded.parent_id,
         province_id = excluded.province_id, commune_id = excluded.commune_id`,
      chunk.flatMap((a) => [a.id, a.level, a.name, a.parentId, a.provinceId, a.communeId]),
    );
  }
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

export const PLANS_CONSUMERS: NonNullable<SubgraphDefinition<unknown>['consumers']> = [
  { producer: 'registry', name: 'plans.areas', topics: [AREA_UPSERTED], handle: applyAreas },
  { producer: 'directives', name: 'plans.directives', topics: [DIRECTIVE_CHANGED], handle: applyDirective },
];
