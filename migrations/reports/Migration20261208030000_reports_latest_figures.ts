import { Migration } from '@mikro-orm/migrations';

const FIGURES = ['officials', 'residents', 'students', 'workers'].flatMap((g) =>
  ['registered', 'completed', 'certified'].map((m) => `${g}_${m}`),
);
const ADULT_MEASURES = ['digital_signatures', 'vneid_confirmed', 'vneid_skills'];
const COLUMNS = [
  'reporter_id',
  'reporter_level',
  'commune_id',
  'province_id',
  'report_id',
  'report_date',
  'version',
  ...FIGURES,
  'guided_residents',
  'student_levels',
  ...ADULT_MEASURES,
];

/**
 * The row of each given reporter recomputed from its own reports only (the latest version of its newest report
 * date; each adult measure as the newest report stating it says), so its cost follows one reporter's history.
 */
const refreshFrom = (reporters: string) => `
  insert into reports.latest_figures (${COLUMNS.join(', ')})
  select distinct on (r.reporter_id) r.reporter_id, r.reporter_level, r.commune_id, r.province_id, r.id, r.report_date,
         r.version, ${FIGURES.map((c) => `r.${c}`).join(', ')}, r.guided_residents, r.student_levels,
         ${ADULT_MEASURES.map(
           (m) => `(select s.${m} from reports.unit_report s where s.reporter_id = r.reporter_id and s.${m} is not null
                     order by s.report_date desc, s.version desc limit 1)`,
         ).join(', ')}
    from reports.unit_report r
   where r.reporter_id in (${reporters})
   order by r.reporter_id, r.report_date desc, r.version desc
  on conflict (reporter_id) do update set ${COLUMNS.slice(1)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}
   where (excluded.report_date, excluded.version) >= (latest_figures.report_date, latest_figures.version)`;

/**
 * Each reporter's latest figures, kept by the insert of its reports (issue 26, item 1): the live publication and
 * "as of today" read one row per reporter instead of every report of the province. Kept by a statement trigger, so
 * every writer (submissions, seeding, restores) keeps it in its own transaction. Rules (docs/scaling.md): the
 * newest report date wins, an older date arriving later changes nothing but the adult measures it may be the
 * newest to state, and for the same date the highest version (a correction) wins. Two submissions for one reporter
 * are serialised by the submission's per-reporter lock; the `where` makes a stale recompute lose to a newer row.
 * Also the outbox's retention mark (live/retention.ts).
 */
export class Migration20261208030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "reports"."latest_figures" ("reporter_id" varchar(16) primary key, "reporter_level" varchar(12) not null, "commune_id" varchar(16) not null, "province_id" varchar(16) not null, "report_id" int not null, "report_date" date not null, "version" int not null, ${FIGURES.map((c) => `"${c}" int not null`).join(', ')}, "guided_residents" int not null, "student_levels" jsonb null, ${ADULT_MEASURES.map((c) => `"${c}" int null`).join(', ')});`,
    );
    this.addSql(
      `create index "latest_figures_province_id_report_date_index" on "reports"."latest_figures" ("province_id", "report_date");`,
    );
    this.addSql(
      `create function reports.keep_latest_figures() returns trigger language plpgsql as $$
       begin
         ${refreshFrom('select distinct n.reporter_id from new_reports n')};
         return null;
       end $$;`,
    );
    this.addSql(
      `create trigger unit_report_keeps_latest_figures after insert on reports.unit_report
         referencing new table as new_reports for each statement execute function reports.keep_latest_figures();`,
    );
    // Outbox retention (live/retention.ts): the highest sequence number deleted, for `replayGap`.
    this.addSql(
      `create table "reports"."outbox_pruned" ("id" int primary key check (id = 1), "through" bigint not null, "pruned_at" timestamptz not null default now());`,
    );
    // The reports stored before: one pass over them.
    this.addSql(`${refreshFrom('select distinct u.reporter_id from reports.unit_report u')};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "reports"."outbox_pruned";`);
    this.addSql(`drop trigger "unit_report_keeps_latest_figures" on "reports"."unit_report";`);
    this.addSql(`drop function reports.keep_latest_figures();`);
    this.addSql(`drop table "reports"."latest_figures";`);
  }
}
