import { Arg, Ctx, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import type { Context } from '../../common/context';
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { Commune } from '../entities/Commune';
import { Province } from '../entities/Province';
import { asOfOrToday, type RegistryLoaders } from '../loaders';
import { PopulationType } from './types';
import { listSize, COMMUNES_PER_PROVINCE, PROVINCES } from '../../common/list-size';

type Ctx = Context<RegistryLoaders>;

@Resolver(() => Province)
export class ProvinceResolver {
  @Directive(listSize(PROVINCES))
  @Query(() => [Province], { description: 'The 34 provinces and centrally-run cities, by code.' })
  provinces(@Ctx() { em }: Ctx): Promise<Province[]> {
    return em.find(Province, {}, { orderBy: { code: 'asc' } });
  }

  @Query(() => Province, { nullable: true, description: 'A province by its reference code, e.g. "23" for Quảng Ngãi.' })
  async province(@Arg('code', () => String) code: string, @Ctx() { loaders }: Ctx): Promise<Province> {
    const found = await loaders.provinceByCode.load(code);
    if (!found)
      throw new NotFoundError(bilingual(`Không tìm thấy tỉnh có mã "${code}"`, `no province has code ${code}`));
    return found;
  }

  @Directive(listSize(COMMUNES_PER_PROVINCE))
  @FieldResolver(() => [Commune], { description: 'Its communes, wards and special zones, by name.' })
  communes(@Root() province: Province, @Ctx() { loaders }: Ctx): Promise<Commune[]> {
    return loaders.communesOfProvince.load(province.id);
  }

  @FieldResolver(() => PopulationType, {
    nullable: true,
    description: 'Its own latest figure as of the date (default today), else the sum of its communes.',
  })
  population(
    @Root() province: Province,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() { loaders }: Ctx,
  ) {
    return loaders.population.load({ key: province.id, arg: asOfOrToday(asOf) });
  }
}
