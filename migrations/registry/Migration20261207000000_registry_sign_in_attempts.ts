import { Migration } from '@mikro-orm/migrations';

/**
 * Failed sign-ins counted per login typed, whether or not an account has it (docs/access.md, "Accounts and
 * sign-in"): an unknown login locks like a real one, so the lockout does not tell which logins exist. One row per
 * login, updated in one statement (no lost update under parallel attempts). The account's own counter goes.
 */
export class Migration20261207000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "registry"."sign_in_attempt" ("login" varchar(60) primary key, "failed" int not null, "failed_since" timestamptz not null);`,
    );
    this.addSql(`create index "sign_in_attempt_failed_since_index" on "registry"."sign_in_attempt" ("failed_since");`);
    this.addSql(`alter table "registry"."account" drop column "failed_sign_ins", drop column "failed_since";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "registry"."account" add column "failed_sign_ins" int not null default 0, add column "failed_since" timestamptz null;`,
    );
    this.addSql('drop table if exists "registry"."sign_in_attempt";');
  }
}
