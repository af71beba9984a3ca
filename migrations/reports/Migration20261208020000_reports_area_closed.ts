import { Migration } from '@mikro-orm/migrations';

/** A village's or unit's closing day, from the registry's `area.upserted` (issue 24, item 3: the registry kept). */
export class Migration20261208020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "reports"."area" add column "closed_on" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "reports"."area" drop column "closed_on";`);
  }
}
