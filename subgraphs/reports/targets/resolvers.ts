import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { asOfOrToday, type ReportsLoaders } from '../loaders';
import { CommuneRef, ProvinceRef } from '../resolvers/refs';
import { TargetSource } from '../../../shared/vocabulary/enums';
import { TargetStatus } from './types';
import { judgeTargets, measuresOf, type StatusTarget } from './status';
import { listSize, ITEMS_PER_DOCUMENT } from '../../common/list-size';

type Ctx = Context<ReportsLoaders>;

/** Judges targets for an area from the snapshots of its province at every figure date up to asOf. */
async function statusOf(
  loaders: ReportsLoaders,
  areaId: string,
  targets: StatusTarget[],
  asOf: string | null,
): Promise<TargetStatus[]> {
  const date = asOfOrToday(asOf);
  return judgeTargets(targets, await measuresOf(loaders, areaId, date), date);
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
