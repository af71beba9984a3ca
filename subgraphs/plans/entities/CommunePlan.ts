import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive as GqlDirective, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';

/** A commune's plan (kế hoạch) implementing province directives. */
@Entity({ tableName: 'commune_plan' })
@ObjectType('CommunePlan', { description: 'A commune plan (kế hoạch của UBND xã) implementing province directives.' })
@GqlDirective('@key(fields: "id")')
export class CommunePlan {
  @PrimaryKey({ type: 'string', length: 40 })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 60 })
  @Field(() => String, { description: 'Its number as printed, e.g. "76/KH-UBND".' })
  number!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  issuedOn!: string;

  /** The registry's Commune id, e.g. C02949. */
  @Property({ type: 'string', length: 16 })
  @Index()
  communeId!: string;

  /** Ids of the directives (directives subgraph) this plan implements. */
  @Property({ type: 'json' })
  directiveIds: string[] = [];
}
