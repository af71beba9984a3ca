import { Migration } from '@mikro-orm/migrations';
import { consumerOffsetTableSql } from '../../subgraphs/common/events';

/**
 * Reports, versions and people; portal statistics; the projections of the registry's hierarchy and population
 * (kept from its events); the consumer's position in the registry's outbox.
 */
export class Migration20251202000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop table if exists "reports"."unit_report";');
    this.addSql(
      `create table "reports"."area" ("id" varchar(16) not null, "level" varchar(12) not null, "name" varchar(200) not null, "parent_id" varchar(16) null, "province_id" varchar(16) not null, "commune_id" varchar(16) null, "former_commune" varchar(100) null, "unit_type" varchar(30) null, "staff" int null, "village_id" varchar(16) null, constraint "area_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "area_province_id_index" on "reports"."area" ("province_id");`);
    this.addSql(`create index "area_commune_id_index" on "reports"."area" ("commune_id");`);
    this.addSql(
      `create table "reports"."population_fact" ("revision_id" int not null, "area_id" varchar(16) not null, "area_level" varchar(12) not null, "as_of" date not null, "adults" int not null, "working_age" int null, "households" int null, "officials" int null, "students" int null, constraint "population_fact_pkey" primary key ("revision_id"));`,
    );
    this.addSql(
      `create index "population_fact_area_id_as_of_revision_id_index" on "reports"."population_fact" ("area_id", "as_of", "revision_id");`,
    );
    this.addSql(
      `create table "reports"."portal_statistic" ("id" serial primary key, "commune_id" varchar(16) not null, "province_id" varchar(16) not null, "stat_date" date not null, "portal_rank" int null, "learners" int not null, "officials_registered" int not null, "residents_registered" int not null, "officials_percent" double precision null, "residents_percent" double precision null, "import_id" varchar(40) not null, "imported_at" timestamptz not null default now(), "demo" boolean not null default false);`,
    );
    this.addSql(
      `create index "portal_statistic_province_id_stat_date_index" on "reports"."portal_statistic" ("province_id", "stat_date");`,
    );
    this.addSql(
      `alter table "reports"."portal_statistic" add constraint "portal_statistic_commune_id_stat_date_import_id_unique" unique ("commune_id", "stat_date", "import_id");`,
    );
    this.addSql(
      `create table "reports"."report_person" ("id" serial primary key, "report_id" int not null, "name" varchar(200) not null, "role" varchar(12) not null, "certified" boolean not null, "guided" int not null);`,
    );
    this.addSql(`create index "report_person_report_id_index" on "reports"."report_person" ("report_id");`);
    this.addSql(
      `create table "reports"."unit_report" ("id" serial primary key, "reporter_id" varchar(16) not null, "reporter_level" varchar(12) not null, "commune_id" varchar(16) not null, "province_id" varchar(16) not null, "report_date" date not null, "version" int not null, "idempotency_key" varchar(100) null, "officials_registered" int not null default 0, "officials_completed" int not null default 0, "officials_certified" int not null default 0, "residents_registered" int not null default 0, "residents_completed" int not null default 0, "residents_certified" int not null default 0, "students_registered" int not null default 0, "students_completed" int not null default 0, "students_certified" int not null default 0, "workers_registered" int not null default 0, "workers_completed" int not null default 0, "workers_certified" int not null default 0, "guided_residents" int not null default 0, "anomalies" jsonb not null, "note" varchar(1000) null, "submitted_at" timestamptz not null default now(), "submitted_by" varchar(100) null, "demo" boolean not null default false);`,
    );
    this.addSql(
      `create index "unit_report_province_id_report_date_index" on "reports"."unit_report" ("province_id", "report_date");`,
    );
    this.addSql(
      `create index "unit_report_commune_id_report_date_index" on "reports"."unit_report" ("commune_id", "report_date");`,
    );
    this.addSql(
      `alter table "reports"."unit_report" add constraint "unit_report_reporter_id_idempotency_key_unique" unique ("reporter_id", "idempotency_key");`,
    );
    this.addSql(
      `alter table "reports"."unit_report" add constraint "unit_report_reporter_id_report_date_version_unique" unique ("reporter_id", "report_date", "version");`,
    );
    this.addSql(
      `alter table "reports"."unit_report" add constraint "unit_report_figures_check" check (officials_registered >= officials_completed and officials_completed >= officials_certified and officials_certified >= 0 and residents_registered >= residents_completed and residents_completed >= residents_certified and residents_certified >= 0 and students_registered >= students_completed and students_completed >= students_certified and students_certified >= 0 and workers_registered >= workers_completed and workers_completed >= workers_certified and workers_certified >= 0 and guided_residents >= 0 and version >= 1);`,
    );
    this.addSql(
      `create index "unit_report_latest_index" on "reports"."unit_report" ("reporter_id", "report_date" desc, "version" desc);`,
    );
    this.addSql(
      `alter table "reports"."portal_statistic" add constraint "portal_statistic_figures_check" check (learners >= 0 and officials_registered >= 0 and residents_registered >= 0);`,
    );
    this.addSql(consumerOffsetTableSql('reports'));
  }
}
