import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { Commune } from './Commune';
import { FormerName } from './FormerName';
import { listSize, REVISIONS } from '../../common/list-size';
import { VillageKind } from './enums';

@Entity({ tableName: 'village' })
@ObjectType('Village', { description: 'A village (thôn, làng) or residential group (tổ dân phố) of a commune.' })
@Directive('@key(fields: "id")')
export class Village {
  @PrimaryKey({ type: 'string', length: 16 })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 100 })
  @Field(() => String)
  name!: string;

  @Enum({ items: () => VillageKind })
  @Field(() => VillageKind)
  kind!: VillageKind;

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The former commune (xã cũ) this village belonged to before the 2025 merger, e.g. "Ba Nam".',
  })
  formerCommune: string | null = null;

  @ManyToOne(() => Commune, { ref: true, deleteRule: 'restrict' })
  @Index()
  commune!: Ref<Commune>;

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
