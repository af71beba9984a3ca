import { Migration } from '@mikro-orm/migrations';
import { outboxTableSql } from '../../subgraphs/common/outbox';

/** The directives subgraph's first tables and its outbox. */
export class Migration20251201000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "directives";`);
    this.addSql(
      `create table "directives"."directive" ("id" varchar(40) not null, "number" varchar(60) not null, "title" varchar(400) not null, "issued_on" date not null, "province_id" varchar(16) not null, constraint "directive_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "directives"."directive" add constraint "directive_number_unique" unique ("number");`);
    this.addSql(`create index "directive_province_id_index" on "directives"."directive" ("province_id");`);
    for (const sql of outboxTableSql('directives')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop schema if exists "directives" cascade;');
  }
}
