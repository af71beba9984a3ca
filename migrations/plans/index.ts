import { Migration20251201000000 } from './Migration20251201000000_plans_init';
import { Migration20251215000000 } from './Migration20251215000000_plans_tasks_sessions';
import { Migration20251220000000 } from './Migration20251220000000_plans_audit';
import { Migration20261128000000 } from './Migration20261128000000_plans_report_part';
import { Migration20261129000000 } from './Migration20261129000000_plans_key_people';
import { Migration20261207100000 } from './Migration20261207100000_plans_award_quota';
import { Migration20261208000000 } from './Migration20261208000000_plans_citation';
import { Migration20261208100000 } from './Migration20261208100000_plans_report_targets';

/** Applied in order by MikroORM's migrator; each entity change adds one file here. */
export const plansMigrations = [
  { name: 'Migration20251201000000_plans_init', class: Migration20251201000000 },
  { name: 'Migration20251215000000_plans_tasks_sessions', class: Migration20251215000000 },
  { name: 'Migration20251220000000_plans_audit', class: Migration20251220000000 },
  { name: 'Migration20261128000000_plans_report_part', class: Migration20261128000000 },
  { name: 'Migration20261129000000_plans_key_people', class: Migration20261129000000 },
  { name: 'Migration20261207100000_plans_award_quota', class: Migration20261207100000 },
  { name: 'Migration20261208000000_plans_citation', class: Migration20261208000000 },
  { name: 'Migration20261208100000_plans_report_targets', class: Migration20261208100000 },
];
