import { Migration } from '@mikro-orm/migrations';

/**
 * A submitted commune report is judged against the targets in force when it was submitted: the plan part frozen for
 * it keeps them (the effective targets, with their letters). Null for a report frozen before this.
 */
export class Migration20261208100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "plans"."commune_report_plan" add column "targets" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plans"."commune_report_plan" drop column "targets";`);
  }
}
