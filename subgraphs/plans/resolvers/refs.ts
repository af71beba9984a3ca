import { Directive as GqlDirective, Field, ID, ObjectType } from 'type-graphql';

/** The registry's Commune, extended here with its plans. */
@ObjectType('Commune')
@GqlDirective('@key(fields: "id")')
export class CommuneRef {
  @Field(() => ID)
  id!: string;
}

/** The directives subgraph's Directive, referenced by key. */
@ObjectType('Directive')
@GqlDirective('@key(fields: "id", resolvable: false)')
export class DirectiveRef {
  @Field(() => ID)
  id!: string;
}
