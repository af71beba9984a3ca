import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { asOfOrToday, type ReportsLoaders } from '../loaders';
import { judgeTarget, targetShare, type TargetShape } from './rules';
import { excessSentence, isExcess } from '../../../shared/pure/measures';
import { CommuneRef, ProvinceRef } from '../resolvers/refs';
import { TargetSource, type StudentLevelName } from '../../../shared/vocabulary/enums';
import { TargetStateEnum, TargetStatus } from './types';
import { listSize, ITEMS_PER_DOCUMENT } from '../../common/list-size';

type Ctx = Context<ReportsLoaders>;

/** Judges targets for an area from the snapshots of its province at every figure date up to asOf. */
async function statusOf(
  loaders: ReportsLoaders,
  areaId: string,
  targets: Array<
    TargetShape & {
      source: TargetSource;
      document: string | null;
      citation: string | null;
      demo: boolean;
      studentLevels: readonly StudentLevelName[] | null;
    }
  >,
  asOf: string | null,
): Promise<TargetStatus[]> {
  const area = await loaders.area.load(areaId);
  if (!area) throw new NotFoundError(bilingual(`Chưa có dữ liệu của khu vực "${areaId}"`, `unknown area ${areaId}`));
  const date = asOfOrToday(asOf);
  const dates = (await loaders.figureDates.load(area.provinceId)).filter((d) => d < date).slice(-6);
  const snapshots = await loaders.snapshot.loadMany(
    [...dates, date].map((d) => ({ provinceId: area.provinceId, asOf: d })),
  );
  return targets.map((t) => {
    const series = snapshots.map((s, i) => {
      if (s instanceof Error) throw s;
      return {
        date: i < dates.length ? dates[i] : date,
        share: targetShare(t, s.counts(areaId), s.denominators(areaId)),
      };
    });
    const judged = judgeTarget(t, series, date);
    const current = series[series.length - 1].share;
    return {
      ...t,
      strict: t.strict ?? false,
      asOf: date,
      ...judged,
      status: judged.status as TargetStateEnum,
      anomaly: current && isExcess(current) ? excessSentence(t.indicator, t.group, current) : null,
    } as TargetStatus;
  });
}

@Resolver(() => CommuneRef)
export class CommuneTargetResolver {
  @Directive(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [TargetStatus], {
    description:
      'Each effective target with value, gap and status, side by side, none hidden: a commune target overrides the ' +
      'province’s only where both have the same indicator, group and due date; a province target with another due ' +
      'date is listed beside the commune’s. Each names its letter (`document`).',
  })
  @Directive(
    '@requires(fields: "effectiveTargets { indicator group threshold dueOn strict source document citation demo studentLevels }")',
  )
  targetStatus(
    @Root() c: CommuneRef,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() { loaders }: Ctx,
  ) {
    const targets = (c.effectiveTargets ?? []).map((t) => ({
      ...t,
      document: t.document ?? null,
      citation: t.citation ?? null,
      demo: t.demo ?? false,
      studentLevels: t.studentLevels ?? null,
      indicator: t.indicator,
      group: t.group,
    }));
    return statusOf(loaders, c.id, targets, asOf);
  }
}

@Resolver(() => ProvinceRef)
export class ProvinceTargetResolver {
  @Directive(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [TargetStatus], {
    description: 'Each target of the province’s directives in force, with value, gap and status.',
  })
  async targetStatus(
    @Root() p: ProvinceRef,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() { loaders }: Ctx,
  ) {
    const directives = await loaders.directiveTargets.load(p.id);
    const seen = new Set<string>();
    const targets = directives
      .filter((d) => d.status === 'IN_FORCE')
      .flatMap((d) => d.targets.map((t) => ({ ...t, document: d.number })))
      .filter((t) => {
        const key = `${t.indicator}|${t.group}|${t.studentLevels?.join('+') ?? ''}|${t.threshold}|${t.dueOn}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((t) => ({
        indicator: t.indicator,
        group: t.group,
        threshold: t.threshold,
        dueOn: t.dueOn,
        strict: t.strict ?? false,
        source: TargetSource.PROVINCE,
        document: t.document,
        citation: t.citation ?? null,
        demo: t.demo ?? false,
        studentLevels: t.studentLevels ?? null,
      }));
    return statusOf(loaders, p.id, targets, asOf);
  }
}
