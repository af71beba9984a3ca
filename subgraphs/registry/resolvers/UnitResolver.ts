import { Arg, Ctx, ID, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import { Commune } from '../entities/Commune';
import { Unit } from '../entities/Unit';
import { Village } from '../entities/Village';
import type { RegistryLoaders } from '../loaders';

type Ctx = Context<RegistryLoaders>;

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { nullable: true })
  async unit(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Ctx): Promise<Unit> {
    const found = await loaders.unit.load(id);
    if (!found)
      throw new NotFoundError(bilingual(`Không tìm thấy cơ quan, đơn vị có mã "${id}"`, `no unit has id ${id}`));
    return found;
  }

  @FieldResolver(() => Commune)
  async commune(@Root() unit: Unit, @Ctx() { loaders }: Ctx): Promise<Commune> {
    return (await loaders.commune.load(unit.commune.id))!;
  }

  @FieldResolver(() => Village, { nullable: true, description: 'The village it serves, for a village’s digital team.' })
  village(@Root() unit: Unit, @Ctx() { loaders }: Ctx): Promise<Village | null> | null {
    return unit.village ? loaders.village.load(unit.village.id) : null;
  }
}
