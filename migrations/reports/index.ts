import { Migration20251201000000 } from './Migration20251201000000_reports_init';

/** Applied in order by MikroORM's migrator; each entity change adds one file here. */
export const reportsMigrations = [{ name: 'Migration20251201000000_reports_init', class: Migration20251201000000 }];
