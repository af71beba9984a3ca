import { Arg, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BadInputError, bilingual } from '../../../shared/pure/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import type { Context } from '../../common/context';
import { asOfOrToday, type ReportsLoaders } from '../loaders';
import { pageOf, pageProblem } from './rules';
import { nationView } from './store';
import { CommuneRef, ProvinceRef } from '../resolvers/refs';
import { ProgressType, toProgressType } from '../resolvers/types';
import { listSize, COMMUNES, PROVINCES } from '../../common/list-size';

type Ctx = Context<ReportsLoaders>;

@ObjectType('Nation', { description: 'The whole country as of a date: totals, provinces and communes ranked.' })
export class NationType {
  @Field(() => DateScalar) asOf!: string;
}

@ObjectType('ProvinceRankingEntry', { description: 'A province’s place among the 34 by participation rate.' })
export class ProvinceRankingEntry {
  @Field(() => Int) position!: number;
  /** Its code and name come with the ranking (reports' areas), not from a registry fetch of every province. */
  @Field(() => ProvinceRef)
  @Directive('@provides(fields: "code name")')
  province!: ProvinceRef;
  @Field(() => ProgressType) progress!: ProgressType;
}

@ObjectType('NationalCommuneRankingEntry', { description: 'A commune’s place among all communes of the country.' })
export class NationalCommuneRankingEntry {
  @Field(() => Int) position!: number;
  @Field(() => String, { description: 'Pass as `after` to get the entries after this one.' }) cursor!: string;
  /** Its name and province code come with the ranking (reports' areas), not from a registry fetch of 3,320 communes. */
  @Field(() => CommuneRef)
  @Directive('@provides(fields: "name province { code }")')
  commune!: CommuneRef;
  @Field(() => ProgressType) progress!: ProgressType;
}

@Resolver(() => NationType)
export class NationResolver {
  @Query(() => NationType, { description: 'The national view (public aggregates, as the provinces’ are).' })
  nation(
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Default: today (Vietnam).' }) asOf: string | null,
  ) {
    return { asOf: asOfOrToday(asOf) };
  }

  @FieldResolver(() => ProgressType, {
    description:
      'The counts of the provinces that have figures over those provinces’ adults (`provinceRanking.length` of the ' +
      '34); its coverage is theirs.',
  })
  async progress(@Root() n: NationType, @Ctx() { em, loaders }: Ctx): Promise<ProgressType> {
    return toProgressType((await nationView(em, loaders, n.asOf)).progress);
  }

  @Directive(listSize(PROVINCES))
  @FieldResolver(() => [ProvinceRankingEntry], {
    description:
      'The provinces that have figures (reports, portal or national platform) by participation rate, highest ' +
      'first; those without any are not ranked (see `provincesWithoutFigures`).',
  })
  async provinceRanking(@Root() n: NationType, @Ctx() { em, loaders }: Ctx): Promise<ProvinceRankingEntry[]> {
    return (await nationView(em, loaders, n.asOf)).provinces.map((p) => ({
      ...p,
      progress: toProgressType(p.progress),
    }));
  }

  @Directive(listSize(PROVINCES))
  @Directive('@provides(fields: "code name")')
  @FieldResolver(() => [ProvinceRef], {
    description:
      'The provinces without any figures yet (chưa có số liệu), by code: neither ranked nor in the national totals.',
  })
  async provincesWithoutFigures(@Root() n: NationType, @Ctx() { em, loaders }: Ctx): Promise<ProvinceRef[]> {
    return (await nationView(em, loaders, n.asOf)).provincesWithoutFigures;
  }

  @Directive(listSize(COMMUNES, { arguments: ['first'] }))
  @FieldResolver(() => [NationalCommuneRankingEntry], {
    description:
      'Every commune of the country by participation rate (ties: more learners, then code); the whole list when ' +
      '`first` is not given.',
  })
  async communeRanking(
    @Root() n: NationType,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many entries (1–5000).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `cursor` of the last entry already received.' })
    after: string | null,
    @Ctx() { em, loaders }: Ctx,
  ): Promise<NationalCommuneRankingEntry[]> {
    const problem = pageProblem(first ?? null, after ?? null);
    if (problem) throw new BadInputError(bilingual(problem.vi, problem.en), first !== null ? 'first' : 'after');
    return pageOf(await communeEntries(em, loaders, n.asOf), first ?? null, after ?? null);
  }
}

/** The commune entries as the schema gives them, shaped once per national view and shared by every request. */
function communeEntries(em: Ctx['em'], loaders: ReportsLoaders, asOf: string): Promise<NationalCommuneRankingEntry[]> {
  return loaders.view(`nation-entries|${asOf}`, async () =>
    (await nationView(em, loaders, asOf)).communes.map((c) => ({
      ...c,
      cursor: String(c.position),
      progress: toProgressType(c.progress, { provinceId: c.commune.province.id, communeId: c.commune.id }),
    })),
  );
}
