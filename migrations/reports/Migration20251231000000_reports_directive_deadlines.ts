import { Migration } from '@mikro-orm/migrations';

/** Directives' reporting deadlines, kept from their events, so the province can chase communes by a directive. */
export class Migration20251231000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "reports"."directive_target" add column "deadlines" jsonb not null default '[]';`);
  }
}
