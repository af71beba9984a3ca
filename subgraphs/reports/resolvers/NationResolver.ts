import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BadInputError, bilingual } from '../../../shared/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import type { Context } from '../../common/context';
import { asOfOrToday, type ReportsLoaders } from '../loaders';
import { nationalProgress, pageOf, pageProblem, rankAreas } from '../nation';
import { nationSnapshots } from '../nation-store';
import { CommuneRef, ProvinceRef } from './refs';
import { ProgressType, toProgressType } from './types';

type Ctx = Context<ReportsLoaders>;

@ObjectType('Nation', { description: 'The whole country as of a date: totals, provinces and communes ranked.' })
export class NationType {
  @Field(() => DateScalar) asOf!: string;
}

@ObjectType('ProvinceRankingEntry', { description: 'A province’s place among the 34 by participation rate.' })
export class ProvinceRankingEntry {
  @Field(() => Int) position!: number;
  @Field(() => ProvinceRef) province!: ProvinceRef;
  @Field(() => ProgressType) progress!: ProgressType;
}

@ObjectType('NationalCommuneRankingEntry', { description: 'A commune’s place among all communes of the country.' })
export class NationalCommuneRankingEntry {
  @Field(() => Int) position!: number;
  @Field(() => String, { description: 'Pass as `after` to get the entries after this one.' }) cursor!: string;
  @Field(() => CommuneRef) commune!: CommuneRef;
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

  @FieldResolver(() => ProgressType, { description: 'The provinces’ counts over the country’s adults.' })
  async progress(@Root() n: NationType, @Ctx() { em, loaders }: Ctx): Promise<ProgressType> {
    const snapshots = await nationSnapshots(em, loaders, n.asOf);
    return toProgressType(
      nationalProgress(
        n.asOf,
        snapshots.map((s) => s.progress(s.provinceId)),
      ),
    );
  }

  @FieldResolver(() => [ProvinceRankingEntry], {
    description: 'The 34 provinces by participation rate, highest first.',
  })
  async provinceRanking(@Root() n: NationType, @Ctx() { em, loaders }: Ctx): Promise<ProvinceRankingEntry[]> {
    const snapshots = await nationSnapshots(em, loaders, n.asOf);
    return rankAreas(snapshots.map((s) => ({ id: s.provinceId, progress: s.progress(s.provinceId) }))).map((r) => ({
      position: r.position,
      province: { id: r.id },
      progress: toProgressType(r.progress),
    }));
  }

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
    const snapshots = await nationSnapshots(em, loaders, n.asOf);
    const ranked = rankAreas(
      snapshots.flatMap((s) => s.communes().map((c) => ({ id: c.id, progress: s.progress(c.id) }))),
    );
    const provinceOf = new Map(snapshots.flatMap((s) => s.communes().map((c) => [c.id, s.provinceId] as const)));
    return pageOf(ranked, first ?? null, after ?? null).map((r) => ({
      position: r.position,
      cursor: String(r.position),
      commune: { id: r.id },
      progress: toProgressType(r.progress, { provinceId: provinceOf.get(r.id)!, communeId: r.id }),
    }));
  }
}
