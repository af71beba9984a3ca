import {
  Arg,
  Ctx,
  Directive as GqlDirective,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../common/context';
import { Directive } from '../entities/Directive';
import type { DirectivesLoaders } from '../loaders';
import { DirectiveStatus } from '../../../shared/vocabulary/enums';
import { Course } from './types';
import { listSize, DIRECTIVES_PER_PROVINCE } from '../../common/list-size';

/** The registry's Province, extended here with the directives it issued. */
@ObjectType('Province')
@GqlDirective('@key(fields: "id")')
export class ProvinceRef {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => ProvinceRef)
export class ProvinceDirectivesResolver {
  @GqlDirective(listSize(DIRECTIVES_PER_PROVINCE))
  @FieldResolver(() => [Directive], {
    description: 'Directives the province issued, newest first (withdrawn ones too, unless inForceOnly).',
  })
  async directives(
    @Root() province: ProvinceRef,
    @Arg('inForceOnly', () => Boolean, { defaultValue: false }) inForceOnly: boolean,
    @Ctx() { loaders }: Context<DirectivesLoaders>,
  ): Promise<Directive[]> {
    const all = await loaders.directivesOfProvince.load(province.id);
    return inForceOnly ? all.filter((d) => d.status === DirectiveStatus.IN_FORCE) : all;
  }

  @FieldResolver(() => Course, {
    nullable: true,
    description: 'The course and certification rule in force: from the latest directive in force that sets it.',
  })
  async course(@Root() province: ProvinceRef, @Ctx() { loaders }: Context<DirectivesLoaders>): Promise<Course | null> {
    const all = await loaders.directivesOfProvince.load(province.id);
    return all.find((d) => d.status === DirectiveStatus.IN_FORCE && d.course)?.course ?? null;
  }
}
