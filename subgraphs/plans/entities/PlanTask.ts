import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { AssigneeLevel, TaskStatus } from '../resolvers/types';

/** A task of a plan, assigned to a unit or a village of the commune, with a deadline and a status. */
@Entity({ tableName: 'plan_task' })
@ObjectType('PlanTask', { description: 'A task (nhiệm vụ) of a commune plan, assigned to a unit or a village.' })
export class PlanTask {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  @Property({ type: 'string', length: 80 })
  @Index()
  planId!: string;

  @Property({ type: 'string', length: 400 })
  @Field(() => String)
  title!: string;

  @Property({ type: 'string', length: 16 })
  @Field(() => ID, { description: 'The unit or village it is assigned to.' })
  assigneeId!: string;

  @Enum({ items: () => AssigneeLevel })
  @Field(() => AssigneeLevel)
  assigneeLevel!: AssigneeLevel;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  dueOn!: string;

  @Enum({ items: () => TaskStatus })
  @Field(() => TaskStatus)
  status: TaskStatus = TaskStatus.TODO;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'True when demo data (e.g. an invented status).' })
  demo: boolean = false;
}
