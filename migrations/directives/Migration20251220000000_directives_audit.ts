import { Migration } from '@mikro-orm/migrations';
import { auditTableSql } from '../../subgraphs/common/audit';

/** The directives subgraph's audit entries: who changed what, when, before and after (docs/audit.md). */
export class Migration20251220000000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of auditTableSql('directives')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "directives"."audit_entry";');
  }
}
