import { Migration } from '@mikro-orm/migrations';

/**
 * The registry kept by its officials (issue 24, item 3): villages and units carry the day they were added and
 * closed and their former names; a unit's staff is corrected by revisions with a reason (never overwritten). The
 * units' current staff stays in `unit.staff` (the revision in force today), each unit's first revision being the
 * figure it had.
 */
export class Migration20261208020000 extends Migration {
  override async up(): Promise<void> {
    for (const table of ['village', 'unit']) {
      this.addSql(
        `alter table "registry"."${table}" add column "opened_on" date null, add column "closed_on" date null, add column "former_names" jsonb not null default '[]';`,
      );
    }
    this.addSql(
      `create table "registry"."staff_revision" ("id" serial primary key, "unit_id" varchar(16) not null, "staff" int not null check (staff >= 0), "effective_on" date not null, "reason" varchar(500) not null, "recorded_at" timestamptz not null default now(), "recorded_by" varchar(100) null);`,
    );
    this.addSql(
      `create index "staff_revision_unit_id_effective_on_id_index" on "registry"."staff_revision" ("unit_id", "effective_on", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "registry"."staff_revision";');
    for (const table of ['village', 'unit']) {
      this.addSql(
        `alter table "registry"."${table}" drop column "opened_on", drop column "closed_on", drop column "former_names";`,
      );
    }
  }
}
