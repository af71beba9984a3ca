import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';

/**
 * One recorded staff figure of a unit (biên chế: the denominator of "100% of each unit's CBCCVC certified"), from
 * a date. Rows are never updated: a correction is a new revision with its reason, as population revisions are.
 */
@Entity({ tableName: 'staff_revision' })
@Index({ properties: ['unitId', 'effectiveOn', 'id'] })
@ObjectType('StaffRevision', {
  description: 'A unit’s staff figure with the date it takes effect and why it was recorded (never overwritten).',
})
export class StaffRevision {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  @Property({ type: 'string', length: 16 })
  @Field(() => ID)
  unitId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int)
  staff!: number;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'The day the figure takes effect.' })
  effectiveOn!: string;

  @Property({ type: 'string', length: 500 })
  @Field(() => String, { description: 'Why the figure was recorded or corrected.' })
  reason!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When the revision was recorded.' })
  recordedAt: Date = new Date();

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who recorded it (the caller’s id).' })
  recordedBy: string | null = null;
}
