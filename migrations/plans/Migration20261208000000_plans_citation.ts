import { Migration } from '@mikro-orm/migrations';

/**
 * Provenance: a document of the demo data names the seed letter and passage it is taken from (`citation`); its
 * targets, deadlines and reward rules carry theirs in their JSON (citation, demo), so only this column is new.
 */
export class Migration20261208000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "plans"."commune_plan" add column "citation" varchar(300) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plans"."commune_plan" drop column "citation";`);
  }
}
