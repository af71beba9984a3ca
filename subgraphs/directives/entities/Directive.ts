import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive as GqlDirective, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';

/** A province letter or plan (công văn, kế hoạch) that sets targets and deadlines for the communes. */
@Entity({ tableName: 'directive' })
@ObjectType('Directive', { description: 'A province letter or plan (công văn, kế hoạch) with targets and deadlines.' })
@GqlDirective('@key(fields: "id")')
export class Directive {
  @PrimaryKey({ type: 'string', length: 40 })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 60, unique: true })
  @Field(() => String, { description: 'Its number as printed, e.g. "125/KH-UBND".' })
  number!: string;

  @Property({ type: 'string', length: 400 })
  @Field(() => String, { description: 'Its subject (trích yếu).' })
  title!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  issuedOn!: string;

  /** The province that issued it (registry's Province id, e.g. P23). */
  @Property({ type: 'string', length: 16 })
  @Index()
  provinceId!: string;
}
