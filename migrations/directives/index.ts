import { Migration20251201000000 } from './Migration20251201000000_directives_init';
import { Migration20251215000000 } from './Migration20251215000000_directives_revisions';
import { Migration20251220000000 } from './Migration20251220000000_directives_audit';
import { Migration20261208000000 } from './Migration20261208000000_directives_citation';

/** Applied in order by MikroORM's migrator; each entity change adds one file here. */
export const directivesMigrations = [
  { name: 'Migration20251201000000_directives_init', class: Migration20251201000000 },
  { name: 'Migration20251215000000_directives_revisions', class: Migration20251215000000 },
  { name: 'Migration20251220000000_directives_audit', class: Migration20251220000000 },
  { name: 'Migration20261208000000_directives_citation', class: Migration20261208000000 },
];
