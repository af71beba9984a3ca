import { Directive as GqlDirective, Field, ID, ObjectType } from 'type-graphql';

/** The registry's Province, referenced by key (plans only needs its id, for effective targets). */
@ObjectType('Province')
@GqlDirective('@key(fields: "id", resolvable: false)')
export class ProvinceRef {
  @Field(() => ID)
  id!: string;
}

/**
 * The registry's Commune, extended here with its plans and effective targets. `province` is the registry's field,
 * declared @external so that `effectiveTargets` can @require it: the gateway fetches the province id from the
 * registry first, and plans never has to ask where a commune is.
 */
@ObjectType('Commune')
@GqlDirective('@key(fields: "id")')
export class CommuneRef {
  @Field(() => ID)
  id!: string;

  @Field(() => ProvinceRef)
  @GqlDirective('@external')
  province?: ProvinceRef;
}

/** The directives subgraph's Directive, extended here with the plans implementing it and the communes without one. */
@ObjectType('Directive')
@GqlDirective('@key(fields: "id")')
export class DirectiveRef {
  @Field(() => ID)
  id!: string;
}

/** The registry's Village, extended here with its key people (the people the plans name). */
@ObjectType('Village')
@GqlDirective('@key(fields: "id")')
export class VillageRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Unit')
@GqlDirective('@key(fields: "id", resolvable: false)')
export class UnitRef {
  @Field(() => ID)
  id!: string;
}
