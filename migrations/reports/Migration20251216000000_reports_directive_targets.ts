import { Migration } from '@mikro-orm/migrations';

/** The targets of the province's directives, kept from the directives subgraph's events (for Province.targetStatus). */
export class Migration20251216000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "reports"."directive_target" ("directive_id" varchar(40) not null, "province_id" varchar(16) not null, "number" varchar(60) not null, "revision" int not null, "status" varchar(12) not null, "targets" jsonb not null, constraint "directive_target_pkey" primary key ("directive_id"));`,
    );
    this.addSql(`create index "directive_target_province_id_index" on "reports"."directive_target" ("province_id");`);
  }
}
