import { Migration } from '@mikro-orm/migrations';

/**
 * Two measures the letters' targets count and a report could not state:
 * - vneid_skills: adults whose digital skills are confirmed on VNeID (003 §II: "xác nhận đạt phổ cập tri thức … kỹ
 *   năng số trên nền tảng VNeID"), which the level-2 account (vneid_confirmed) is not; cumulative, null: not stated;
 * - student_levels: a school's students by level (tiểu học, THCS, THPT) with each level's enrolment, so "100% học
 *   sinh trung học" counts secondary students only; null: not stated.
 */
export class Migration20261208000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "reports"."unit_report" add column "vneid_skills" int null, add column "student_levels" jsonb null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "reports"."unit_report" drop column "vneid_skills", drop column "student_levels";`);
  }
}
