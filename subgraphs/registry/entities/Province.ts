import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Entity({ tableName: 'province' })
@ObjectType('Province', {
  description: 'A province or centrally-run city (tỉnh, thành phố) after the 1 July 2025 reorganisation.',
})
@Directive('@key(fields: "id")')
export class Province {
  @PrimaryKey({ type: 'string', length: 16 })
  @Field(() => ID)
  id!: string;

  /** Code and name are shareable: the reports subgraph gives them with its national rankings (@provides). */
  @Property({ type: 'string', length: 8, unique: true })
  @Field(() => String, { description: 'Reference code of the vn-geo list (stable, not the GSO code), e.g. "23".' })
  @Directive('@shareable')
  code!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  @Field(() => String, { nullable: true, description: 'Official statistical (GSO) code, when known.' })
  officialCode: string | null = null;

  @Property({ type: 'string', length: 100 })
  @Field(() => String)
  @Directive('@shareable')
  name!: string;

  @Property({ type: 'string', length: 120 })
  @Field(() => String, { description: 'Full name, e.g. "Tỉnh Quảng Ngãi".' })
  fullName!: string;

  @Property({ type: 'string', length: 16 })
  @Field(() => String, { description: '"province" (tỉnh) or "city" (thành phố trực thuộc trung ương).' })
  kind!: string;
}
