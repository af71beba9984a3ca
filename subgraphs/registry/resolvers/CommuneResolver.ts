import { Arg, Ctx, Directive, ID, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { BadInputError, bilingual, NotFoundError } from '../../../shared/pure/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { foldVietnamese } from '../../../shared/pure/text';
import { Commune } from '../entities/Commune';
import { PopulationRevision } from '../entities/PopulationRevision';
import { Province } from '../entities/Province';
import { Unit } from '../entities/Unit';
import { Village } from '../entities/Village';
import { asOfOrToday, type RegistryLoaders } from '../loaders';
import { PopulationType } from './types';
import {
  listSize,
  COMMUNE_SEARCH_LIMIT,
  REVISIONS,
  UNITS_PER_COMMUNE,
  VILLAGES_PER_COMMUNE,
} from '../../common/list-size';

type Ctx = Context<RegistryLoaders>;

@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => Commune, { nullable: true })
  async commune(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Ctx): Promise<Commune> {
    const found = await loaders.commune.load(id);
    if (!found)
      throw new NotFoundError(bilingual(`Không tìm thấy xã, phường có mã "${id}"`, `no commune has id ${id}`));
    return found;
  }

  @Directive(listSize(COMMUNE_SEARCH_LIMIT, { arguments: ['limit'] }))
  @Query(() => [Commune], {
    description:
      'Communes whose name contains the search text, with or without diacritics ("ba to" finds Ba Tô and Ba Tơ).',
  })
  async communes(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('provinceCode', () => String, { nullable: true }) provinceCode: string | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() { em }: Ctx,
  ): Promise<Commune[]> {
    if (limit < 1 || limit > COMMUNE_SEARCH_LIMIT)
      throw new BadInputError(
        bilingual(`limit phải từ 1 đến ${COMMUNE_SEARCH_LIMIT}`, `limit must be 1–${COMMUNE_SEARCH_LIMIT}`),
        'limit',
      );
    const folded = foldVietnamese(search ?? '');
    const where: Record<string, unknown> = {};
    if (folded) where.searchName = { $like: `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
    if (provinceCode) where.province = { code: provinceCode };
    const found = await em.find(Commune, where, { orderBy: { searchName: 'asc', code: 'asc' }, limit });
    return found;
  }

  /** Shareable: the reports subgraph gives it with its national ranking (@provides). */
  @FieldResolver(() => Province)
  @Directive('@shareable')
  async province(@Root() commune: Commune, @Ctx() { loaders }: Ctx): Promise<Province> {
    return (await loaders.province.load(commune.province.id))!;
  }

  @Directive(listSize(VILLAGES_PER_COMMUNE))
  @FieldResolver(() => [Village], { description: 'Its villages and residential groups (thôn, tổ dân phố).' })
  villages(@Root() commune: Commune, @Ctx() { loaders }: Ctx): Promise<Village[]> {
    return loaders.villagesOfCommune.load(commune.id);
  }

  @Directive(listSize(UNITS_PER_COMMUNE))
  @FieldResolver(() => [Unit], { description: 'Its agencies, schools, organisations, enterprises and digital teams.' })
  units(@Root() commune: Commune, @Ctx() { loaders }: Ctx): Promise<Unit[]> {
    return loaders.unitsOfCommune.load(commune.id);
  }

  @FieldResolver(() => PopulationType, {
    nullable: true,
    description: 'Its own latest figure as of the date (default today), else the sum of its villages.',
  })
  population(
    @Root() commune: Commune,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() { loaders }: Ctx,
  ) {
    return loaders.population.load({ key: commune.id, arg: asOfOrToday(asOf) });
  }

  @Directive(listSize(REVISIONS))
  @FieldResolver(() => [PopulationRevision], {
    description: 'Every figure recorded for the commune itself, oldest first.',
  })
  populationHistory(@Root() commune: Commune, @Ctx() { loaders }: Ctx): Promise<PopulationRevision[]> {
    return loaders.populationHistory.load(commune.id);
  }
}
