import { Migration } from '@mikro-orm/migrations';
import { outboxTableSql } from '../../subgraphs/common/outbox';

/** The reports subgraph's first tables and its outbox. */
export class Migration20251201000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "reports";`);
    this.addSql(
      `create table "reports"."unit_report" ("id" serial primary key, "reporter_id" varchar(16) not null, "report_date" date not null, "submitted_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "unit_report_reporter_id_index" on "reports"."unit_report" ("reporter_id");`);
    for (const sql of outboxTableSql('reports')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop schema if exists "reports" cascade;');
  }
}
