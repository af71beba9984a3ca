import { Migration } from '@mikro-orm/migrations';

/**
 * Two measures of a village's or unit's adults, cumulative to the report date like the course figures: how many
 * hold a digital signature, how many are confirmed on VNeID (level 2). Null: the report did not state it.
 */
export class Migration20260105000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "reports"."unit_report" add column "digital_signatures" int null, add column "vneid_confirmed" int null;`,
    );
  }
}
