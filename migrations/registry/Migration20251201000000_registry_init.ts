import { Migration } from '@mikro-orm/migrations';
import { outboxTableSql } from '../../subgraphs/common/outbox';

/** Hierarchy (province → commune → village, units), population revisions, and the registry's outbox. */
export class Migration20251201000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "registry";`);
    this.addSql(
      `create table "registry"."population_revision" ("id" serial primary key, "area_id" varchar(16) not null, "area_level" text check ("area_level" in ('PROVINCE', 'COMMUNE', 'VILLAGE')) not null, "as_of" date not null, "adults" int not null, "working_age" int null, "households" int null, "officials" int null, "students" int null, "reason" varchar(500) not null, "recorded_at" timestamptz not null default now(), "recorded_by" varchar(100) null, "demo" boolean not null default false);`,
    );
    this.addSql(
      `create index "population_revision_area_id_as_of_id_index" on "registry"."population_revision" ("area_id", "as_of", "id");`,
    );
    this.addSql(
      `create table "registry"."province" ("id" varchar(16) not null, "code" varchar(8) not null, "official_code" varchar(16) null, "name" varchar(100) not null, "full_name" varchar(120) not null, "kind" varchar(16) not null, constraint "province_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "registry"."province" add constraint "province_code_unique" unique ("code");`);
    this.addSql(
      `create table "registry"."commune" ("id" varchar(16) not null, "code" varchar(8) not null, "official_code" varchar(16) null, "name" varchar(100) not null, "search_name" varchar(100) not null, "kind" text check ("kind" in ('COMMUNE', 'WARD', 'SPECIAL_ZONE')) not null, "province_id" varchar(16) not null, constraint "commune_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "registry"."commune" add constraint "commune_code_unique" unique ("code");`);
    this.addSql(`create index "commune_search_name_index" on "registry"."commune" ("search_name");`);
    this.addSql(`create index "commune_province_id_index" on "registry"."commune" ("province_id");`);
    this.addSql(
      `create table "registry"."village" ("id" varchar(16) not null, "name" varchar(100) not null, "kind" text check ("kind" in ('VILLAGE', 'RESIDENTIAL_GROUP')) not null, "former_commune" varchar(100) null, "commune_id" varchar(16) not null, "demo" boolean not null default false, constraint "village_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "village_commune_id_index" on "registry"."village" ("commune_id");`);
    this.addSql(
      `create table "registry"."unit" ("id" varchar(16) not null, "name" varchar(200) not null, "type" text check ("type" in ('AGENCY', 'PARTY', 'POLICE', 'MILITARY', 'FATHERLAND_FRONT', 'MASS_ORGANISATION', 'SCHOOL', 'HEALTH', 'ENTERPRISE', 'COOPERATIVE', 'DIGITAL_TEAM', 'OTHER')) not null, "commune_id" varchar(16) not null, "village_id" varchar(16) null, "staff" int not null, "demo" boolean not null default false, constraint "unit_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "unit_commune_id_index" on "registry"."unit" ("commune_id");`);
    this.addSql(
      `alter table "registry"."commune" add constraint "commune_province_id_foreign" foreign key ("province_id") references "registry"."province" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "registry"."village" add constraint "village_commune_id_foreign" foreign key ("commune_id") references "registry"."commune" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "registry"."unit" add constraint "unit_commune_id_foreign" foreign key ("commune_id") references "registry"."commune" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "registry"."unit" add constraint "unit_village_id_foreign" foreign key ("village_id") references "registry"."village" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "registry"."population_revision" add constraint "population_figures_check" check (adults >= 0 and coalesce(working_age, 0) between 0 and adults and coalesce(officials, 0) between 0 and adults and coalesce(households, 0) >= 0 and coalesce(students, 0) >= 0);`,
    );
    this.addSql(`alter table "registry"."unit" add constraint "unit_staff_check" check (staff >= 0);`);
    for (const sql of outboxTableSql('registry')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop schema if exists "registry" cascade;');
  }
}
