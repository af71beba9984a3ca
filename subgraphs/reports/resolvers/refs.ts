import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The registry's entities, extended here with progress, rank and reports. */
@ObjectType('Province')
@Directive('@key(fields: "id")')
export class ProvinceRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Commune')
@Directive('@key(fields: "id")')
export class CommuneRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Village')
@Directive('@key(fields: "id")')
export class VillageRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Unit')
@Directive('@key(fields: "id")')
export class UnitRef {
  @Field(() => ID)
  id!: string;
}
