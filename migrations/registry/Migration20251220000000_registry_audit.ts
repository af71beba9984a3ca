import { Migration } from '@mikro-orm/migrations';
import { auditTableSql } from '../../subgraphs/common/audit';
import { consumerOffsetTableSql } from '../../subgraphs/common/events';

/**
 * The registry's own audit entries; the one audit log that is read (`audit_log`: the registry's entries and those
 * other subgraphs publish as `audit.recorded`); and the registry's first consumer positions (`event_offset`).
 */
export class Migration20251220000000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of auditTableSql('registry')) this.addSql(sql);
    this.addSql(
      `create table "registry"."audit_log" ("id" bigserial primary key, "source" varchar(20) not null, "source_id" bigint not null, "at" timestamptz not null, "actor_id" varchar(100) null, "actor_name" varchar(200) null, "actor_role" varchar(30) not null, "operation" varchar(60) not null, "area_id" varchar(16) not null, "province_id" varchar(16) not null, "commune_id" varchar(16) null, "target_type" varchar(40) not null, "target_id" varchar(100) not null, "before" jsonb null, "after" jsonb null, "reason" text null, constraint "audit_log_source_source_id_unique" unique ("source", "source_id"));`,
    );
    this.addSql(`create index "audit_log_province_id_at_index" on "registry"."audit_log" ("province_id", "at");`);
    this.addSql(`create index "audit_log_commune_id_at_index" on "registry"."audit_log" ("commune_id", "at");`);
    this.addSql(`create index "audit_log_area_id_at_index" on "registry"."audit_log" ("area_id", "at");`);
    this.addSql(consumerOffsetTableSql('registry'));
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "registry"."event_offset";');
    this.addSql('drop table if exists "registry"."audit_log";');
    this.addSql('drop table if exists "registry"."audit_entry";');
  }
}
