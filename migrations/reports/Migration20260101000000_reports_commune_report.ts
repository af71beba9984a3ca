import { Migration } from '@mikro-orm/migrations';

/** Communes' periodic reports to the province, one per commune × reporting request (directive, due date). */
export class Migration20260101000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "reports"."commune_report" ("id" serial primary key, "commune_id" varchar(16) not null, "province_id" varchar(16) not null, "directive_id" varchar(40) not null, "due_on" date not null, "status" varchar(12) not null, "number" varchar(60) null, "difficulties" text null, "proposals" text null, "figures" jsonb null, "first_submitted_at" timestamptz null, "submitted_at" timestamptz null, "submitted_by" varchar(200) null, "reviewed_at" timestamptz null, "reviewed_by" varchar(200) null, "review_note" varchar(1000) null, "revision" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "commune_report_status_check" check ("status" in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')));`,
    );
    this.addSql(
      `alter table "reports"."commune_report" add constraint "commune_report_commune_id_directive_id_due_on_unique" unique ("commune_id", "directive_id", "due_on");`,
    );
    this.addSql(
      `create index "commune_report_province_id_directive_id_due_on_index" on "reports"."commune_report" ("province_id", "directive_id", "due_on");`,
    );
  }
}
