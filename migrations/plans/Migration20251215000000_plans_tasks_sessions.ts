import { Migration } from '@mikro-orm/migrations';
import { consumerOffsetTableSql } from '../../subgraphs/common/events';

/**
 * Commune plans in full (own targets, reporting schedule, reward rules), their tasks and guided sessions, the
 * projections of registry areas and province directives the plans subgraph keeps from events, and the consumers'
 * offset table. Nothing was released before this, so the first `commune_plan` table is replaced.
 */
export class Migration20251215000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(consumerOffsetTableSql('plans'));
    this.addSql(`drop table if exists "plans"."commune_plan";`);
    this.addSql(
      `create table "plans"."area_projection" ("id" varchar(16) not null, "level" varchar(10) not null, "name" varchar(200) not null, "parent_id" varchar(16) null, "province_id" varchar(16) not null, "commune_id" varchar(16) null, constraint "area_projection_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "area_projection_commune_id_index" on "plans"."area_projection" ("commune_id");`);
    this.addSql(
      `create index "area_projection_province_id_level_index" on "plans"."area_projection" ("province_id", "level");`,
    );
    this.addSql(
      `create table "plans"."commune_plan" ("id" varchar(80) not null, "number" varchar(60) not null, "title" varchar(400) not null, "issued_on" date not null, "commune_id" varchar(16) not null, "directive_ids" text[] not null, "replaces_number" varchar(60) null, "targets" jsonb not null, "reporting_deadlines" jsonb not null, "reward_rules" jsonb not null, "demo" boolean not null default false, "created_at" timestamptz not null default now(), constraint "commune_plan_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "commune_plan_commune_id_index" on "plans"."commune_plan" ("commune_id");`);
    this.addSql(
      `create index "commune_plan_directive_ids_index" on "plans"."commune_plan" using gin ("directive_ids");`,
    );
    this.addSql(
      `alter table "plans"."commune_plan" add constraint "commune_plan_commune_id_number_unique" unique ("commune_id", "number");`,
    );
    this.addSql(
      `create table "plans"."directive_projection" ("id" varchar(60) not null, "province_id" varchar(16) not null, "number" varchar(60) not null, "title" varchar(400) not null, "issued_on" date not null, "status" varchar(12) not null, "revision" int not null, "targets" jsonb not null, constraint "directive_projection_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "directive_projection_province_id_index" on "plans"."directive_projection" ("province_id");`,
    );
    this.addSql(
      `create table "plans"."plan_task" ("id" serial primary key, "plan_id" varchar(80) not null, "title" varchar(400) not null, "assignee_id" varchar(16) not null, "assignee_level" text check ("assignee_level" in ('UNIT', 'VILLAGE')) not null, "due_on" date not null, "status" text check ("status" in ('TODO', 'IN_PROGRESS', 'DONE', 'CANCELLED')) not null default 'TODO', "demo" boolean not null default false);`,
    );
    this.addSql(`create index "plan_task_plan_id_index" on "plans"."plan_task" ("plan_id");`);
    this.addSql(
      `create table "plans"."training_session" ("id" serial primary key, "plan_id" varchar(80) not null, "held_on" date not null, "day_part" text check ("day_part" in ('MORNING', 'AFTERNOON', 'EVENING')) null, "venue" varchar(300) not null, "village_ids" text[] not null, "note" varchar(500) null, "demo" boolean not null default false);`,
    );
    this.addSql(`create index "training_session_plan_id_index" on "plans"."training_session" ("plan_id");`);
  }

  override async down(): Promise<void> {
    for (const t of [
      'training_session',
      'plan_task',
      'directive_projection',
      'commune_plan',
      'area_projection',
      'event_offset',
    ]) {
      this.addSql(`drop table if exists "plans"."${t}";`);
    }
    this.addSql(
      `create table "plans"."commune_plan" ("id" varchar(40) not null, "number" varchar(60) not null, "issued_on" date not null, "commune_id" varchar(16) not null, "directive_ids" jsonb not null, constraint "commune_plan_pkey" primary key ("id"));`,
    );
  }
}
