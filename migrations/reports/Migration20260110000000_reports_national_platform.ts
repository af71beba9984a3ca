import { Migration } from '@mikro-orm/migrations';

/**
 * Published statistics from two sources through one import: the province portal (PORTAL, every row so far) and the
 * national platform binhdanhocvuso.gov.vn (NATIONAL_PLATFORM), whose rows say how many of their officials and
 * residents are also on the province portal, so that each learner is counted once (statistic-sources.ts).
 */
export class Migration20260110000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "reports"."portal_statistic" add column "source" varchar(20) not null default 'PORTAL',
         add column "officials_on_portal" int null, add column "residents_on_portal" int null;`,
    );
    this.addSql(
      `alter table "reports"."portal_statistic" add constraint "portal_statistic_source_check" check (
         (source = 'PORTAL' and officials_on_portal is null and residents_on_portal is null)
         or (source = 'NATIONAL_PLATFORM' and officials_on_portal between 0 and officials_registered
             and residents_on_portal between 0 and residents_registered));`,
    );
    this.addSql(
      `alter table "reports"."portal_statistic" drop constraint "portal_statistic_commune_id_stat_date_import_id_unique";`,
    );
    this.addSql(
      `alter table "reports"."portal_statistic" add constraint "portal_statistic_commune_id_stat_date_source_import_id_unique" unique ("commune_id", "stat_date", "source", "import_id");`,
    );
  }
}
