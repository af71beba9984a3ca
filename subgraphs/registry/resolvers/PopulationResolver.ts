import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../common/context';
import { PopulationRevision } from '../entities/PopulationRevision';
import type { RegistryLoaders } from '../loaders';
import { recordPopulation } from '../population-store';
import { PopulationInput } from './types';

type Ctx = Context<RegistryLoaders>;

@Resolver(() => PopulationRevision)
export class PopulationResolver {
  @Mutation(() => PopulationRevision, {
    description:
      'Records a population figure for a province, commune or village as a new revision (cập nhật dân số). ' +
      'Earlier revisions are kept; rates and ranks follow the latest one.',
  })
  async recordPopulation(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('population', () => PopulationInput) population: PopulationInput,
    @Arg('reason', () => String) reason: string,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<PopulationRevision> {
    const revision = await recordPopulation(em, viewer, areaId, population, reason);
    loaders.populationChanged();
    return revision;
  }
}
