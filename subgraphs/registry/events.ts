/** What the registry keeps up with from other subgraphs' outboxes: their audited writes (audit.recorded). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AUDIT_RECORDED } from '../../shared/vocabulary/events';
import { isEvent, type OutboxEvent } from '../common/events';
import type { SubgraphDefinition } from '../common/subgraph';
import { projectAudit } from './audit-log';

/**
 * The registry reads the audit entries of directives, plans and reports from their outboxes; its own entries go
 * straight into the log, in the transaction of the change (population-store.ts).
 */
export const REGISTRY_CONSUMERS: NonNullable<SubgraphDefinition<unknown>['consumers']> = (
  ['directives', 'plans', 'reports'] as const
).map((producer) => ({
  producer,
  name: `registry.audit.${producer}`,
  topics: [AUDIT_RECORDED],
  handle: async (em: EntityManager, event: OutboxEvent) => {
    if (isEvent(event, AUDIT_RECORDED)) await projectAudit(em, event.payload);
  },
}));
