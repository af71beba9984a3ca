/**
 * The audit trail (docs/audit.md): every write records who, when, which operation, and the values before and after,
 * in the same transaction as the change, in the subgraph that owns the data. `recordAudit` writes the owner's
 * `audit_entry` row and an `audit.recorded` event in its outbox; the registry consumes those events into the one
 * log that is read (`registry.audit_log`, `Query.auditLog`).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AUDIT_RECORDED, type AuditRecorded } from '../../shared/vocabulary/events';
import type { SubgraphName } from '../../shared/topology';
import { appendEvent } from './outbox';
import type { Viewer } from '../../shared/pure/viewer';

/** The table each subgraph's migration creates for its own audit entries. */
export function auditTableSql(schema: SubgraphName): string[] {
  return [
    `create table "${schema}"."audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "actor_id" varchar(100) null, "actor_name" varchar(200) null, "actor_role" varchar(30) not null, "operation" varchar(60) not null, "area_id" varchar(16) not null, "province_id" varchar(16) not null, "commune_id" varchar(16) null, "target_type" varchar(40) not null, "target_id" varchar(100) not null, "before" jsonb null, "after" jsonb null, "reason" text null);`,
    `create index "audit_entry_province_id_at_index" on "${schema}"."audit_entry" ("province_id", "at");`,
    `create index "audit_entry_commune_id_at_index" on "${schema}"."audit_entry" ("commune_id", "at");`,
  ];
}

/** One write to record: the caller, the operation, where it happened, and what it replaced and wrote. */
export interface AuditInput {
  viewer: Viewer;
  operation: string;
  areaId: string;
  provinceId: string;
  /** The commune the area is in (itself for a commune); null for a province. */
  communeId: string | null;
  targetType: string;
  targetId: string | number;
  before: unknown;
  after: unknown;
  reason?: string | null;
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Records one audited write in the caller's transaction (pass the transaction's EntityManager): the owner's
 * `audit_entry` row and its `audit.recorded` event. If the transaction rolls back, neither exists.
 */
export async function recordAudit(em: EntityManager, schema: SubgraphName, entry: AuditInput): Promise<AuditRecorded> {
  const rows = await em.execute<Array<{ id: string | number; at: Date }>>(
    `insert into "${schema}"."audit_entry" ("actor_id", "actor_name", "actor_role", "operation", "area_id", "province_id", "commune_id", "target_type", "target_id", "before", "after", "reason")
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning "id", "at"`,
    [
      entry.viewer.id,
      entry.viewer.name,
      entry.viewer.role,
      entry.operation,
      entry.areaId,
      entry.provinceId,
      entry.communeId,
      entry.targetType,
      String(entry.targetId),
      json(entry.before),
      json(entry.after),
      entry.reason ?? null,
    ],
  );
  const event: AuditRecorded = {
    source: schema,
    entryId: Number(rows[0].id),
    at: new Date(rows[0].at).toISOString(),
    actorId: entry.viewer.id,
    actorName: entry.viewer.name,
    actorRole: entry.viewer.role,
    operation: entry.operation,
    areaId: entry.areaId,
    provinceId: entry.provinceId,
    communeId: entry.communeId,
    targetType: entry.targetType,
    targetId: String(entry.targetId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  };
  await appendEvent(em, schema, AUDIT_RECORDED, event);
  return event;
}
