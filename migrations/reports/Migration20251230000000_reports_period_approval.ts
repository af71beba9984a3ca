import { Migration } from '@mikro-orm/migrations';

/**
 * Approval and locking of reporting periods (a commune × a report date). `period_approval` holds the current state
 * of each period that was ever approved (revision counts its changes); `period_approval_history` keeps every
 * approval and reopening as its own row, so nothing is overwritten silently.
 */
export class Migration20251230000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "reports"."period_approval" ("commune_id" varchar(16) not null, "report_date" date not null, "province_id" varchar(16) not null, "state" varchar(12) not null, "revision" int not null, "approved_at" timestamptz null, "approved_by_id" varchar(100) null, "approved_by_name" varchar(200) null, "note" varchar(1000) null, "reopened_at" timestamptz null, "reopened_by_id" varchar(100) null, "reopened_by_name" varchar(200) null, "reason" varchar(1000) null, "updated_at" timestamptz not null default now(), constraint "period_approval_pkey" primary key ("commune_id", "report_date"), constraint "period_approval_state_check" check ("state" in ('APPROVED', 'REOPENED') and "revision" >= 1));`,
    );
    this.addSql(
      `create index "period_approval_province_id_report_date_index" on "reports"."period_approval" ("province_id", "report_date");`,
    );
    this.addSql(
      `create table "reports"."period_approval_history" ("id" bigserial primary key, "commune_id" varchar(16) not null, "report_date" date not null, "revision" int not null, "action" varchar(12) not null, "at" timestamptz not null default now(), "actor_id" varchar(100) null, "actor_name" varchar(200) null, "actor_role" varchar(30) not null, "note" varchar(1000) null, "reason" varchar(1000) null, "reporters" int not null, "versions" int not null, constraint "period_approval_history_action_check" check ("action" in ('APPROVE', 'REOPEN')));`,
    );
    this.addSql(
      `alter table "reports"."period_approval_history" add constraint "period_approval_history_period_revision_unique" unique ("commune_id", "report_date", "revision");`,
    );
  }
}
