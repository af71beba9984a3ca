import { Migration20251231000000 } from './Migration20251231000000_reports_directive_deadlines';
import { Migration20251201000000 } from './Migration20251201000000_reports_init';
import { Migration20251202000000 } from './Migration20251202000000_reports_progress';
import { Migration20251216000000 } from './Migration20251216000000_reports_directive_targets';
import { Migration20251217000000 } from './Migration20251217000000_reports_live';
import { Migration20251218000000 } from './Migration20251218000000_reports_audit';
import { Migration20260101000000 } from './Migration20260101000000_reports_commune_report';
import { Migration20251230000000 } from './Migration20251230000000_reports_period_approval';
import { Migration20260105000000 } from './Migration20260105000000_reports_adult_measures';
import { Migration20260110000000 } from './Migration20260110000000_reports_national_platform';
import { Migration20261208000000 } from './Migration20261208000000_reports_adult_and_student_measures';
import { Migration20261208020000 } from './Migration20261208020000_reports_area_closed';
import { Migration20261208030000 } from './Migration20261208030000_reports_latest_figures';

/** Applied in order by MikroORM's migrator; each entity change adds one file here. */
export const reportsMigrations = [
  { name: 'Migration20251201000000_reports_init', class: Migration20251201000000 },
  { name: 'Migration20251202000000_reports_progress', class: Migration20251202000000 },
  { name: 'Migration20251216000000_reports_directive_targets', class: Migration20251216000000 },
  { name: 'Migration20251217000000_reports_live', class: Migration20251217000000 },
  { name: 'Migration20251218000000_reports_audit', class: Migration20251218000000 },
  { name: 'Migration20251230000000_reports_period_approval', class: Migration20251230000000 },
  { name: 'Migration20251231000000_reports_directive_deadlines', class: Migration20251231000000 },
  { name: 'Migration20260101000000_reports_commune_report', class: Migration20260101000000 },
  { name: 'Migration20260105000000_reports_adult_measures', class: Migration20260105000000 },
  { name: 'Migration20260110000000_reports_national_platform', class: Migration20260110000000 },
  { name: 'Migration20261208000000_reports_adult_and_student_measures', class: Migration20261208000000 },
  { name: 'Migration20261208020000_reports_area_closed', class: Migration20261208020000 },
  { name: 'Migration20261208030000_reports_latest_figures', class: Migration20261208030000 },
];
