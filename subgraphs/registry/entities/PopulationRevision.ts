import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { PopulatedLevel } from '../../../shared/vocabulary/enums';

/**
 * One recorded population figure for an area, as of a date. Rows are never updated: a correction is a new
 * revision, and the latest revision as of a date (greatest asOf, then latest recorded) is the one in force.
 */
@Entity({ tableName: 'population_revision' })
@Index({ properties: ['areaId', 'asOf', 'id'] })
@ObjectType('PopulationRevision', {
  description: 'A recorded population figure with its date and reason (never overwritten).',
})
export class PopulationRevision {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  @Property({ type: 'string', length: 16 })
  @Field(() => ID, { description: 'The province, commune or village this figure is for.' })
  areaId!: string;

  @Enum({ items: () => PopulatedLevel })
  @Field(() => PopulatedLevel)
  areaLevel!: PopulatedLevel;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'The date the figure describes.' })
  asOf!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, {
    description: 'Adults (người trong độ tuổi trưởng thành): the denominator of the portal’s rates.',
  })
  adults!: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Working-age people (độ tuổi lao động).' })
  workingAge: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Households (hộ gia đình).' })
  households: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Officials (cán bộ, công chức, viên chức).' })
  officials: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Students (học sinh).' })
  students: number | null = null;

  @Property({ type: 'string', length: 500 })
  @Field(() => String, { description: 'Why this figure was recorded or corrected.' })
  reason!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When the revision was recorded.' })
  recordedAt: Date = new Date();

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who recorded it (the caller’s id), when known.' })
  recordedBy: string | null = null;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'True when generated demo data, not an official figure.' })
  demo: boolean = false;
}
