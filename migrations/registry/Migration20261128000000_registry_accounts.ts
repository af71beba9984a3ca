import { Migration } from '@mikro-orm/migrations';

/**
 * Officials' accounts (docs/access.md, "Accounts and sign-in"): an account is a role over one area; its password
 * is a bcrypt hash (null for a village head who signs in only through invite links). Sessions keep the hash of a
 * refresh secret; invites the hash of a one-time code. Failed sign-ins are counted per account in a window.
 */
export class Migration20261128000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "registry"."account" ("id" serial primary key, "login" varchar(60) not null, "name" varchar(200) not null, "role" varchar(30) not null, "area_id" varchar(16) not null, "province_id" varchar(16) not null, "commune_id" varchar(16) null, "phone" varchar(20) null, "password_hash" varchar(100) null, "created_at" timestamptz not null default now(), "created_by" varchar(100) null, "disabled_at" timestamptz null, "failed_sign_ins" int not null default 0, "failed_since" timestamptz null);`,
    );
    this.addSql(`create unique index "account_login_unique" on "registry"."account" (lower("login"));`);
    this.addSql(`create index "account_commune_id_index" on "registry"."account" ("commune_id");`);
    this.addSql(`create index "account_province_id_index" on "registry"."account" ("province_id");`);
    this.addSql(
      `create table "registry"."account_session" ("id" uuid primary key, "account_id" int not null references "registry"."account" ("id"), "refresh_hash" char(64) not null, "created_at" timestamptz not null default now(), "refreshed_at" timestamptz not null default now(), "expires_at" timestamptz not null, "ended_at" timestamptz null, "via" varchar(10) not null);`,
    );
    this.addSql(`create index "account_session_account_id_index" on "registry"."account_session" ("account_id");`);
    this.addSql(
      `create table "registry"."account_invite" ("id" serial primary key, "account_id" int not null references "registry"."account" ("id"), "code_hash" char(64) not null unique, "created_at" timestamptz not null default now(), "created_by" varchar(100) null, "expires_at" timestamptz not null, "used_at" timestamptz null);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "registry"."account_invite";');
    this.addSql('drop table if exists "registry"."account_session";');
    this.addSql('drop table if exists "registry"."account";');
  }
}
