import { ArrayType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { DayPart } from '../../../shared/vocabulary/enums';

/** A guided session (buổi hướng dẫn) of a plan: a date, a venue and the villages it serves. */
@Entity({ tableName: 'training_session' })
@ObjectType('TrainingSession', {
  description: 'A guided session for residents: date, venue and the villages it serves.',
})
export class TrainingSession {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  @Property({ type: 'string', length: 80 })
  @Index()
  planId!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  heldOn!: string;

  @Enum({ items: () => DayPart, nullable: true })
  @Field(() => DayPart, { nullable: true })
  dayPart: DayPart | null = null;

  @Property({ type: 'string', length: 300 })
  @Field(() => String)
  venue!: string;

  @Property({ type: ArrayType })
  villageIds: string[] = [];

  @Property({ type: 'string', length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null = null;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean)
  demo: boolean = false;
}
