import { Migration } from '@mikro-orm/migrations';

/**
 * Directives in full: kind, issuer, addressees, citations, replacement, targets, campaign periods, reporting
 * deadlines, the course rule, status; and every revision kept whole in `directive_revision`. Nothing was released
 * before this, so the first `directive` table is replaced rather than altered.
 */
export class Migration20251215000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop table if exists "directives"."directive";`);
    this.addSql(
      `create table "directives"."directive" ("id" varchar(60) not null, "province_id" varchar(16) not null, "number" varchar(60) not null, "kind" text check ("kind" in ('LETTER', 'PLAN', 'NOTICE', 'DECISION', 'RESOLUTION')) not null, "title" varchar(400) not null, "issued_on" date not null, "issuer" varchar(200) not null, "addressed_to" jsonb not null, "cites_ids" jsonb not null, "cites_numbers" jsonb not null, "replaces_id" varchar(60) null, "replaces_number" varchar(60) null, "targets" jsonb not null, "campaign_periods" jsonb not null, "reporting_deadlines" jsonb not null, "course" jsonb null, "status" text check ("status" in ('IN_FORCE', 'WITHDRAWN')) not null default 'IN_FORCE', "withdrawn_on" date null, "withdrawal_reason" varchar(500) null, "revision" int not null default 1, "demo" boolean not null default false, constraint "directive_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "directive_province_id_index" on "directives"."directive" ("province_id");`);
    this.addSql(`create index "directive_replaces_id_index" on "directives"."directive" ("replaces_id");`);
    this.addSql(
      `alter table "directives"."directive" add constraint "directive_province_id_number_unique" unique ("province_id", "number");`,
    );
    this.addSql(
      `create table "directives"."directive_revision" ("id" serial primary key, "directive_id" varchar(60) not null, "revision" int not null, "action" text check ("action" in ('ISSUED', 'AMENDED', 'WITHDRAWN')) not null, "content" jsonb not null, "reason" varchar(500) not null, "recorded_at" timestamptz not null default now(), "recorded_by" varchar(100) null);`,
    );
    this.addSql(
      `create index "directive_revision_directive_id_index" on "directives"."directive_revision" ("directive_id");`,
    );
    this.addSql(
      `alter table "directives"."directive_revision" add constraint "directive_revision_directive_id_revision_unique" unique ("directive_id", "revision");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "directives"."directive_revision";`);
    this.addSql(`drop table if exists "directives"."directive";`);
    this.addSql(
      `create table "directives"."directive" ("id" varchar(40) not null, "number" varchar(60) not null, "title" varchar(400) not null, "issued_on" date not null, "province_id" varchar(16) not null, constraint "directive_pkey" primary key ("id"));`,
    );
  }
}
