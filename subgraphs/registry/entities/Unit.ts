import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { Commune } from './Commune';
import { FormerName } from './FormerName';
import { listSize, REVISIONS } from '../../common/list-size';
import { UnitType } from './enums';
import { Village } from './Village';

@Entity({ tableName: 'unit' })
@ObjectType('Unit', {
  description:
    'An organisation inside a commune (cơ quan, đơn vị, trường học, đoàn thể, doanh nghiệp, tổ công nghệ số cộng đồng).',
})
@Directive('@key(fields: "id")')
export class Unit {
  @PrimaryKey({ type: 'string', length: 16 })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  name!: string;

  @Enum({ items: () => UnitType })
  @Field(() => UnitType)
  type!: UnitType;

  @ManyToOne(() => Commune, { ref: true, deleteRule: 'restrict' })
  @Index()
  commune!: Ref<Commune>;

  /** Set for units that serve one village, such as its community digital technology team. */
  @ManyToOne(() => Village, { ref: true, nullable: true, deleteRule: 'restrict' })
  village: Ref<Village> | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int, {
    description: 'Staff (officials, teachers, members or workers) the unit must bring to 100% certified.',
  })
  staff!: number;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it was added to the registry by an official (null: in the registry from the start).',
  })
  openedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it closed: it is no longer expected to report after it; its past figures stay.',
  })
  closedOn: string | null = null;

  @Property({ type: 'json' })
  @Directive(listSize(REVISIONS))
  @Field(() => [FormerName], { description: 'Its names before each rename, oldest first.' })
  formerNames: FormerName[] = [];

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'True when generated demo data, not an official record.' })
  demo: boolean = false;
}
