import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, Directive } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { listSize, LABELS } from '../../common/list-size';
import { StudentLevel } from '../../../shared/vocabulary/enums';
import type { StudentLevelFigures } from '../intake/validation';

@ObjectType('StudentLevelFigures', {
  description:
    'A school’s students of one level (cấp học): enrolled, and of them registered, completed, certified (cumulative).',
})
export class StudentLevelFiguresType implements StudentLevelFigures {
  @Field(() => StudentLevel) level!: StudentLevel;
  @Field(() => Int, { description: 'Students of this level at the school: what its rate is a share of.' })
  enrolled!: number;
  @Field(() => Int) registered!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int) certified!: number;
}

/**
 * One version of a village's or unit's report for a reporting date. Figures are cumulative to that date, per
 * population group. Rows are never updated: resubmitting for the same date adds a version, the latest counts.
 */
@Entity({ tableName: 'unit_report' })
@Unique({ properties: ['reporterId', 'reportDate', 'version'] })
@Unique({ properties: ['reporterId', 'idempotencyKey'] })
@Index({ properties: ['communeId', 'reportDate'] })
@Index({ properties: ['provinceId', 'reportDate'] })
@ObjectType('UnitReport', {
  description: 'One version of a village’s or unit’s report for a date (báo cáo). Figures are cumulative.',
})
export class UnitReport {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  /** The village or unit (registry id) that reported. */
  @Property({ type: 'string', length: 16 })
  @Field(() => ID)
  reporterId!: string;

  @Property({ type: 'string', length: 12 })
  reporterLevel!: 'VILLAGE' | 'UNIT';

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'string', length: 16 })
  provinceId!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  reportDate!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, {
    description: '1 for the first submission for the date; a resubmission adds one. The latest counts.',
  })
  version!: number;

  @Property({ type: 'string', length: 100, nullable: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'integer', default: 0 }) officialsRegistered = 0;
  @Property({ type: 'integer', default: 0 }) officialsCompleted = 0;
  @Property({ type: 'integer', default: 0 }) officialsCertified = 0;
  @Property({ type: 'integer', default: 0 }) residentsRegistered = 0;
  @Property({ type: 'integer', default: 0 }) residentsCompleted = 0;
  @Property({ type: 'integer', default: 0 }) residentsCertified = 0;
  @Property({ type: 'integer', default: 0 }) studentsRegistered = 0;
  @Property({ type: 'integer', default: 0 }) studentsCompleted = 0;
  @Property({ type: 'integer', default: 0 }) studentsCertified = 0;
  @Property({ type: 'integer', default: 0 }) workersRegistered = 0;
  @Property({ type: 'integer', default: 0 }) workersCompleted = 0;
  @Property({ type: 'integer', default: 0 }) workersCertified = 0;

  /** Working-age residents guided by the reporter's people (for the reward rules). */
  @Property({ type: 'integer', default: 0 })
  @Field(() => Int)
  guidedResidents = 0;

  /** Adults with a digital signature (chữ ký số), cumulative; null when the report did not state it. */
  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Adults with a digital signature, cumulative; null: not stated.' })
  digitalSignatures: number | null = null;

  /** Adults with a level-2 electronic identity account on VNeID (định danh mức 2), cumulative; null when not stated. */
  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'Adults with a level-2 electronic identity account on VNeID, cumulative; null: not stated.',
  })
  vneidConfirmed: number | null = null;

  /**
   * Adults whose digital skills are confirmed on VNeID (xác nhận đạt phổ cập kỹ năng số trên nền tảng VNeID, 003 §II),
   * cumulative; null when not stated. Another measure than the level-2 account above.
   */
  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description:
      'Adults whose digital skills are confirmed on VNeID (xác nhận đạt phổ cập kỹ năng số), cumulative; null: not stated.',
  })
  vneidSkills: number | null = null;

  /**
   * A school's students by level, a breakdown of its STUDENTS figures with each level's enrolment (null: not stated),
   * so that a target about some levels ("học sinh trung học") counts those and is a share of those.
   */
  @Property({ type: 'json', nullable: true })
  @Directive(listSize(3))
  @Field(() => [StudentLevelFiguresType], {
    nullable: true,
    description: 'A school’s students by level (cấp học), with each level’s enrolment; null: not stated.',
  })
  studentLevels: StudentLevelFigures[] | null = null;

  /** Figures accepted but out of line with the registry (e.g. more registered than the group's population). */
  @Property({ type: 'json' })
  @Directive(listSize(LABELS))
  @Field(() => [String], {
    description: 'Figures accepted but out of line with the registry; the commune must resolve them.',
  })
  anomalies: string[] = [];

  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date)
  submittedAt: Date = new Date();

  @Property({ type: 'string', length: 100, nullable: true })
  submittedBy: string | null = null;

  @Property({ type: 'boolean', default: false })
  demo = false;
}
