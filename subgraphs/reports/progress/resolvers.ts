import { Arg, Ctx, FieldResolver, Resolver, Root, Directive } from 'type-graphql';
import type { Context } from '../../common/context';
import { BadInputError, bilingual, NotFoundError } from '../../../shared/pure/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { UnitReport } from '../entities/UnitReport';
import { asOfOrToday, type ReportsLoaders } from '../loaders';
import { CommuneRef, ProvinceRef, UnitRef, VillageRef } from '../resolvers/refs';
import {
  type ApprovalScope,
  ProgressSource,
  ProgressSources,
  ProgressType,
  RankingEntry,
  RankPoint,
  RankType,
  rankFields,
  toProgressType,
} from '../resolvers/types';
import { rankMoves, type Ranked } from '../ranking/rules';
import { listSize, COMMUNES_PER_PROVINCE, DATES_PER_YEAR, REPORTS_PER_REPORTER } from '../../common/list-size';

type Ctx = Context<ReportsLoaders>;

async function areaOf(loaders: ReportsLoaders, areaId: string) {
  const area = await loaders.area.load(areaId);
  if (!area) throw new NotFoundError(bilingual(`Chưa có dữ liệu của khu vực "${areaId}"`, `unknown area ${areaId}`));
  return area;
}

async function provinceOf(loaders: ReportsLoaders, areaId: string): Promise<string> {
  return (await areaOf(loaders, areaId)).provinceId;
}

/** The commune whose period approval a progress shows: the commune itself, a village's or unit's commune. */
function scopeOf(area: {
  id: string;
  level: string;
  provinceId: string;
  communeId: string | null;
}): ApprovalScope | null {
  if (area.level === 'COMMUNE') return { provinceId: area.provinceId, communeId: area.id };
  return area.communeId ? { provinceId: area.provinceId, communeId: area.communeId } : null;
}

async function progressOf(loaders: ReportsLoaders, areaId: string, asOf: string | null): Promise<ProgressType> {
  const area = await areaOf(loaders, areaId);
  const snapshot = await loaders.snapshot.load({ provinceId: area.provinceId, asOf: asOfOrToday(asOf) });
  return toProgressType(snapshot.progress(areaId), scopeOf(area));
}

function checkRange(from: string | null, to: string | null): void {
  if (from && to && from > to)
    throw new BadInputError(bilingual('Ngày bắt đầu phải trước ngày kết thúc', 'from must not be after to'), 'from');
}

/** Progress at every figure date of the area's province within [from, to], oldest first (for charts). */
async function historyOf(
  loaders: ReportsLoaders,
  areaId: string,
  from: string | null,
  to: string | null,
): Promise<ProgressType[]> {
  checkRange(from, to);
  const area = await areaOf(loaders, areaId);
  const provinceId = area.provinceId;
  const dates = (await loaders.figureDates.load(provinceId)).filter((d) => (!from || d >= from) && (!to || d <= to));
  const snapshots = await loaders.snapshot.loadMany(dates.map((asOf) => ({ provinceId, asOf })));
  return snapshots.map((s) => {
    if (s instanceof Error) throw s;
    return toProgressType(s.progress(areaId), scopeOf(area));
  });
}

const AS_OF = { nullable: true, description: 'Default: today (Vietnam).' };
const HISTORY_DESC =
  'Progress at each date with figures in the province (reports or portal), oldest first: the time series for charts.';

@Resolver(() => ProvinceRef)
export class ProvinceProgressResolver {
  @FieldResolver(() => ProgressType, { description: 'Sum of its communes’ progress over the province’s adults.' })
  progress(@Root() p: ProvinceRef, @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null, @Ctx() { loaders }: Ctx) {
    return progressOf(loaders, p.id, asOf);
  }

  @Directive(listSize(DATES_PER_YEAR))
  @FieldResolver(() => [ProgressType], { description: HISTORY_DESC })
  progressHistory(
    @Root() p: ProvinceRef,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Ctx() { loaders }: Ctx,
  ) {
    return historyOf(loaders, p.id, from, to);
  }

  @Directive(listSize(COMMUNES_PER_PROVINCE))
  @FieldResolver(() => [RankingEntry], {
    description:
      'Every commune ranked by participation rate (learners / adults), highest first; ties broken by more learners, then ' +
      'by commune code. `previous` and `change` compare with the ranking of the previous date with figures.',
  })
  async ranking(
    @Root() p: ProvinceRef,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
    @Ctx() { loaders }: Ctx,
  ): Promise<RankingEntry[]> {
    const date = asOfOrToday(asOf);
    const [ranked, snapshot] = await Promise.all([
      loaders.ranking.load({ provinceId: p.id, asOf: date }),
      loaders.snapshot.load({ provinceId: p.id, asOf: date }),
    ]);
    return ranked.map((r) => ({
      ...rankFields(r),
      date: r.date,
      previousDate: r.previousDate,
      commune: { id: r.communeId },
      progress: toProgressType(snapshot.progress(r.communeId), { provinceId: p.id, communeId: r.communeId }),
    }));
  }
}

@Resolver(() => CommuneRef)
export class CommuneProgressResolver {
  @FieldResolver(() => ProgressType)
  progress(@Root() c: CommuneRef, @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null, @Ctx() { loaders }: Ctx) {
    return progressOf(loaders, c.id, asOf);
  }

  @Directive(listSize(DATES_PER_YEAR))
  @FieldResolver(() => [ProgressType], { description: HISTORY_DESC })
  progressHistory(
    @Root() c: CommuneRef,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Ctx() { loaders }: Ctx,
  ) {
    return historyOf(loaders, c.id, from, to);
  }

  @FieldResolver(() => ProgressSources, {
    description: 'Its reports, the portal and the national platform side by side, to see where they disagree.',
  })
  async progressSources(
    @Root() c: CommuneRef,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
    @Ctx() { loaders }: Ctx,
  ): Promise<ProgressSources> {
    const provinceId = await provinceOf(loaders, c.id);
    const snapshot = await loaders.snapshot.load({ provinceId, asOf: asOfOrToday(asOf) });
    const scope = { provinceId, communeId: c.id };
    const reports = snapshot.reportedCommuneProgress(c.id);
    const portal = snapshot.portalCommuneProgress(c.id);
    const platform = snapshot.platformCommuneProgress(c.id);
    const used = snapshot.progress(c.id).source;
    const both = portal !== null && reports.source !== 'NONE';
    return {
      reports: toProgressType(reports, scope),
      portal: portal ? toProgressType(portal, scope) : null,
      nationalPlatform: platform ? toProgressType(platform, scope) : null,
      portalRank: snapshot.portalRow(c.id)?.portalRank ?? null,
      used: used as ProgressSource,
      learnersDifference: both ? portal.learners - reports.learners : null,
      disagree: both && portal.learners !== reports.learners,
    };
  }

  @FieldResolver(() => RankType, {
    nullable: true,
    description: 'Its place in the province’s ranking (see Province.ranking).',
  })
  async rank(
    @Root() c: CommuneRef,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
    @Ctx() { loaders }: Ctx,
  ): Promise<RankType | null> {
    const ranked = await loaders.ranking.load({ provinceId: await provinceOf(loaders, c.id), asOf: asOfOrToday(asOf) });
    const r = ranked.find((x) => x.communeId === c.id);
    return r ? { ...rankFields(r), date: r.date, previousDate: r.previousDate } : null;
  }

  @Directive(listSize(DATES_PER_YEAR))
  @FieldResolver(() => [RankPoint], {
    description: 'Its rank on every date with figures within [from, to], oldest first.',
  })
  async rankHistory(
    @Root() c: CommuneRef,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Ctx() { loaders }: Ctx,
  ): Promise<RankPoint[]> {
    checkRange(from, to);
    const provinceId = await provinceOf(loaders, c.id);
    const all = await loaders.figureDates.load(provinceId);
    const snapshots = await loaders.snapshot.loadMany(all.map((asOf) => ({ provinceId, asOf })));
    const points: RankPoint[] = [];
    // The ranking of the last date that ranked this commune, and that date.
    let previous: { ranking: Ranked[]; date: string } | null = null;
    snapshots.forEach((s, i) => {
      if (s instanceof Error) throw s;
      const ranking = s.ranking();
      if (!ranking.some((x) => x.communeId === c.id)) return;
      if ((!from || all[i] >= from) && (!to || all[i] <= to)) {
        const m = rankMoves(previous?.ranking ?? null, ranking).find((x) => x.communeId === c.id)!;
        points.push({ ...rankFields(m), date: all[i], previousDate: previous?.date ?? null });
      }
      previous = { ranking, date: all[i] };
    });
    return points;
  }
}

@Resolver(() => VillageRef)
export class VillageProgressResolver {
  @FieldResolver(() => ProgressType, { description: 'From its own latest report, over its adults.' })
  progress(@Root() v: VillageRef, @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null, @Ctx() { loaders }: Ctx) {
    return progressOf(loaders, v.id, asOf);
  }

  @Directive(listSize(REPORTS_PER_REPORTER))
  @FieldResolver(() => [UnitReport], { description: 'Every version of its reports, newest first.' })
  reports(@Root() v: VillageRef, @Ctx() { loaders }: Ctx) {
    return loaders.reportsOf.load(v.id);
  }
}

@Resolver(() => UnitRef)
export class UnitProgressResolver {
  @FieldResolver(() => ProgressType, { description: 'From its own latest report; rates over its staff.' })
  progress(@Root() u: UnitRef, @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null, @Ctx() { loaders }: Ctx) {
    return progressOf(loaders, u.id, asOf);
  }

  @Directive(listSize(REPORTS_PER_REPORTER))
  @FieldResolver(() => [UnitReport], { description: 'Every version of its reports, newest first.' })
  reports(@Root() u: UnitRef, @Ctx() { loaders }: Ctx) {
    return loaders.reportsOf.load(u.id);
  }
}
