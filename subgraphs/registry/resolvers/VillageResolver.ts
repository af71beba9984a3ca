import { Arg, Ctx, ID, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import type { Context } from '../../common/context';
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { Commune } from '../entities/Commune';
import { PopulationRevision } from '../entities/PopulationRevision';
import { Village } from '../entities/Village';
import { asOfOrToday, type RegistryLoaders } from '../loaders';
import { PopulationType } from './types';
import { listSize, REVISIONS } from '../../common/list-size';

type Ctx = Context<RegistryLoaders>;

@Resolver(() => Village)
export class VillageResolver {
  @Query(() => Village, { nullable: true })
  async village(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Ctx): Promise<Village> {
    const found = await loaders.village.load(id);
    if (!found)
      throw new NotFoundError(bilingual(`Không tìm thấy thôn, tổ dân phố có mã "${id}"`, `no village has id ${id}`));
    return found;
  }

  @FieldResolver(() => Commune)
  async commune(@Root() village: Village, @Ctx() { loaders }: Ctx): Promise<Commune> {
    return (await loaders.commune.load(village.commune.id))!;
  }

  @FieldResolver(() => PopulationType, {
    nullable: true,
    description: 'Its latest recorded figure as of the date (default today).',
  })
  population(
    @Root() village: Village,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() { loaders }: Ctx,
  ) {
    return loaders.population.load({ key: village.id, arg: asOfOrToday(asOf) });
  }

  @Directive(listSize(REVISIONS))
  @FieldResolver(() => [PopulationRevision], { description: 'Every figure recorded for the village, oldest first.' })
  populationHistory(@Root() village: Village, @Ctx() { loaders }: Ctx): Promise<PopulationRevision[]> {
    return loaders.populationHistory.load(village.id);
  }
}
