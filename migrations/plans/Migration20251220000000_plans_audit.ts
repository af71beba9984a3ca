import { Migration } from '@mikro-orm/migrations';
import { auditTableSql } from '../../subgraphs/common/audit';

/** The plans subgraph's audit entries: who changed what, when, before and after (docs/audit.md). */
export class Migration20251220000000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of auditTableSql('plans')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "plans"."audit_entry";');
  }
}
