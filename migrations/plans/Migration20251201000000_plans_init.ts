import { Migration } from '@mikro-orm/migrations';
import { outboxTableSql } from '../../subgraphs/common/outbox';

/** The plans subgraph's first tables and its outbox. */
export class Migration20251201000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "plans";`);
    this.addSql(
      `create table "plans"."commune_plan" ("id" varchar(40) not null, "number" varchar(60) not null, "issued_on" date not null, "commune_id" varchar(16) not null, "directive_ids" jsonb not null, constraint "commune_plan_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "commune_plan_commune_id_index" on "plans"."commune_plan" ("commune_id");`);
    for (const sql of outboxTableSql('plans')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop schema if exists "plans" cascade;');
  }
}
