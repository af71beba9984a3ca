import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';

/** A report from a village or unit for a reporting date. Figures and versions arrive with the reports issue. */
@Entity({ tableName: 'unit_report' })
@ObjectType('UnitReport', { description: 'A report (báo cáo) from a village or unit for a reporting date.' })
export class UnitReport {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  /** The village or unit (registry id) that reported. */
  @Property({ type: 'string', length: 16 })
  @Index()
  @Field(() => ID)
  reporterId!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  reportDate!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date)
  submittedAt: Date = new Date();
}
