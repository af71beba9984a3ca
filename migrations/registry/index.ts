import { Migration20251201000000 } from './Migration20251201000000_registry_init';
import { Migration20251220000000 } from './Migration20251220000000_registry_audit';
import { Migration20261128000000 } from './Migration20261128000000_registry_accounts';
import { Migration20261207000000 } from './Migration20261207000000_registry_sign_in_attempts';
import { Migration20261208020000 } from './Migration20261208020000_registry_keeping';

/** Applied in order by MikroORM's migrator; each entity change adds one file here. */
export const registryMigrations = [
  { name: 'Migration20251201000000_registry_init', class: Migration20251201000000 },
  { name: 'Migration20251220000000_registry_audit', class: Migration20251220000000 },
  { name: 'Migration20261128000000_registry_accounts', class: Migration20261128000000 },
  { name: 'Migration20261207000000_registry_sign_in_attempts', class: Migration20261207000000 },
  { name: 'Migration20261208020000_registry_keeping', class: Migration20261208020000 },
];
