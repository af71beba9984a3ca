import { Migration } from '@mikro-orm/migrations';
import { auditTableSql } from '../../subgraphs/common/audit';

/** The reports subgraph's audit trail (reports and portal imports), read through the registry's auditLog. */
export class Migration20251218000000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of auditTableSql('reports')) this.addSql(sql);
  }
}
