import { Migration } from '@mikro-orm/migrations';

/**
 * Key people of each village named by a commune plan (trưởng thôn, bí thư chi bộ, trưởng ban công tác Mặt trận),
 * one row per revision with at most one in force per plan, village and role; and their certification frozen with
 * each commune report's plan part.
 */
export class Migration20261129000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "plans"."key_person" ("id" serial primary key, "plan_id" varchar(80) not null, "commune_id" varchar(16) not null, "village_id" varchar(16) not null, "role" text check ("role" in ('VILLAGE_HEAD', 'PARTY_CELL_SECRETARY', 'FRONT_HEAD')) not null, "revision" int not null, "current" boolean not null, "full_name" varchar(200) not null, "phone" varchar(11) null, "certified_on" date null, "change" text check ("change" in ('NAMED', 'REPLACED', 'UPDATED', 'CERTIFIED', 'CORRECTED')) not null, "reason" text null, "recorded_at" timestamptz not null default now(), "recorded_by" varchar(200) null, "demo" boolean not null default false);`,
    );
    this.addSql(`create index "key_person_plan_id_index" on "plans"."key_person" ("plan_id");`);
    this.addSql(`create index "key_person_commune_id_index" on "plans"."key_person" ("commune_id");`);
    this.addSql(`create index "key_person_village_id_index" on "plans"."key_person" ("village_id");`);
    this.addSql(
      `create unique index "key_person_plan_id_village_id_role_revision_index" on "plans"."key_person" ("plan_id", "village_id", "role", "revision");`,
    );
    this.addSql(
      `create unique index "key_person_in_force" on "plans"."key_person" ("plan_id", "village_id", "role") where "current";`,
    );
    this.addSql(`alter table "plans"."commune_report_plan" add column "key_people" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "plans"."commune_report_plan" drop column if exists "key_people";');
    this.addSql('drop table if exists "plans"."key_person";');
  }
}
