import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CommuneKind } from './enums';
import { Province } from './Province';

@Entity({ tableName: 'commune' })
@ObjectType('Commune', { description: 'A commune-level unit (xã, phường, đặc khu).' })
@Directive('@key(fields: "id")')
export class Commune {
  @PrimaryKey({ type: 'string', length: 16 })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 8, unique: true })
  @Field(() => String, { description: 'Reference code of the vn-geo list (stable, not the GSO code).' })
  code!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  @Field(() => String, { nullable: true, description: 'Official statistical (GSO) code, when known.' })
  officialCode: string | null = null;

  /** Shareable: the reports subgraph gives it with its national ranking (@provides), from its copy of the areas. */
  @Property({ type: 'string', length: 100 })
  @Field(() => String)
  @Directive('@shareable')
  name!: string;

  /** The name folded for search (lower case, no diacritics): "ba to" matches Ba Tô and Ba Tơ. */
  @Property({ type: 'string', length: 100 })
  @Index()
  searchName!: string;

  @Enum({ items: () => CommuneKind })
  @Field(() => CommuneKind)
  kind!: CommuneKind;

  @ManyToOne(() => Province, { ref: true, deleteRule: 'restrict' })
  @Index()
  province!: Ref<Province>;
}
