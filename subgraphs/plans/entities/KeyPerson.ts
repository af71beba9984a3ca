import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { KeyPersonRole, type KeyPersonRoleName } from '../../../shared/vocabulary/enums';
import { KeyPersonChange } from '../resolvers/types';
import { type KeyPersonChangeName } from '../../../shared/pure/values';

/**
 * A key person of a village named by a commune plan (trưởng thôn, bí thư chi bộ, trưởng ban công tác Mặt trận),
 * one row per revision: naming someone else, correcting a phone or a certification date writes a new revision and
 * keeps the old one (`current` false). Personal data: readable only within the caller's area.
 */
@Entity({ tableName: 'key_person' })
@Unique({ properties: ['planId', 'villageId', 'role', 'revision'] })
@ObjectType('KeyPerson', {
  description:
    'A key person of a village named by a commune plan (cán bộ chủ chốt thôn), at one revision. Personal data: ' +
    'readable only within the caller’s area.',
})
export class KeyPerson {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  @Property({ type: 'string', length: 80 })
  @Index()
  planId!: string;

  @Property({ type: 'string', length: 16 })
  @Index()
  communeId!: string;

  @Property({ type: 'string', length: 16 })
  @Index()
  villageId!: string;

  @Enum({ items: () => KeyPersonRole })
  @Field(() => KeyPersonRole)
  role!: KeyPersonRoleName;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '1 for the first person named in the role; each change adds one.' })
  revision!: number;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'True for the revision in force; older ones are kept as history.' })
  current: boolean = true;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  fullName!: string;

  @Property({ type: 'string', length: 11, nullable: true })
  @Field(() => String, { nullable: true, description: 'National digits, e.g. 0912345678 or 02553822123.' })
  phone: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'When the course certificate was issued; null: not yet.' })
  certifiedOn: string | null = null;

  @Enum({ items: () => KeyPersonChange })
  @Field(() => KeyPersonChange)
  change!: KeyPersonChangeName;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was changed (required to correct a certification).' })
  reason: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date)
  recordedAt: Date = new Date();

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who recorded it (name of the signed-in official).' })
  recordedBy: string | null = null;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'True when demo data (invented names and phone numbers).' })
  demo: boolean = false;
}
