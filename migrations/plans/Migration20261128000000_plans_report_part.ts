import { Migration } from '@mikro-orm/migrations';

/**
 * The plan part of each submitted commune report, frozen when the report is submitted (reports' outbox event
 * `commune-report.submitted`): sessions held by the report's date and tasks done, per plan of the commune.
 */
export class Migration20261128000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "plans"."commune_report_plan" ("report_id" int not null, "revision" int not null, "commune_id" varchar(16) not null, "as_of" date not null, "frozen_at" timestamptz not null default now(), "plans" jsonb not null, constraint "commune_report_plan_pkey" primary key ("report_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "plans"."commune_report_plan";');
  }
}
