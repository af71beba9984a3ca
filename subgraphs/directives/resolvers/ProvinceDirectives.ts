import { Ctx, Directive as GqlDirective, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Directive } from '../entities/Directive';
import type { DirectivesLoaders } from '../loaders';

/** The registry's Province, extended here with the directives it issued. */
@ObjectType('Province')
@GqlDirective('@key(fields: "id")')
export class ProvinceRef {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => ProvinceRef)
export class ProvinceDirectivesResolver {
  @FieldResolver(() => [Directive], { description: 'Directives the province issued, newest first.' })
  directives(@Root() province: ProvinceRef, @Ctx() { loaders }: Context<DirectivesLoaders>): Promise<Directive[]> {
    return loaders.directivesOfProvince.load(province.id);
  }
}
