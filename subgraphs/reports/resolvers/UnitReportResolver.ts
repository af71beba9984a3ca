import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context';
import { UnitReport } from '../entities/UnitReport';
import type { ReportsLoaders } from '../loaders';

@Resolver(() => UnitReport)
export class UnitReportResolver {
  @Query(() => [UnitReport], { description: 'Reports a village or unit has submitted, newest first.' })
  unitReports(@Arg('reporterId', () => ID) reporterId: string, @Ctx() { loaders }: Context<ReportsLoaders>): Promise<UnitReport[]> {
    return loaders.reportsOf.load(reporterId);
  }
}
